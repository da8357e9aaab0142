import { ExperimentResultsTable } from "@/components/receivables/experiment-results-table";
import { ChurnChart, SupportChart } from "@/components/receivables/receivables-charts";
import { ReceivablesFilters } from "@/components/receivables/receivables-filters";
import { per100Text, percent } from "@/components/receivables/receivables-format";
import { ReceivablesMethod, RefreshedAt } from "@/components/receivables/receivables-method";
import { SupportChurnTable } from "@/components/receivables/receivables-tables";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
import { shareOf } from "@/lib/receivables/figures";
import type { MarketingReceivables as MarketingView } from "@/lib/receivables/marketing-view";
import { HeadlineFigures } from "./headline-figures";

/** The marketers' part of the receivables dashboard: support load, churn and experiments. */
export function MarketingReceivables({
  view,
  action,
  problem,
  locale,
}: {
  locale: Locale;
  view: MarketingView;
  action: string;
  problem: string | null;
}) {
  const { total, periods } = view;
  const m = receivablesMessages[locale];
  const t = m.marketing;
  const headline = [
    ["invoices", t.invoices, String(total.invoices)],
    ["reminded", t.reminded, percent(shareOf(total.reachedReminder, total.invoices))],
    ["support", t.support, per100Text(total.supportContacts, total.invoices)],
    [
      "churn-reminded",
      t.churnReminded,
      percent(shareOf(total.churnRemindedChurned, total.churnRemindedDecided)),
    ],
    [
      "churn-unreminded",
      t.churnUnreminded,
      percent(shareOf(total.churnUnremindedChurned, total.churnUnremindedDecided)),
    ],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <p className="max-w-3xl text-sm text-slate-700">
        {t.intro} <RefreshedAt at={view.refreshedAt} locale={locale} />
      </p>
      {problem ? (
        <p role="alert" className="text-sm text-red-800" data-testid="receivables-problem">
          {m.problem(problem)}
        </p>
      ) : null}
      <ReceivablesFilters
        action={action}
        filter={view.filter}
        segmentNames={view.segmentNames}
        showMargin={false}
        locale={locale}
      />
      <HeadlineFigures figures={headline} wideColumns={5} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <SupportChart periods={periods} locale={locale} />
        <ChurnChart periods={periods} locale={locale} />
      </div>
      <SupportChurnTable periods={periods} total={total} locale={locale} />
      <h2 className="text-lg font-semibold">{t.experimentsHeading}</h2>
      <ExperimentResultsTable steps={view.experiments} locale={locale} />
      <ReceivablesMethod withMoney={false} locale={locale} />
    </div>
  );
}
