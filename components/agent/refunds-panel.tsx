"use client";

import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";
import { formatStaffMoney } from "@/lib/money/staff-money";
import { OutcomeMessage, useInvoiceChange } from "./use-invoice-change";

export interface RefundRow {
  id: string;
  amountOre: number;
  status: "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELED";
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The invoice's refunds with their status at the provider (a failed one shows the provider's
 * reason, for staff), and — when the customer has credit left and the organisation refunds —
 * a way to pay it back again.
 */
export function RefundsPanel({
  invoiceId,
  version,
  refunds,
  creditOre,
  refundsCredit,
  locale,
}: {
  invoiceId: string;
  version: number;
  refunds: RefundRow[];
  creditOre: number;
  refundsCredit: boolean;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].refunds;
  const { outcome, submit } = useInvoiceChange(invoiceId, version, locale);
  if (refunds.length === 0 && creditOre <= 0) return null;
  const money = formatStaffMoney;
  return (
    <section
      aria-labelledby="refunds-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="refunds-panel"
    >
      <h2 id="refunds-heading" className="text-base font-semibold">
        {t.heading}
      </h2>
      {refunds.length ? (
        <ul className="mt-2 flex flex-col gap-2 text-sm">
          {refunds.map((refund) => (
            <li key={refund.id} data-testid="refund-row" data-status={refund.status}>
              <span className="font-semibold">{money(refund.amountOre)}</span> ·{" "}
              <span
                className={
                  refund.status === "FAILED" || refund.status === "CANCELED"
                    ? "font-semibold text-red-900"
                    : undefined
                }
              >
                {t.statuses[refund.status]}
              </span>{" "}
              <span className="text-slate-600">
                (
                {new Date(refund.updatedAt).toLocaleString("sv-SE", {
                  timeZone: "Europe/Stockholm",
                })}
                )
              </span>
              {refund.failureReason ? (
                <span className="block text-slate-700">
                  {t.providerReason} {refund.failureReason}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {creditOre > 0 ? (
        <div className="mt-3 flex flex-col gap-2">
          <p className="text-sm" data-testid="customer-credit">
            {t.credit(money(creditOre))}
          </p>
          <OutcomeMessage outcome={outcome} />
          {refundsCredit ? (
            <button
              type="button"
              disabled={outcome.kind === "busy"}
              onClick={() => submit({ action: "refund-credit" }, t.requested)}
              className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
            >
              {t.refund(money(creditOre))}
            </button>
          ) : (
            <p className="text-sm text-slate-700">{t.keptAsCredit}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
