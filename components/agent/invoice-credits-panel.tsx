import Link from "next/link";
import type { InvoiceCredit } from "@/lib/agent/invoice-credits";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import { formatStaffMoney } from "@/lib/money/staff-money";

const KIND_LABELS: Record<InvoiceCredit["kind"], string> = {
  full: "the rest of the invoice",
  lines: "chosen lines",
  amount: "an amount",
  goodwill: "compensation",
};

/**
 * The credit notes issued on this invoice, for the agent: which, when, how much, by whom and why
 * (the reason is staff-only), each opening in its own workspace.
 */
export function InvoiceCreditsPanel({
  credits,
  creditableOre,
}: {
  credits: InvoiceCredit[];
  creditableOre: number;
}) {
  if (credits.length === 0) return null;
  const total = credits.reduce((sum, credit) => sum + credit.creditedOre, 0);
  return (
    <section
      aria-labelledby="invoice-credits-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="invoice-credits"
    >
      <h2 id="invoice-credits-heading" className="text-lg font-semibold">
        Credits on this invoice
      </h2>
      <p className="text-sm text-slate-700">
        {formatStaffMoney(total)} credited in {credits.length}{" "}
        {credits.length === 1 ? "credit note" : "credit notes"};{" "}
        {creditableOre > 0
          ? `${formatStaffMoney(creditableOre)} can still be credited.`
          : "nothing is left to credit."}
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
              Credit note {credit.number}
            </Link>
            {credit.issueDate ? `, ${formatCalendarDate(credit.issueDate)}` : ""}:{" "}
            <strong>{formatStaffMoney(credit.creditedOre)}</strong> (VAT{" "}
            {formatStaffMoney(credit.vatOre)}), {KIND_LABELS[credit.kind]}, by {credit.issuedBy}
            {credit.reason ? (
              <span className="block text-slate-700">Reason: {credit.reason}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
