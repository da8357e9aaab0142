import { useId } from "react";
import { axisTicks, USAGE_AXIS } from "@/lib/charts/axis-ticks";
import type { UsageSeries } from "@/lib/invoice-page/load-usage-series";
import { formatQuantity, type Locale } from "@/lib/money/money";
import { formatUsagePointTime, usageUnitLabel } from "@/lib/usage/usage-summary";

/**
 * The usage of an invoice period as an inline SVG bar chart, rendered on the server so the page
 * ships no chart JavaScript. The table in the <details> below it is the same data for screen
 * readers, keyboards and anyone who wants the numbers; the SVG itself is one labelled image.
 *
 * The axis labels are HTML beside the drawing, not SVG text: the drawing stretches to the page's
 * width, and text inside it would shrink with it (to 5 px on a phone). As HTML they keep the
 * page's 12 px at any width.
 *
 * Points are shown exactly as given: nothing is summed, filled in or smoothed, so a gap in the
 * meter data stays visible as a gap.
 */

export interface ConsumptionChartLabels {
  /** Short name of the chart, e.g. "Elförbrukning per dag". */
  title: string;
  /** One sentence saying what the chart shows (read after the title by screen readers). */
  description: string;
  /** Text of the <summary> that opens the table, e.g. "Visa som tabell". */
  tableSummary: string;
  tableCaption: string;
  /** Header of the date/time column. */
  columnTime: string;
  /** Header of the quantity column; the unit is appended in parentheses. */
  columnQuantity: string;
}

