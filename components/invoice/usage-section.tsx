import type { Locale } from "@/lib/db/generated/client";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { summarizeUsage } from "@/lib/usage/usage-summary";
import { ConsumptionChart } from "./consumption-chart";

/** The period's usage: total, comparisons in plain words, what it cost, and the chart. */
export function UsageSection({
  data,
  locale,
  t,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
}) {
  const series = data.usage;
  if (!series || series.points.length === 0) return null;
  const summary = summarizeUsage(series, locale);
  const comparisons = [
    { label: t.usage.comparedWithPrevious, value: summary.previous, testId: "usage-vs-previous" },
    { label: t.usage.comparedWithLastYear, value: summary.lastYear, testId: "usage-vs-last-year" },
  ];
  return (
    <section aria-labelledby="usage-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="usage-heading" className="text-xl font-semibold">
        {t.usage.heading}
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-700">{t.usage.total}</dt>
          <dd
            className="text-2xl font-semibold tabular-nums"
            data-testid="usage-total"
            data-total-milli={summary.totalMilli}
          >
            {summary.total}
          </dd>
          {summary.averagePerDay ? (
            <dd className="text-sm text-slate-700">
              {t.usage.perDay}: {summary.averagePerDay}
            </dd>
          ) : null}
        </div>
        <div>
          <dt className="text-sm text-slate-700">
            {summary.cost ? t.usage.cost : t.usage.pricePerUnit}
          </dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="usage-cost">
            {summary.cost ?? t.usage.includedInSubscription}
          </dd>
          {summary.cost && summary.unitPrice ? (
            <dd className="text-sm text-slate-700">
              {t.usage.pricePerUnit}: {summary.unitPrice}
            </dd>
          ) : null}
        </div>
        {comparisons.map((comparison) => (
          <div key={comparison.testId}>
            <dt className="text-sm text-slate-700">{comparison.label}</dt>
            <dd
              data-testid={comparison.testId}
              data-change-percent={comparison.value?.comparison.changePercent}
            >
              {comparison.value?.sentence ?? t.usage.noComparison}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <ConsumptionChart
          series={series}
          locale={locale}
          color={data.organization.brandColor}
          labels={{
            title: series.resolution === "HOUR" ? t.usage.chartTitleHourly : t.usage.chartTitle,
            description: `${t.usage.total}: ${summary.total}.`,
            tableSummary: t.usage.tableSummary,
            tableCaption: t.usage.tableCaption,
            columnTime: t.usage.columnTime,
            columnQuantity: t.usage.columnQuantity,
          }}
        />
      </div>
    </section>
  );
}
