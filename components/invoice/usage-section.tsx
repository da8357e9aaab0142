import type { Locale } from "@/lib/db/generated/client";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { priceBasisOf } from "@/lib/usage/price-basis";
import { formatReadable } from "@/lib/usage/readable-figures";
import { summarizeUsage, type UsageSummary } from "@/lib/usage/usage-summary";
import { ConsumptionChart } from "./consumption-chart";

/**
 * The period's usage: total, comparisons in plain words, what it cost (with VAT for consumers,
 * without for businesses, and saying which), this period beside the earlier ones, and the chart.
 */
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
  const summary = summarizeUsage(series, locale, { basis: priceBasisOf(data.customer) });
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
            {summary.cost && summary.priceBasis ? (
              <span className="ml-1 text-sm font-normal text-slate-700">{summary.priceBasis}</span>
            ) : null}
          </dd>
          {summary.cost && summary.unitPrice ? (
            <dd className="text-sm text-slate-700" data-testid="usage-unit-price">
              {t.usage.pricePerUnit}: {summary.unitPrice}
              {summary.priceBasis ? ` ${summary.priceBasis}` : ""}
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
      <UsagePeriods summary={summary} series={series} locale={locale} t={t} />
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

/**
 * This period beside the period before and the same one a year earlier, as bars on one scale —
 * only periods the comparison sentences also use (enough days with readings), so a half-read
 * month is never drawn as a saving.
 */
function UsagePeriods({
  summary,
  series,
  locale,
  t,
}: {
  summary: UsageSummary;
  series: NonNullable<InvoicePageData["usage"]>;
  locale: Locale;
  t: InvoiceMessages;
}) {
  const rows = [
    { key: "current", label: t.usage.thisPeriod, milli: series.current.totalMilli },
    ...(summary.previous
      ? [{ key: "previous", label: t.usage.previousPeriod, milli: series.previous.totalMilli }]
      : []),
    ...(summary.lastYear
      ? [{ key: "lastYear", label: t.usage.lastYearPeriod, milli: series.lastYear.totalMilli }]
      : []),
  ];
  if (rows.length < 2) return null;
  const longest = Math.max(...rows.map((row) => Math.max(row.milli, 0)), 1);
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold">{t.usage.periodsHeading}</h3>
      <dl
        className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2 text-sm"
        data-testid="usage-periods"
      >
        {rows.map((row) => (
          <div key={row.key} className="contents" data-period={row.key}>
            <dt className="text-slate-700">{row.label}</dt>
            <dd className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className={`h-3 rounded ${row.key === "current" ? "bg-slate-800" : "bg-slate-400"}`}
                style={{ width: `${Math.round((Math.max(row.milli, 0) * 70) / longest)}%` }}
              />
              <span className="whitespace-nowrap tabular-nums">
                {formatReadable(row.milli, { locale })} {summary.unitLabel}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
