"use client";

import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import { ChangeTexts, changeTexts } from "./change-texts";
import { ChangedMeanwhile, OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

/** Gives the customer more time: a later due date (at most 90 days later, the server checks). */
export function RespiteForm({
  invoiceId,
  version,
  dueDate,
  locale,
}: {
  invoiceId: string;
  version: number;
  dueDate: string | null;
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].respite;
  const { outcome, submit, touch, changedMeanwhile } = useInvoiceChange(invoiceId, version, locale);
  return (
    <form
      aria-label={t.formLabel}
      data-testid="respite-form"
      onChange={touch}
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const form = new FormData(target);
        const done = await submit(
          { action: "respite", dueDate: String(form.get("dueDate") ?? ""), ...changeTexts(form) },
          t.granted,
        );
        if (done) target.reset();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        {t.newDueDate(dueDate)}
        <input
          type="date"
          name="dueDate"
          required
          min={dueDate ?? undefined}
          className="w-44 rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <ChangeTexts idPrefix="respite" locale={locale} />
      <ChangedMeanwhile show={changedMeanwhile} locale={locale} />
      <OutcomeMessage outcome={outcome} />
      <button
        type="submit"
        disabled={outcome.kind === "busy"}
        className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
      >
        {t.grant}
      </button>
    </form>
  );
}
