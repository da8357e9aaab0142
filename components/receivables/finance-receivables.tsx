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
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
import type { ReceivablesDashboard } from "@/lib/receivables/dashboard";
import { shareOf } from "@/lib/receivables/figures";
import { receivablesSearch } from "@/lib/receivables/receivables-query";
import { HeadlineFigures } from "./headline-figures";

/**
 * The receivables dashboard on the finance console: payment, support load and churn side by side
 * for the invoices issued in the chosen periods, the lifetime-value estimate per segment and the
 * collection experiments. Everything comes pre-summed from lib/receivables/dashboard.ts.
 */
export function FinanceReceivables({
  dashboard,
  action,
  problem,
  locale,
}: {
  locale: Locale;
  dashboard: ReceivablesDashboard;
  /** The page the filter form submits to. */
  action: string;
  /** What was wrong with the URL's filters (the defaults are shown instead). */
  problem: string | null;
}) {
  const { total, periods, filter } = dashboard;
  const m = receivablesMessages[locale];
  const t = m.finance;
  const headline = [
    ["invoices", t.invoices, `${total.invoices} · ${money(total.issuedOre)}`],
    ["on-time", t.onTime, percent(shareOf(total.paidOnTime, total.onTimeDecided))],
    ["median", t.median, medianText(total.medianDaysToPay, locale)],
    ["outstanding", t.outstanding(total.to), money(total.outstandingOre)],
    ["dso", t.dso, daysText(total.dsoDays, locale)],
    [
      "collections",
      t.collections,
      `${percent(shareOf(total.reachedReminder, total.invoices))} / ${percent(shareOf(total.reachedHandover, total.invoices))}`,
    ],
    [
      "fees",
      t.fees,
      `${money(total.feesChargedOre - total.feesWaivedOre)} / ${money(total.feesPaidOre)}`,
    ],
    [
      "interest",
      t.interest,
      `${money(total.interestChargedOre - total.interestWaivedOre)} / ${money(total.interestPaidOre)}`,
    ],
    ["refunds-credits", t.refunds, `${money(total.refundedOre)} / ${money(total.creditedOre)}`],
    ["support", t.support, per100Text(total.supportContacts, total.invoices)],
    [
      "churn",
      t.churn,
      `${percent(shareOf(total.churnRemindedChurned, total.churnRemindedDecided))} / ${percent(shareOf(total.churnUnremindedChurned, total.churnUnremindedDecided))}`,
    ],
  ] as const;
  return (
    <section aria-labelledby="receivables-heading" className="mt-8 flex flex-col gap-4">
      <div>
        <h2 id="receivables-heading" className="text-lg font-semibold">
          {t.heading}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          {t.intro} <RefreshedAt at={dashboard.refreshedAt} locale={locale} />
        </p>
        <div className="mt-2">
          <RefreshButton locale={locale} />
        </div>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-800" data-testid="receivables-problem">
          {m.problem(problem)}
        </p>
      ) : null}
      <ReceivablesFilters
        action={action}
        filter={filter}
        segmentNames={dashboard.segmentNames}
        showMargin
        locale={locale}
      />
      <HeadlineFigures figures={headline} wideColumns={4} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <InvoicedChart periods={periods} locale={locale} />
        <OnTimeChart periods={periods} locale={locale} />
        <DsoChart periods={periods} locale={locale} />
        <ChurnChart periods={periods} locale={locale} />
      </div>
      <ReceivablesMoneyTable periods={periods} total={total} locale={locale} />
      <p>
        <a
          href={`/api/finance/receivables.csv?${receivablesSearch(filter)}`}
          className="text-blue-800 underline"
          download
        >
          {t.csv}
        </a>
      </p>
      <SupportChart periods={periods} locale={locale} />
      <SupportChurnTable periods={periods} total={total} locale={locale} />
      <h3 className="text-base font-semibold">{t.lifetimeHeading}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t.lifetimeIntro(filter.marginPercent)}</p>
      <LifetimeValueTable
        segments={dashboard.segments}
        marginPercent={filter.marginPercent}
        locale={locale}
      />
      <h3 className="text-base font-semibold">{t.experimentsHeading}</h3>
      <ExperimentResultsTable steps={dashboard.experiments} locale={locale} />
      <ReceivablesMethod withMoney locale={locale} />
    </section>
  );
}
