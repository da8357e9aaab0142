import { ExperimentResultsTable } from "@/components/receivables/experiment-results-table";
import { LifetimeValueTable } from "@/components/receivables/lifetime-value-table";
import {
  ChurnChart,
  DsoChart,
  InvoicedChart,
  OnTimeChart,
  SupportChart,
} from "@/components/receivables/receivables-charts";
import { ReceivablesFilters } from "@/components/receivables/receivables-filters";
import {
  daysText,
  medianText,
  money,
  per100Text,
  percent,
} from "@/components/receivables/receivables-format";
import { ReceivablesMethod, RefreshedAt } from "@/components/receivables/receivables-method";
import {
  ReceivablesMoneyTable,
  SupportChurnTable,
} from "@/components/receivables/receivables-tables";
import { RefreshButton } from "@/components/receivables/refresh-button";
import type { ReceivablesDashboard } from "@/lib/receivables/dashboard";
import { shareOf } from "@/lib/receivables/figures";
import { receivablesSearch } from "@/lib/receivables/receivables-query";

/**
 * The receivables dashboard on the finance console: payment, support load and churn side by side
 * for the invoices issued in the chosen periods, the lifetime-value estimate per segment and the
 * collection experiments. Everything comes pre-summed from lib/receivables/dashboard.ts.
 */
export function FinanceReceivables({
  dashboard,
  action,
  problem,
}: {
  dashboard: ReceivablesDashboard;
  /** The page the filter form submits to. */
  action: string;
  /** What was wrong with the URL's filters (the defaults are shown instead). */
  problem: string | null;
}) {
  const { total, periods, filter } = dashboard;
  const headline = [
    ["invoices", "Invoices issued", `${total.invoices} · ${money(total.issuedOre)}`],
    ["on-time", "Paid on time", percent(shareOf(total.paidOnTime, total.onTimeDecided))],
    ["median", "Median days to pay", medianText(total.medianDaysToPay)],
    ["outstanding", `Outstanding on ${total.to}`, money(total.outstandingOre)],
    ["dso", "DSO over the range", daysText(total.dsoDays)],
    [
      "collections",
      "Reached reminder / handover",
      `${percent(shareOf(total.reachedReminder, total.invoices))} / ${percent(shareOf(total.reachedHandover, total.invoices))}`,
    ],
    [
      "fees",
      "Fees charged / paid",
      `${money(total.feesChargedOre - total.feesWaivedOre)} / ${money(total.feesPaidOre)}`,
    ],
    [
      "interest",
      "Interest charged / paid",
      `${money(total.interestChargedOre - total.interestWaivedOre)} / ${money(total.interestPaidOre)}`,
    ],
    [
      "refunds-credits",
      "Refunded / credited",
      `${money(total.refundedOre)} / ${money(total.creditedOre)}`,
    ],
    [
      "support",
      "Support contacts per 100 invoices",
      per100Text(total.supportContacts, total.invoices),
    ],
    [
      "churn",
      "Churn after a reminder / without",
      `${percent(shareOf(total.churnRemindedChurned, total.churnRemindedDecided))} / ${percent(shareOf(total.churnUnremindedChurned, total.churnUnremindedDecided))}`,
    ],
  ] as const;
  return (
    <section aria-labelledby="receivables-heading" className="mt-8 flex flex-col gap-4">
      <div>
        <h2 id="receivables-heading" className="text-lg font-semibold">
          Receivables
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          The invoices issued in each period and what became of them: payment, reminders, fees,
          support load and churn side by side. Fees and interest are net of waivers.{" "}
          <RefreshedAt at={dashboard.refreshedAt} />
        </p>
        <div className="mt-2">
          <RefreshButton />
        </div>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-800" data-testid="receivables-problem">
          The filters in the address were not understood ({problem}); showing the last 12 months.
        </p>
      ) : null}
      <ReceivablesFilters
        action={action}
        filter={filter}
        segmentNames={dashboard.segmentNames}
        showMargin
      />
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {headline.map(([key, label, value]) => (
          <div key={key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`receivables-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <InvoicedChart periods={periods} />
        <OnTimeChart periods={periods} />
        <DsoChart periods={periods} />
        <ChurnChart periods={periods} />
      </div>
      <ReceivablesMoneyTable periods={periods} total={total} />
      <p>
        <a
          href={`/api/finance/receivables.csv?${receivablesSearch(filter)}`}
          className="text-blue-800 underline"
          download
        >
          Download as CSV
        </a>
      </p>
      <SupportChart periods={periods} />
      <SupportChurnTable periods={periods} total={total} />
      <h3 className="text-base font-semibold">Customer lifetime value per segment</h3>
      <p className="max-w-3xl text-sm text-slate-700">
        An estimate, not a figure from the books: what a customer is invoiced per month they are
        billed (last 12 months) × an assumed margin of {filter.marginPercent} % × the customers'
        average tenure so far. Tenure runs to the end of the last contract for customers who left
        and to today for the rest, so it is low for young segments.
      </p>
      <LifetimeValueTable segments={dashboard.segments} marginPercent={filter.marginPercent} />
      <h3 className="text-base font-semibold">Collection experiments</h3>
      <ExperimentResultsTable steps={dashboard.experiments} />
      <ReceivablesMethod withMoney />
    </section>
  );
}
