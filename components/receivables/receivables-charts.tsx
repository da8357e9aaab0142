import { type ChartSeries, PeriodChart } from "@/components/receivables/period-chart";
import { DASH, daysText, money, percent } from "@/components/receivables/receivables-format";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
import type { PeriodFigures } from "@/lib/receivables/dashboard";
import { per100, shareOf } from "@/lib/receivables/figures";
import type { MarketingFigures } from "@/lib/receivables/marketing-view";

/** The dashboard's charts, one figure (or a pair to compare) per period. */

// Colour-blind safe (Okabe–Ito), each with enough contrast against white.
const BLUE = "#0072B2";
const ORANGE = "#D55E00";

const percentTick = (tick: number) => `${tick} %`;
const asPercent = (share: number | null) => (share === null ? null : share * 100);
const percentValue = (value: number | null) => percent(value === null ? null : value / 100);

type Labelled = { label: string };

export function InvoicedChart({ periods, locale }: { periods: PeriodFigures[]; locale: Locale }) {
  const t = receivablesMessages[locale].charts.invoiced;
  return (
    <PeriodChart
      locale={locale}
      title={t.title}
      description={t.description}
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: t.name,
          color: BLUE,
          // Whole kronor: the axis steps are whole numbers.
          values: periods.map((p) => (p.invoices > 0 ? Math.round(p.issuedOre / 100) : null)),
          format: (kr) => (kr === null ? DASH : money(kr * 100)),
        },
      ]}
      tickLabel={(tick) => `${tick.toLocaleString("sv-SE")} kr`}
      testId="chart-invoiced"
    />
  );
}

export function OnTimeChart({ periods, locale }: { periods: PeriodFigures[]; locale: Locale }) {
  const t = receivablesMessages[locale].charts.onTime;
  return (
    <PeriodChart
      locale={locale}
      title={t.title}
      description={t.description}
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: t.name,
          color: BLUE,
          values: periods.map((p) => asPercent(shareOf(p.paidOnTime, p.onTimeDecided))),
          format: percentValue,
        },
      ]}
      tickLabel={percentTick}
      testId="chart-on-time"
    />
  );
}

export function DsoChart({ periods, locale }: { periods: PeriodFigures[]; locale: Locale }) {
  const t = receivablesMessages[locale].charts.dso;
  return (
    <PeriodChart
      locale={locale}
      title={t.title}
      description={t.description}
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: t.name,
          color: BLUE,
          values: periods.map((p) => p.dsoDays),
          format: (days) => daysText(days, locale),
        },
      ]}
      tickLabel={t.tick}
      testId="chart-dso"
    />
  );
}

export function SupportChart({
  periods,
  locale,
}: {
  periods: Array<MarketingFigures & Labelled>;
  locale: Locale;
}) {
  const t = receivablesMessages[locale].charts.support;
  return (
    <PeriodChart
      locale={locale}
      title={t.title}
      description={t.description}
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: t.name,
          color: BLUE,
          values: periods.map((p) => per100(p.supportContacts, p.invoices)),
          format: (value) => (value === null ? DASH : value.toFixed(1)),
        },
      ]}
      tickLabel={(tick) => String(tick)}
      testId="chart-support"
    />
  );
}

export function ChurnChart({
  periods,
  locale,
}: {
  periods: Array<MarketingFigures & Labelled>;
  locale: Locale;
}) {
  const t = receivablesMessages[locale].charts.churn;
  const series: ChartSeries[] = [
    {
      name: t.reminded,
      color: ORANGE,
      values: periods.map((p) =>
        asPercent(shareOf(p.churnRemindedChurned, p.churnRemindedDecided)),
      ),
      format: percentValue,
    },
    {
      name: t.unreminded,
      color: BLUE,
      values: periods.map((p) =>
        asPercent(shareOf(p.churnUnremindedChurned, p.churnUnremindedDecided)),
      ),
      format: percentValue,
    },
  ];
  return (
    <PeriodChart
      locale={locale}
      title={t.title}
      description={t.description}
      labels={periods.map((p) => p.label)}
      series={series}
      tickLabel={percentTick}
      testId="chart-churn"
    />
  );
}
