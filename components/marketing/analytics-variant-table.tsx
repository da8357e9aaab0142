import type { BlockAnalytics } from "@/lib/content/analytics/analytics";
import { formatRate } from "@/lib/content/analytics/wilson-interval";

const number = (value: number | null, digits = 1) => (value === null ? "–" : value.toFixed(digits));
const share = (part: number, whole: number) =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : "–";

/**
 * Per variant, side by side. Rates carry their 95 % Wilson interval: when two variants' intervals
 * overlap widely, the test has not shown a difference yet, whatever the point estimates say.
 */
export function AnalyticsVariantTable({ analytics }: { analytics: BlockAnalytics }) {
  const { variants, surveyScale } = analytics;
  const rows: Array<[string, (v: BlockAnalytics["variants"][number]) => string]> = [
    ["Weight", (v) => String(v.weight)],
    ["Impressions (invoices)", (v) => String(v.impressions)],
    ["Clicks", (v) => String(v.clicks)],
    ["Click rate (95 % CI)", (v) => formatRate(v.clickRate)],
    ["Accepts", (v) => String(v.accepts)],
    ["Accept rate (95 % CI)", (v) => formatRate(v.acceptRate)],
  ];
  if (surveyScale) {
    rows.push(["Survey answers", (v) => String(v.survey.answers)]);
    rows.push([
      `Mean answer (${surveyScale === "NPS" ? "0–10" : "1–5"})`,
      (v) => number(v.survey.mean),
    ]);
    if (surveyScale === "NPS")
      rows.push(["NPS (promoters − detractors)", (v) => number(v.survey.nps, 0)]);
  }
  rows.push(
    [
      "Paid on time (of invoices due or paid)",
      (v) =>
        `${share(v.outcomes.paidOnTime, v.outcomes.decided)} (${v.outcomes.paidOnTime} of ${v.outcomes.decided})`,
    ],
    ["Mean days from issue to full payment", (v) => number(v.outcomes.meanDaysToPayment)],
    ["Customers", (v) => String(v.outcomes.customers)],
    [
      "Wrote to support within 30 days",
      (v) => `${v.outcomes.chatContacts} (${share(v.outcomes.chatContacts, v.outcomes.customers)})`,
    ],
    [
      "Changed plan afterwards (any offer)",
      (v) => `${v.outcomes.planChanges} (${share(v.outcomes.planChanges, v.outcomes.customers)})`,
    ],
  );
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid="analytics-variants">
        <caption className="sr-only">Results per variant</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              Measure
            </th>
            {variants.map((variant) => (
              <th key={variant.variantId} scope="col" className="p-2 text-right">
                Variant {variant.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label} className="border-b border-slate-100">
              <th scope="row" className="p-2 font-normal">
                {label}
              </th>
              {variants.map((variant) => (
                <td key={variant.variantId} className="p-2 text-right">
                  {cell(variant)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
