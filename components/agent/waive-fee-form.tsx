"use client";

import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import { formatStaffMoney } from "@/lib/money/staff-money";
import { ChangeTexts, changeTexts } from "./change-texts";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

/** Takes a reminder fee off the invoice. */
export function WaiveFeeForm({
  invoiceId,
  version,
  fees,
  locale,
}: {
  invoiceId: string;
  version: number;
  fees: Array<{ id: string; amountOre: number; occurredAt: string; memo: string | null }>;
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].fee;
  const { outcome, submit, touch, changedMeanwhile } = useInvoiceChange(invoiceId, version, locale);
  if (fees.length === 0) return <p className="text-sm text-slate-700">{t.none}</p>;
  return (
    <form
      aria-label={t.formLabel}
      data-testid="waive-fee-form"
      onChange={touch}
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        await submit(
          { action: "waive-fee", feeEntryId: String(form.get("feeEntryId")), ...changeTexts(form) },
          t.waived,
        );
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        {t.fee}
        <select name="feeEntryId" className="rounded border border-slate-400 px-2 py-1">
          {fees.map((fee) => (
            <option key={fee.id} value={fee.id}>
              {formatStaffMoney(fee.amountOre)} · {fee.memo ?? t.unnamed} ·{" "}
              {fee.occurredAt.slice(0, 10)}
            </option>
          ))}
        </select>
      </label>
      <ChangeTexts idPrefix="waive" locale={locale} />
      <ChangedMeanwhile show={changedMeanwhile} locale={locale} />
      <OutcomeMessage outcome={outcome} />
      <button
        type="submit"
        disabled={outcome.kind === "busy"}
        className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
      >
        {t.waive}
      </button>
    </form>
  );
}
