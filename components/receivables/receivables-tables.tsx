import {
  daysText,
  medianText,
  money,
  per100Text,
  shareText,
} from "@/components/receivables/receivables-format";
import type { Locale } from "@/lib/db/generated/client";
import {
  type ReceivablesMessages,
  receivablesMessages,
} from "@/lib/i18n/staff/finance/receivables";
import type { PeriodFigures, ReceivablesFigures } from "@/lib/receivables/dashboard";
import type { MarketingFigures } from "@/lib/receivables/marketing-view";

/**
 * The figures per period as tables: the money (finance only) and the support load and churn
 * (finance and marketing), each with a last row for the whole range.
 */

type Column<F> = [
  label: keyof ReceivablesMessages["tables"],
  cell: (figures: F, locale: Locale) => string,
];

const MONEY_COLUMNS: Array<Column<ReceivablesFigures>> = [
  ["invoices", (f) => String(f.invoices)],
  ["invoiced", (f) => money(f.issuedOre)],
  ["paidOnTime", (f, l) => shareText(f.paidOnTime, f.onTimeDecided, l)],
  ["medianDays", (f, l) => medianText(f.medianDaysToPay, l)],
  ["outstanding", (f) => money(f.outstandingOre)],
  ["dso", (f, l) => daysText(f.dsoDays, l)],
  ["reachedReminder", (f, l) => shareText(f.reachedReminder, f.invoices, l)],
  ["reachedHandover", (f, l) => shareText(f.reachedHandover, f.invoices, l)],
  ["fees", (f) => feesText(f.feesChargedOre, f.feesWaivedOre, f.feesPaidOre)],
  ["interest", (f) => feesText(f.interestChargedOre, f.interestWaivedOre, f.interestPaidOre)],
  ["refunded", (f) => money(f.refundedOre)],
  ["credited", (f) => `${money(f.creditedOre)} (${f.creditedInvoices})`],
];

const SUPPORT_COLUMNS: Array<Column<MarketingFigures>> = [
  ["invoices", (f) => String(f.invoices)],
  ["reachedReminder", (f, l) => shareText(f.reachedReminder, f.invoices, l)],
  ["supportContacts", (f) => String(f.supportContacts)],
  ["contactsPer100", (f) => per100Text(f.supportContacts, f.invoices)],
  ["withContact", (f, l) => shareText(f.invoicesWithContact, f.invoices, l)],
  ["churnReminded", (f, l) => shareText(f.churnRemindedChurned, f.churnRemindedDecided, l)],
  ["churnUnreminded", (f, l) => shareText(f.churnUnremindedChurned, f.churnUnremindedDecided, l)],
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
  locale,
}: {
  locale: Locale;
  caption: string;
  columns: Array<Column<F>>;
  periods: Array<F & { label: string }>;
  total: F;
  testId: string;
}) {
  const t = receivablesMessages[locale].tables;
  const cell = "whitespace-nowrap p-2 text-right";
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid={testId}>
        <caption className="p-2 text-left font-semibold">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              {t.period}
            </th>
            {columns.map(([label]) => (
              <th key={label} scope="col" className={cell}>
                {t[label]}
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
                  {value(period, locale)}
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
                {value(total, locale)}
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
  locale,
}: {
  periods: PeriodFigures[];
  total: ReceivablesFigures;
  locale: Locale;
}) {
  return (
    <FiguresTable
      locale={locale}
      caption={receivablesMessages[locale].tables.money}
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
  locale,
}: {
  periods: Array<MarketingFigures & { label: string }>;
  total: MarketingFigures;
  locale: Locale;
}) {
  return (
    <FiguresTable
      locale={locale}
      caption={receivablesMessages[locale].tables.support}
      columns={SUPPORT_COLUMNS}
      periods={periods}
      total={total}
      testId="receivables-support"
    />
  );
}
