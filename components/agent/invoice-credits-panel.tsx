import Link from "next/link";
import type { InvoiceCredit } from "@/lib/agent/invoice-credits";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";
import { formatStaffMoney } from "@/lib/money/staff-money";

/**
 * The credit notes issued on this invoice, for the agent: which, when, how much, by whom and why
 * (the reason is staff-only), each opening in its own workspace.
 */
export function InvoiceCreditsPanel({
  credits,
  creditableOre,
  locale,
}: {
  credits: InvoiceCredit[];
  creditableOre: number;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].credits;
  if (credits.length === 0) return null;
  const total = credits.reduce((sum, credit) => sum + credit.creditedOre, 0);
  return (
    <section
      aria-labelledby="invoice-credits-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="invoice-credits"
    >
      <h2 id="invoice-credits-heading" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <p className="text-sm text-slate-700">
        {t.summary(
          formatStaffMoney(total),
          credits.length,
          creditableOre > 0 ? formatStaffMoney(creditableOre) : null,
        )}
      </p>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {credits.map((credit) => (
          <li
            key={credit.id}
            className="border-t border-slate-200 pt-2"
            data-testid="invoice-credit"
            data-number={credit.number ?? undefined}
          >
            <Link href={`/agent/invoices/${credit.id}`} className="text-blue-800 underline">
              {t.creditNote(credit.number)}
            </Link>
            {credit.issueDate ? `, ${formatCalendarDate(credit.issueDate)}` : ""}:{" "}
            <strong>{formatStaffMoney(credit.creditedOre)}</strong> ({t.vat}{" "}
            {formatStaffMoney(credit.vatOre)}), {t.kinds[credit.kind]}, {t.by} {credit.issuedBy}
            {credit.reason ? (
              <span className="block text-slate-700">
                {t.reason} {credit.reason}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