export interface ConsumptionChartProps {
  series: UsageSeries;
  locale: Locale;
  labels: ConsumptionChartLabels;
  /** Fill of the bars; the caller picks one with enough contrast against white. */
  color: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PLOT = { left: 0, right: WIDTH, top: 2, bottom: HEIGHT };
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const GRID_COLOR = "#e2e8f0";
const AXIS_COLOR = "#94a3b8";

// Past this many points a bar is narrower than a screen pixel at the widths the page is read at,
// so the series is drawn as one stepped area instead: same shape, far less markup.
export const MAX_BARS = 800;

function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  return (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Two decimals are plenty for a 640-unit view box and keep the markup short. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function floorTo(time: number, slotMs: number): number {
  return Math.floor(time / slotMs) * slotMs;
}

interface Slots {
  slotMs: number;
  start: number;
  count: number;
  indexOf: (at: Date) => number;
}

/**
 * One slot per day or hour from the start of the period to its end, widened if a point falls
 * outside it, so missing readings show as empty slots instead of closing up.
 */
function slotsOf(series: UsageSeries): Slots {
  const slotMs = series.resolution === "HOUR" ? HOUR_MS : DAY_MS;
  const times = series.points.map((point) => floorTo(point.at.getTime(), slotMs));
  // Whole days, so hourly date labels fall on the middle of their day.
  const start = floorTo(Math.min(series.current.periodStart.getTime(), ...times), DAY_MS);
  const end =
    Math.ceil(
      Math.max(series.current.periodEnd.getTime() + DAY_MS, ...times.map((t) => t + slotMs)) /
        DAY_MS,
    ) * DAY_MS;
  return {
    slotMs,
    start,
    count: Math.round((end - start) / slotMs),
    indexOf: (at) => Math.round((floorTo(at.getTime(), slotMs) - start) / slotMs),
  };
}

/** Every day for short series, else every 7th (14th, …) so labels never crowd. */
function labelEveryDays(days: number): number {
  return days <= 10 ? 1 : 7 * Math.ceil(days / 63);
}

function xLabels(series: UsageSeries, slots: Slots, locale: Locale) {
  const slotsPerDay = DAY_MS / slots.slotMs;
  const days = Math.ceil(slots.count / slotsPerDay);
  const every = labelEveryDays(days);
  const shortDate = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const labels: Array<{ slot: number; text: string }> = [];
  for (let day = 0; day < days; day += every) {
    const date = new Date(slots.start + day * DAY_MS);
    // Daily bars sit under their day number; hourly ones need the month too, once per day.
    const text = series.resolution === "DAY" ? String(date.getUTCDate()) : shortDate.format(date);
    labels.push({ slot: day * slotsPerDay + slotsPerDay / 2, text });
  }
  return labels;
}

/** A stepped area: each point spans its slot, and a gap in the slots breaks the shape. */
function areaPath(
  points: UsageSeries["points"],
  slots: Slots,
  x: (slot: number) => number,
  y: (milli: number) => number,
): string {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const base = round2(y(0));
  let path = "";
  let previousSlot = Number.NaN;
  let runEnd = 0;
  for (const point of sorted) {
    const slot = slots.indexOf(point.at);
    const top = round2(y(Math.max(point.quantityMilli, 0)));
    if (slot !== previousSlot + 1) {
      if (path) path += `L${runEnd},${base}Z`;
      path += `M${round2(x(slot))},${base}`;
    }
    runEnd = round2(x(slot + 1));
    path += `L${round2(x(slot))},${top}L${runEnd},${top}`;
    previousSlot = slot;
  }
  return `${path}L${runEnd},${base}Z`;
}

/**
 * The table alternative lists one row per day: hourly data is summed per (UTC-stored Swedish)
 * day, as 744 rows a month would help no one reading it with a screen reader.
 */
export function tableRows(series: UsageSeries): Array<{ at: Date; quantityMilli: number }> {
  if (series.resolution === "DAY") return series.points;
  const days = new Map<number, number>();
  for (const point of series.points) {
    const day = floorTo(point.at.getTime(), 86_400_000);
    days.set(day, (days.get(day) ?? 0) + point.quantityMilli);
  }
  return [...days].map(([day, quantityMilli]) => ({ at: new Date(day), quantityMilli }));
}

export function ConsumptionChart({ series, locale, labels, color }: ConsumptionChartProps) {
  const id = useId();
  if (series.points.length === 0) return null;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const unitLabel = usageUnitLabel(series.unit, locale);
  const slots = slotsOf(series);
  const ticks = axisTicks(
    Math.max(...series.points.map((point) => point.quantityMilli)),
    USAGE_AXIS,
  );
  const y = linearScale([0, ticks.at(-1)!], [PLOT.bottom, PLOT.top]);
  const x = linearScale([0, slots.count], [PLOT.left, PLOT.right]);
  const slotWidth = (PLOT.right - PLOT.left) / slots.count;
  // Daily bars get a gap between them; hourly ones would be all gap.
  const barWidth = series.resolution === "DAY" ? slotWidth * 0.7 : slotWidth;
  const asArea = series.points.length > MAX_BARS;
  // Negative readings (meter corrections) are drawn at zero height on this 0-based axis; the
  // table still lists them exactly as given.

  const percentFromTop = (value: number) => round2((value / HEIGHT) * 100);
  return (
    <figure data-testid="usage-chart" className="m-0">
      <div className="flex gap-2 text-xs text-slate-600 tabular-nums">
        {/* Decorative labels: the image's title and the table say the same to a screen reader. */}
        <div aria-hidden="true" className="relative mt-6 h-40 w-10 shrink-0 sm:h-48" data-axis="y">
          <span className="absolute right-0 bottom-full mb-2 leading-none" data-axis-unit>
            {unitLabel}
          </span>
          {ticks.map((tick) => (
            <span
              key={tick}
              className="absolute right-0 -translate-y-1/2 leading-none"
              style={{ top: `${percentFromTop(y(tick))}%` }}
              data-tick
            >
              {formatQuantity(tick, locale)}
            </span>
          ))}
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            width="100%"
            preserveAspectRatio="none"
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            className="mt-6 block h-40 sm:h-48"
          >
            <title id={titleId}>{labels.title}</title>
            <desc id={descId}>{labels.description}</desc>
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={PLOT.left}
                x2={PLOT.right}
                y1={round2(y(tick))}
                y2={round2(y(tick))}
                stroke={tick === 0 ? AXIS_COLOR : GRID_COLOR}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {asArea ? (
              <path d={areaPath(series.points, slots, x, y)} fill={color} />
            ) : (
              // One path for all bars: hundreds of <rect> elements would weigh down every page view.
              <path
                fill={color}
                d={series.points
                  .map((point) => {
                    const top = round2(y(Math.max(point.quantityMilli, 0)));
                    const left = round2(x(slots.indexOf(point.at)) + (slotWidth - barWidth) / 2);
                    return `M${left} ${top}h${round2(barWidth)}V${PLOT.bottom}h${-round2(barWidth)}Z`;
                  })
                  .join("")}
              />
            )}
          </svg>
          <div aria-hidden="true" className="relative h-5" data-axis="x">
            {xLabels(series, slots, locale).map((label) => (
              <span
                key={label.slot}
                className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
                style={{ left: `${round2((x(label.slot) / WIDTH) * 100)}%` }}
                data-tick
              >
                {label.text}
              </span>
            ))}
          </div>
        </div>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{labels.tableSummary}</summary>
        <table data-testid="usage-table" className="mt-2 w-full text-left tabular-nums">
          <caption className="text-left font-medium">{labels.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.columnTime}</th>
              <th scope="col" className="text-right">
                {labels.columnQuantity} ({unitLabel})
              </th>
            </tr>
          </thead>
          <tbody>
            {tableRows(series).map((row) => (
              <tr key={row.at.toISOString()}>
                <th scope="row" className="font-normal">
                  {formatUsagePointTime(row.at, "DAY", locale)}
                </th>
                <td className="text-right" data-quantity-milli={row.quantityMilli}>
                  {formatQuantity(row.quantityMilli, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
