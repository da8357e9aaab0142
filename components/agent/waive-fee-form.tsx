"use client";

import { formatStaffMoney } from "@/lib/money/staff-money";
import { ChangeTexts, changeTexts } from "./change-texts";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

/** Takes a reminder fee off the invoice. */
export function WaiveFeeForm({
  invoiceId,
  version,
  fees,
}: {
  invoiceId: string;
  version: number;
  fees: Array<{ id: string; amountOre: number; occurredAt: string; memo: string | null }>;
}) {
  const { outcome, submit, touch, changedMeanwhile } = useInvoiceChange(invoiceId, version);
  if (fees.length === 0)
    return <p className="text-sm text-slate-700">No fees to waive on this invoice.</p>;
  return (
    <form
      aria-label="Waive a fee"
      data-testid="waive-fee-form"
      onChange={touch}
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        await submit(
          { action: "waive-fee", feeEntryId: String(form.get("feeEntryId")), ...changeTexts(form) },
          "Fee waived.",
        );
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Fee
        <select name="feeEntryId" className="rounded border border-slate-400 px-2 py-1">
          {fees.map((fee) => (
            <option key={fee.id} value={fee.id}>
              {formatStaffMoney(fee.amountOre)} · {fee.memo ?? "fee"} ·{" "}
              {fee.occurredAt.slice(0, 10)}
            </option>
          ))}
        </select>
      </label>
      <ChangeTexts idPrefix="waive" />
      <ChangedMeanwhile show={changedMeanwhile} />
      <OutcomeMessage outcome={outcome} />
      <button
        type="submit"
        disabled={outcome.kind === "busy"}
        className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
      >
        Waive fee
      </button>
    </form>
  );
}
