"use client";

import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";
import { OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

/**
 * The customer's links: renew (every link stops working and the customer is mailed a new one —
 * staff never see a link's secret) or revoke (every link stops working; nothing is sent).
 */
export function LinkForm({
  invoiceId,
  version,
  hasEmail,
  locale,
}: {
  invoiceId: string;
  version: number;
  hasEmail: boolean;
  locale: Locale;
}) {
  const t = agentChangeMessages[locale].link;
  const { outcome, submit } = useInvoiceChange(invoiceId, version, locale);
  return (
    <form
      aria-label={t.formLabel}
      data-testid="link-form"
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const renew =
          (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "renew";
        await submit(
          {
            action: renew ? "renew-link" : "revoke-links",
            reason: String(form.get("reason") ?? ""),
          },
          renew ? t.renewed : t.revoked,
        );
      }}
    >
      <p className="text-sm text-slate-700">{t.intro}</p>
      <label className="flex flex-col gap-1 text-sm">
        {agentChangeMessages[locale].texts.reason}
        <input
          name="reason"
          required
          minLength={3}
          maxLength={500}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <OutcomeMessage outcome={outcome} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          value="renew"
          disabled={outcome.kind === "busy" || !hasEmail}
          className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.renew}
        </button>
        <button
          type="submit"
          value="revoke"
          disabled={outcome.kind === "busy"}
          className="rounded px-4 py-2 text-sm font-semibold text-red-900 ring-1 ring-red-300 disabled:opacity-50"
        >
          {t.revoke}
        </button>
      </div>
      {hasEmail ? null : <p className="text-sm text-slate-700">{t.noEmail}</p>}
    </form>
  );
}
