import { type ChartSeries, PeriodChart } from "@/components/receivables/period-chart";
import { DASH, daysText, money, percent } from "@/components/receivables/receivables-format";
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

export function InvoicedChart({ periods }: { periods: PeriodFigures[] }) {
  return (
    <PeriodChart
      title="Invoiced per period"
      description="The amount of the invoices issued in each period, in kronor."
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: "Invoiced",
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

export function OnTimeChart({ periods }: { periods: PeriodFigures[] }) {
  return (
    <PeriodChart
      title="Paid on time"
      description="Of the invoices issued in each period that are paid or past their due date, the share paid in full by the due date."
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: "Paid on time",
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

export function DsoChart({ periods }: { periods: PeriodFigures[] }) {
  return (
    <PeriodChart
      title="Days sales outstanding"
      description="Receivables outstanding at the end of each period divided by what it invoiced, times its days."
      labels={periods.map((p) => p.label)}
      series={[
        { name: "DSO", color: BLUE, values: periods.map((p) => p.dsoDays), format: daysText },
      ]}
      tickLabel={(tick) => `${tick} d`}
      testId="chart-dso"
    />
  );
}

export function SupportChart({ periods }: { periods: Array<MarketingFigures & Labelled> }) {
  return (
    <PeriodChart
      title="Support contacts per 100 invoices"
      description="The customers' own chat messages on the invoices issued in each period, per 100 of them."
      labels={periods.map((p) => p.label)}
      series={[
        {
          name: "Contacts per 100 invoices",
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

export function ChurnChart({ periods }: { periods: Array<MarketingFigures & Labelled> }) {
  const series: ChartSeries[] = [
    {
      name: "After a reminder",
      color: ORANGE,
      values: periods.map((p) =>
        asPercent(shareOf(p.churnRemindedChurned, p.churnRemindedDecided)),
      ),
      format: percentValue,
    },
    {
      name: "Without a reminder",
      color: BLUE,
      values: periods.map((p) =>
        asPercent(shareOf(p.churnUnremindedChurned, p.churnUnremindedDecided)),
      ),
      format: percentValue,
    },
  ];
  return (
    <PeriodChart
      title="Churn within 90 days"
      description="Of the invoices issued in each period whose 90 days are over, the share whose customer had a contract end within 90 days after the first reminder, and, for invoices without a reminder, after the due date."
      labels={periods.map((p) => p.label)}
      series={series}
      tickLabel={percentTick}
      testId="chart-churn"
    />
  );
}
