import { useId } from "react";
import { axisTicks, COUNT_AXIS } from "@/lib/charts/axis-ticks";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";

/**
 * One or two figures per period as bars, server-rendered SVG like the invoice's consumption chart
 * and the content analytics: no chart JavaScript, one labelled image, and the same numbers as a
 * table in the <details> below it for screen readers, keyboards and anyone who wants them.
 */

export interface ChartSeries {
  name: string;
  /** Fill of the bars, with enough contrast against white. */
  color: string;
  /** One per period; null where there is nothing to show (no invoices). */
  values: Array<number | null>;
  /** The value as the table shows it. */
  format: (value: number | null) => string;
}

export interface PeriodChartProps {
  title: string;
  /** One sentence saying what the chart shows. */
  description: string;
  /** The periods' labels, in order. */
  labels: string[];
  series: ChartSeries[];
  /** A y-axis tick in words ("40 %", "12 000 kr"). */
  tickLabel: (tick: number) => string;
  testId: string;
  locale: Locale;
}

const WIDTH = 720;
const HEIGHT = 220;
const PLOT = { left: 72, right: WIDTH - 8, top: 16, bottom: HEIGHT - 28 };
const TEXT = "#475569";
const GRID = "#e2e8f0";
const AXIS = "#94a3b8";
// Past this many periods (weeks over a year) only every n-th gets a label, so they never crowd.
const MAX_LABELS = 13;

const round2 = (value: number) => Math.round(value * 100) / 100;

export function PeriodChart({
  title,
  description,
  labels,
  series,
  tickLabel,
  testId,
  locale,
}: PeriodChartProps) {
  const id = useId();
  const t = receivablesMessages[locale].chart;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (labels.length === 0 || values.length === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid={testId}>
        {t.empty(title)}
      </p>
    );
  }
  // Negative values (customers owed money back) are drawn at zero on this 0-based axis; the
  // table below still lists them as they are.
  const ticks = axisTicks(Math.ceil(Math.max(0, ...values)), COUNT_AXIS);
  const top = ticks.at(-1)!;
  const slot = (PLOT.right - PLOT.left) / labels.length;
  const barWidth = (slot * 0.7) / series.length;
  const y = (value: number) => PLOT.bottom - (Math.max(0, value) / top) * (PLOT.bottom - PLOT.top);
  const every = Math.ceil(labels.length / MAX_LABELS);
  return (
    <figure className="m-0" data-testid={testId}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="block h-auto"
        fontSize={12}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${t.sameNumbers}`}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={PLOT.right}
              y1={round2(y(tick))}
              y2={round2(y(tick))}
              stroke={tick === 0 ? AXIS : GRID}
            />
            <text x={PLOT.left - 6} y={round2(y(tick))} dy="0.32em" textAnchor="end" fill={TEXT}>
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {series.map((s, index) => (
          // One path per series: a <rect> per bar would weigh down the page at 260 weeks.
          <path
            key={s.name}
            fill={s.color}
            d={s.values
              .map((value, period) => {
                if (value === null || value <= 0) return "";
                const left = PLOT.left + period * slot + slot * 0.15 + index * barWidth;
                return `M${round2(left)} ${round2(y(value))}h${round2(barWidth)}V${PLOT.bottom}h${-round2(barWidth)}Z`;
              })
              .join("")}
          />
        ))}
        {labels.map((label, period) =>
          period % every === 0 ? (
            <text
              key={label}
              x={round2(PLOT.left + (period + 0.5) * slot)}
              y={PLOT.bottom + 18}
              textAnchor="middle"
              fill={TEXT}
            >
              {label}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 ? (
        <figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
          {series.map((s) => (
            <span key={s.name} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3"
                style={{ background: s.color }}
              />
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{t.showTable}</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid={`${testId}-table`}>
          <caption className="text-left font-medium">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.period}</th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="text-right">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, period) => (
              <tr key={label}>
                <th scope="row" className="font-normal">
                  {label}
                </th>
                {series.map((s) => (
                  <td key={s.name} className="text-right">
                    {s.format(s.values[period] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
