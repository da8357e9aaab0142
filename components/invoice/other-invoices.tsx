import type { Locale } from "@/lib/db/generated/client";
import { formatMonthYear } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import { displayStatusOf, type InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { EMPTY_LEDGER } from "@/lib/ledger/invoice-status";
import { formatMoney } from "@/lib/money/money";
import { StatusBadge } from "./status-badge";

/** The customer's last twelve other documents (invoices and credit notes), each a link. */
export function OtherInvoices({
  data,
  locale,
  t,
  hrefFor,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
  hrefFor: (number: number) => string | null;
}) {
  if (data.otherInvoices.length === 0) return null;
  return (
    <section aria-labelledby="other-heading" className="no-print rounded-lg bg-white p-4 shadow-sm">
      <h2 id="other-heading" className="text-xl font-semibold">
        {t.other.heading}
      </h2>
      <ul className="mt-2 divide-y divide-slate-200" data-testid="other-invoices">
        {data.otherInvoices.map((other) => {
          const href = other.number !== null ? hrefFor(other.number) : null;
          const label =
            other.kind === "CREDIT_NOTE"
              ? `${t.creditNote} ${other.number}`
              : t.other.invoiceFor(formatMonthYear(other.periodStart, locale));
          return (
            <li
              key={other.id}
              className="flex flex-wrap items-center gap-3 py-2"
              data-kind={other.kind}
              data-number={other.number}
            >
              {href ? (
                <a href={href} className="text-blue-800 underline underline-offset-2">
                  {label}
                </a>
              ) : (
                <span>{label}</span>
              )}
              <span className="ml-auto tabular-nums">
                {formatMoney(other.totalOre, { locale })}
              </span>
              <StatusBadge
                status={displayStatusOf(other.status, EMPTY_LEDGER)}
                label={t.status[displayStatusOf(other.status, EMPTY_LEDGER)]}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
