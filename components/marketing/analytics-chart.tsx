import { useId } from "react";
import { axisTicks, COUNT_AXIS } from "@/lib/charts/axis-ticks";
import type { DailyPoint } from "@/lib/content/analytics/analytics";
import type { Locale } from "@/lib/db/generated/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";

/**
 * Daily impressions (solid lines) and accepts (dashed lines) per variant as a server-rendered SVG,
 * like the invoice's consumption chart: no chart JavaScript, one labelled image, and the same
 * numbers as a table for screen readers and keyboards in the <details> below it.
 */

const WIDTH = 720;
const HEIGHT = 240;
const PLOT = { left: 44, right: WIDTH - 12, top: 16, bottom: HEIGHT - 28 };
// Colour-blind safe (Okabe–Ito), each with enough contrast against white.
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"];
const TEXT = "#475569";
const GRID = "#e2e8f0";

const round2 = (value: number) => Math.round(value * 100) / 100;

export function AnalyticsChart({
  daily,
  variantKeys,
  locale,
}: {
  daily: DailyPoint[];
  variantKeys: string[];
  locale: Locale;
}) {
  const id = useId();
  const t = marketingMessages[locale].analytics;
  if (daily.length === 0) return <p className="text-sm text-slate-700">{t.noImpressions}</p>;
  const days = [...new Set(daily.map((point) => point.day))];
  const ticks = axisTicks(
    Math.max(...daily.map((point) => Math.max(point.impressions, point.accepts))),
    COUNT_AXIS,
  );
  const top = ticks.at(-1)!;
  const x = (index: number) =>
    days.length === 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + (index / (days.length - 1)) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);
  const every = Math.max(1, Math.ceil(days.length / 8));
  const byDayAndKey = new Map(daily.map((point) => [`${point.day}|${point.variantKey}`, point]));
  const path = (key: string, field: "impressions" | "accepts") =>
    daily
      .filter((point) => point.variantKey === key)
      .map(
        (point, index) =>
          `${index === 0 ? "M" : "L"}${round2(x(days.indexOf(point.day)))},${round2(y(point[field]))}`,
      )
      .join("");
  return (
    <figure className="m-0" data-testid="analytics-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="block h-auto"
        fontSize={12}
      >
        <title id={`${id}-title`}>{t.chartTitle}</title>
        <desc id={`${id}-desc`}>{t.chartDescription}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={PLOT.right}
              y1={round2(y(tick))}
              y2={round2(y(tick))}
              stroke={GRID}
            />
            <text x={PLOT.left - 6} y={round2(y(tick))} dy="0.32em" textAnchor="end" fill={TEXT}>
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, index) =>
          index % every === 0 ? (
            <text
              key={day}
              x={round2(x(index))}
              y={PLOT.bottom + 18}
              textAnchor="middle"
              fill={TEXT}
            >
              {day.slice(5)}
            </text>
          ) : null,
        )}
        {variantKeys.map((key, index) => (
          <g key={key} stroke={COLORS[index % COLORS.length]} fill="none" strokeWidth={2}>
            <path d={path(key, "impressions")} />
            <path d={path(key, "accepts")} strokeDasharray="5 4" />
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
        {variantKeys.map((key, index) => (
          <span key={key} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-1 w-5"
              style={{ background: COLORS[index % COLORS.length] }}
            />
            {t.variant(key)}
          </span>
        ))}
        <span>{t.legend}</span>
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{t.showTable}</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="analytics-daily-table">
          <caption className="text-left font-medium">{t.dailyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.day}</th>
              {variantKeys.map((key) => (
                <th key={key} scope="col" className="text-right">
                  {t.dailyColumn(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day}>
                <th scope="row" className="font-normal">
                  {day}
                </th>
                {variantKeys.map((key) => {
                  const point = byDayAndKey.get(`${day}|${key}`);
                  return (
                    <td key={key} className="text-right">
                      {point?.impressions ?? 0} / {point?.accepts ?? 0}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
