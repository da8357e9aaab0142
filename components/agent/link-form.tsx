"use client";

import { OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

/**
 * The customer's links: renew (every link stops working and the customer is mailed a new one —
 * staff never see a link's secret) or revoke (every link stops working; nothing is sent).
 */
export function LinkForm({
  invoiceId,
  version,
  hasEmail,
}: {
  invoiceId: string;
  version: number;
  hasEmail: boolean;
}) {
  const { outcome, submit } = useInvoiceChange(invoiceId, version);
  return (
    <form
      aria-label="The customer's links"
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
          renew
            ? "Every old link stops working; the customer is being mailed a new one."
            : "Every link of this invoice stops working. Nothing was sent.",
        );
      }}
    >
      <p className="text-sm text-slate-700">
        Use this when a link reached someone it should not. Open pages on an old link are closed.
      </p>
      <label className="flex flex-col gap-1 text-sm">
        Internal reason (staff only)
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
          Renew and mail the customer a new link
        </button>
        <button
          type="submit"
          value="revoke"
          disabled={outcome.kind === "busy"}
          className="rounded px-4 py-2 text-sm font-semibold text-red-900 ring-1 ring-red-300 disabled:opacity-50"
        >
          Revoke all links
        </button>
      </div>
      {hasEmail ? null : (
        <p className="text-sm text-slate-700">
          The customer has no email address on file, so a new link cannot be mailed.
        </p>
      )}
    </form>
  );
}
