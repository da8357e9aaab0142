import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PeriodChart, type PeriodChartProps } from "@/components/receivables/period-chart";

const render = (props: Partial<PeriodChartProps>) =>
  renderToStaticMarkup(
    createElement(PeriodChart, {
      locale: "en",
      title: "Paid on time",
      description: "The share paid by the due date.",
      labels: ["2026-01", "2026-02", "2026-03"],
      series: [
        {
          name: "Paid on time",
          color: "#0072B2",
          values: [40, null, 87.5],
          format: (v) => (v === null ? "–" : `${v} %`),
        },
      ],
      tickLabel: (tick) => `${tick} %`,
      testId: "chart",
      ...props,
    }),
  );

describe("a chart per period", () => {
  it("is one labelled image with the same numbers as a table beside it", () => {
    const html = render({});
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toContain("<title");
    expect(html).toContain("The share paid by the due date. The table below has the same numbers.");
    expect(html).toContain("<details");
    const table = html.slice(html.indexOf('data-testid="chart-table"'));
    const rows = table.split("<tr>").slice(2);
    expect(rows.map((row) => [...row.matchAll(/>([^<]+)</g)].map((m) => m[1]))).toEqual([
      ["2026-01", "40 %"],
      ["2026-02", "–"],
      ["2026-03", "87.5 %"],
    ]);
    // Two bars: the period without a value has none (not a bar of height 0).
    expect(html.match(/Z/g)).toHaveLength(2);
    // Axis to 100 %: the first step of 1, 2 or 5 × 10ⁿ that reaches 87.5 in at most 5 steps.
    expect(html).toContain(">100 %<");
  });

  it("compares two series with a legend, and labels only some of many periods", () => {
    const labels = Array.from({ length: 52 }, (_, i) => `2026-W${String(i + 1).padStart(2, "0")}`);
    const html = render({
      labels,
      series: [
        { name: "After a reminder", color: "#D55E00", values: labels.map(() => 5), format: String },
        { name: "Without", color: "#0072B2", values: labels.map(() => 2), format: String },
      ],
    });
    expect(html).toContain("<figcaption");
    expect(html).toContain("After a reminder");
    expect(html.match(/text-anchor="middle"/g)!.length).toBeLessThanOrEqual(13);
    // The table still lists every week.
    expect(html.match(/scope="row"/g)).toHaveLength(52);
  });

  it("says so when there is nothing to draw", () => {
    expect(
      render({
        series: [{ name: "x", color: "#000", values: [null, null, null], format: String }],
      }),
    ).toContain("nothing to show");
  });
});
