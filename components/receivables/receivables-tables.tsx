import {
  daysText,
  medianText,
  money,
  per100Text,
  shareText,
} from "@/components/receivables/receivables-format";
import type { PeriodFigures, ReceivablesFigures } from "@/lib/receivables/dashboard";
import type { MarketingFigures } from "@/lib/receivables/marketing-view";

/**
 * The figures per period as tables: the money (finance only) and the support load and churn
 * (finance and marketing), each with a last row for the whole range.
 */

type Column<F> = [label: string, cell: (figures: F) => string];

const MONEY_COLUMNS: Array<Column<ReceivablesFigures>> = [
  ["Invoices", (f) => String(f.invoices)],
  ["Invoiced", (f) => money(f.issuedOre)],
  ["Paid on time", (f) => shareText(f.paidOnTime, f.onTimeDecided)],
  ["Median days to pay", (f) => medianText(f.medianDaysToPay)],
  ["Outstanding at end", (f) => money(f.outstandingOre)],
  ["DSO", (f) => daysText(f.dsoDays)],
  ["Reached reminder", (f) => shareText(f.reachedReminder, f.invoices)],
  ["Reached handover", (f) => shareText(f.reachedHandover, f.invoices)],
  [
    "Fees charged / waived / paid",
    (f) => feesText(f.feesChargedOre, f.feesWaivedOre, f.feesPaidOre),
  ],
  [
    "Interest charged / waived / paid",
    (f) => feesText(f.interestChargedOre, f.interestWaivedOre, f.interestPaidOre),
  ],
  ["Refunded", (f) => money(f.refundedOre)],
  ["Credited", (f) => `${money(f.creditedOre)} (${f.creditedInvoices})`],
];

const SUPPORT_COLUMNS: Array<Column<MarketingFigures>> = [
  ["Invoices", (f) => String(f.invoices)],
  ["Reached reminder", (f) => shareText(f.reachedReminder, f.invoices)],
  ["Support contacts", (f) => String(f.supportContacts)],
  ["Contacts per 100 invoices", (f) => per100Text(f.supportContacts, f.invoices)],
  ["Invoices with a contact", (f) => shareText(f.invoicesWithContact, f.invoices)],
  ["Churn after a reminder", (f) => shareText(f.churnRemindedChurned, f.churnRemindedDecided)],
  ["Churn without one", (f) => shareText(f.churnUnremindedChurned, f.churnUnremindedDecided)],
];

function feesText(charged: number, waived: number, paid: number): string {
  return `${money(charged)} / ${money(waived)} / ${money(paid)}`;
}

function FiguresTable<F extends MarketingFigures>({
  caption,
  columns,
  periods,
  total,
  testId,
}: {
  caption: string;
  columns: Array<Column<F>>;
  periods: Array<F & { label: string }>;
  total: F;
  testId: string;
}) {
  const cell = "whitespace-nowrap p-2 text-right";
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid={testId}>
        <caption className="p-2 text-left font-semibold">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              Period
            </th>
            {columns.map(([label]) => (
              <th key={label} scope="col" className={cell}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr
              key={period.label}
              className="border-b border-slate-100"
              data-testid={`${testId}-row`}
            >
              <th scope="row" className="whitespace-nowrap p-2 font-normal">
                {period.label}
              </th>
              {columns.map(([label, value]) => (
                <td key={label} className={cell}>
                  {value(period)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr data-testid={`${testId}-total`}>
            <th scope="row" className="whitespace-nowrap p-2">
              {total.from} – {total.to}
            </th>
            {columns.map(([label, value]) => (
              <td key={label} className={cell}>
                {value(total)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function ReceivablesMoneyTable({
  periods,
  total,
}: {
  periods: PeriodFigures[];
  total: ReceivablesFigures;
}) {
  return (
    <FiguresTable
      caption="Payment per period of issue"
      columns={MONEY_COLUMNS}
      periods={periods}
      total={total}
      testId="receivables-money"
    />
  );
}

export function SupportChurnTable({
  periods,
  total,
}: {
  periods: Array<MarketingFigures & { label: string }>;
  total: MarketingFigures;
}) {
  return (
    <FiguresTable
      caption="Support load and churn per period of issue"
      columns={SUPPORT_COLUMNS}
      periods={periods}
      total={total}
      testId="receivables-support"
    />
  );
}
