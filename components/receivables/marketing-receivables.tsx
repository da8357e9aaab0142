import { ExperimentResultsTable } from "@/components/receivables/experiment-results-table";
import { ChurnChart, SupportChart } from "@/components/receivables/receivables-charts";
import { ReceivablesFilters } from "@/components/receivables/receivables-filters";
import { per100Text, percent } from "@/components/receivables/receivables-format";
import { ReceivablesMethod, RefreshedAt } from "@/components/receivables/receivables-method";
import { SupportChurnTable } from "@/components/receivables/receivables-tables";
import { shareOf } from "@/lib/receivables/figures";
import type { MarketingReceivables as MarketingView } from "@/lib/receivables/marketing-view";

/** The marketers' part of the receivables dashboard: support load, churn and experiments. */
export function MarketingReceivables({
  view,
  action,
  problem,
}: {
  view: MarketingView;
  action: string;
  problem: string | null;
}) {
  const { total, periods } = view;
  const headline = [
    ["invoices", "Invoices issued", String(total.invoices)],
    ["reminded", "Reached a reminder", percent(shareOf(total.reachedReminder, total.invoices))],
    [
      "support",
      "Support contacts per 100 invoices",
      per100Text(total.supportContacts, total.invoices),
    ],
    [
      "churn-reminded",
      "Churn within 90 days after a reminder",
      percent(shareOf(total.churnRemindedChurned, total.churnRemindedDecided)),
    ],
    [
      "churn-unreminded",
      "Churn within 90 days without one",
      percent(shareOf(total.churnUnremindedChurned, total.churnUnremindedDecided)),
    ],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <p className="max-w-3xl text-sm text-slate-700">
        What reminders do to customers: how often they write to support and whether they stay, for
        the invoices issued in each period, and how each variant of a collection message fares.{" "}
        <RefreshedAt at={view.refreshedAt} />
      </p>
      {problem ? (
        <p role="alert" className="text-sm text-red-800" data-testid="receivables-problem">
          The filters in the address were not understood ({problem}); showing the last 12 months.
        </p>
      ) : null}
      <ReceivablesFilters
        action={action}
        filter={view.filter}
        segmentNames={view.segmentNames}
        showMargin={false}
      />
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-5">
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
        <SupportChart periods={periods} />
        <ChurnChart periods={periods} />
      </div>
      <SupportChurnTable periods={periods} total={total} />
      <h2 className="text-lg font-semibold">Collection experiments</h2>
      <ExperimentResultsTable steps={view.experiments} />
      <ReceivablesMethod withMoney={false} />
    </div>
  );
}
