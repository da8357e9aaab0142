import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  ConsumptionChart,
  type ConsumptionChartLabels,
  MAX_BARS,
} from "@/components/invoice/consumption-chart";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { UsageSeries } from "@/lib/invoice-page/load-usage-series";
import type { Locale } from "@/lib/money/money";

const labels: ConsumptionChartLabels = {
  title: "Elförbrukning per dag",
  description: "Stapeldiagram över förbrukningen i mars.",
  tableSummary: "Visa som tabell",
  tableCaption: "Förbrukning per dag i mars",
  columnTime: "Datum",
  columnQuantity: "Förbrukning",
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function seriesOf(options: {
  resolution: "DAY" | "HOUR";
  start: string;
  days: number;
  quantity?: (index: number) => number;
  skip?: (at: Date) => boolean;
}): UsageSeries {
  const periodStart = parseCalendarDate(options.start);
  const slotMs = options.resolution === "DAY" ? DAY_MS : HOUR_MS;
  const count = options.resolution === "DAY" ? options.days : options.days * 24;
  const quantity = options.quantity ?? ((index: number) => 10_000 + ((index * 7919) % 31_000));
  const points = Array.from({ length: count }, (_, index) => ({
    at: new Date(periodStart.getTime() + index * slotMs),
    quantityMilli: quantity(index),
  })).filter((point) => !options.skip?.(point.at));
  const total = (from: Date, days: number, totalMilli: number) => ({
    periodStart: from,
    periodEnd: new Date(from.getTime() + (days - 1) * DAY_MS),
    totalMilli,
    daysWithData: days,
    daysInPeriod: days,
  });
  return {
    unit: "KWH",
    resolution: options.resolution,
    points,
    current: total(
      periodStart,
      options.days,
      points.reduce((sum, point) => sum + point.quantityMilli, 0),
    ),
    previous: total(parseCalendarDate("2025-02-01"), 28, 500_000),
    lastYear: total(parseCalendarDate("2024-03-01"), 31, 600_000),
    usageCostOre: null,
    unitPriceCentiOre: null,
  };
}

function render(series: UsageSeries, locale: Locale = "sv", color = "#1d4ed8"): string {
  return renderToStaticMarkup(createElement(ConsumptionChart, { series, locale, labels, color }));
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

function tableQuantities(html: string): number[] {
  return [...html.matchAll(/data-quantity-milli="(-?\d+)"/g)].map((match) => Number(match[1]));
}

/** The bars are one path of "M x top h w V bottom h -w Z" squares. */
function bars(html: string): Array<{ x: number; top: number; bottom: number }> {
  return [...html.matchAll(/M([\d.]+) ([\d.]+)h[\d.]+V([\d.]+)h-[\d.]+Z/g)].map((m) => ({
    x: Number(m[1]),
    top: Number(m[2]),
    bottom: Number(m[3]),
  }));
}

/** The axis labels, HTML beside the drawing: the unit first, then the ticks in order. */
function axisLabels(html: string, axis: "x" | "y"): string[] {
  const start = html.indexOf(`data-axis="${axis}"`);
  const part = html.slice(start, html.indexOf("</div>", start));
  return [...part.matchAll(/<span[^>]*>([^<]+)<\/span>/g)].map((match) => match[1]!);
}

function barXs(html: string): number[] {
  return bars(html).map((bar) => bar.x);
}

const march = { resolution: "DAY" as const, start: "2025-03-01", days: 31 };

describe("ConsumptionChart, daily", () => {
  it("draws one bar per daily point in the brand colour", () => {
    const html = render(seriesOf(march));
    expect(bars(html)).toHaveLength(31);
    expect(count(html, /<rect /g)).toBe(0);
    expect(count(html, /<path /g)).toBe(1);
    expect(count(html, /fill="#1d4ed8"/g)).toBe(1);
    expect(html).toContain('data-testid="usage-chart"');
    expect(html).toContain('viewBox="0 0 640 200"');
    expect(html).toContain('width="100%"');
  });

  it("lists every point in the table, and the rows add up to the points' total", () => {
    const series = seriesOf(march);
    const html = render(series);
    const quantities = tableQuantities(html);
    expect(quantities).toEqual(series.points.map((point) => point.quantityMilli));
    expect(quantities.reduce((sum, q) => sum + q, 0)).toBe(series.current.totalMilli);
    expect(count(html, /<th scope="row"/g)).toBe(31);
    expect(count(html, /<th scope="col"/g)).toBe(2);
    expect(html).toContain('data-testid="usage-table"');
    expect(html).toContain("<caption");
    expect(html).toContain("Förbrukning per dag i mars</caption>");
    expect(html).toContain("Förbrukning (kWh)</th>");
    expect(html).toContain("<summary");
    expect(html).toMatch(/<details[^>]*>/);
    expect(html).toContain(">1 mars</th>");
    expect(html).toContain(">31 mars</th>");
  });

  it("is one labelled image whose title and description exist", () => {
    const html = render(seriesOf(march));
    expect(html).toContain('role="img"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeDefined();
    const ids = labelledBy!.split(" ");
    expect(ids).toHaveLength(2);
    expect(html).toContain(`<title id="${ids[0]}">Elförbrukning per dag</title>`);
    expect(html).toContain(`<desc id="${ids[1]}">Stapeldiagram över förbrukningen i mars.</desc>`);
  });

  it("gives two charts on one page different ids", () => {
    const chart = createElement(ConsumptionChart, {
      series: seriesOf(march),
      locale: "sv",
      labels,
      color: "#000",
    });
    const html = renderToStaticMarkup(createElement("div", null, chart, chart));
    const ids = [...html.matchAll(/<title id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("labels the axes: nice quantity ticks, the unit, and every 7th day", () => {
    // Peak 41.5 kWh → ticks 0, 20, 40, 60.
    const html = render(seriesOf({ ...march, quantity: (i) => (i === 3 ? 41_500 : 12_250) }));
    expect(axisLabels(html, "y")).toEqual(["kWh", "0", "20", "40", "60"]);
    expect(axisLabels(html, "x")).toEqual(["1", "8", "15", "22", "29"]);
    // As page text, not drawing text: they keep the page's size however narrow the chart is.
    expect(html).not.toContain("<text");
    // Table quantities in Swedish.
    expect(html).toContain(">41,5</td>");
    expect(html).toContain(">12,25</td>");
  });

  it("writes English numbers and dates in English", () => {
    const html = render(seriesOf({ ...march, quantity: () => 1_234_500 }), "en");
    expect(html).toContain(">1,234.5</td>");
    expect(html).toContain(">1 March</th>");
  });

  it("leaves a missing day as a gap rather than closing up the bars", () => {
    const html = render(
      seriesOf({
        ...march,
        skip: (at) => at.getTime() === parseCalendarDate("2025-03-10").getTime(),
      }),
    );
    const xs = barXs(html);
    expect(xs).toHaveLength(30);
    const slot = xs[1]! - xs[0]!;
    expect(xs[9]! - xs[8]!).toBeCloseTo(2 * slot, 1);
    expect(xs[10]! - xs[9]!).toBeCloseTo(slot, 1);
  });

  it("shows the data as given, a negative correction included", () => {
    const series = seriesOf({ ...march, days: 3, quantity: (i) => [5_000, -1_500, 7_000][i]! });
    const html = render(series);
    expect(tableQuantities(html)).toEqual([5_000, -1_500, 7_000]);
    expect(html).toContain(">\u22121,5</td>");
    const drawn = bars(html);
    expect(drawn).toHaveLength(3);
    expect(drawn[1]!.top).toBe(drawn[1]!.bottom);
  });

  it("renders an all-zero series with a one-unit axis", () => {
    const html = render(seriesOf({ ...march, quantity: () => 0 }));
    expect(bars(html)).toHaveLength(31);
    expect(axisLabels(html, "y")).toEqual(["kWh", "0", "0,5", "1"]);
  });
});

describe("ConsumptionChart, hourly", () => {
  it("draws one thin bar per hour, and tabulates the hours per day", () => {
    const series = seriesOf({ resolution: "HOUR", start: "2025-03-01", days: 31 });
    expect(series.points).toHaveLength(744);
    const html = render(series);
    expect(bars(html)).toHaveLength(744);
    expect(count(html, /<th scope="row"/g)).toBe(31);
    expect(tableQuantities(html).reduce((sum, q) => sum + q, 0)).toBe(series.current.totalMilli);
    const firstDay = series.points.slice(0, 24).reduce((sum, p) => sum + p.quantityMilli, 0);
    expect(tableQuantities(html)[0]).toBe(firstDay);
    expect(html).toContain(">1 mars</th>");
    expect(html).toContain(">31 mars</th>");
    expect(axisLabels(html, "x")).toEqual(["1 mars", "8 mars", "15 mars", "22 mars", "29 mars"]);
  });

  it(`draws more than ${MAX_BARS} points as one area, broken where data is missing`, () => {
    const series = seriesOf({ resolution: "HOUR", start: "2025-01-01", days: 90 });
    const html = render(series);
    expect(count(html, /<rect /g)).toBe(0);
    expect(count(html, /<path /g)).toBe(1);
    expect(count(/<path d="([^"]+)"/.exec(html)?.[1] ?? "", /M/g)).toBe(1);
    expect(count(html, /<th scope="row"/g)).toBe(90);
    const gappy = seriesOf({
      resolution: "HOUR",
      start: "2025-01-01",
      days: 90,
      skip: (at) => at.getUTCDate() === 15 && at.getUTCMonth() === 1,
    });
    const d = /<path d="([^"]+)"/.exec(render(gappy))?.[1] ?? "";
    expect(count(d, /M/g)).toBe(2);
    expect(count(d, /Z/g)).toBe(2);
    expect(d).not.toMatch(/NaN|Infinity/);
  });
});

it("renders nothing for a series without points", () => {
  expect(render({ ...seriesOf(march), points: [] })).toBe("");
});
