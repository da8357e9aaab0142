import type { BlockAnalytics } from "@/lib/content/analytics/analytics";
import { formatRate } from "@/lib/content/analytics/wilson-interval";
import type { Locale } from "@/lib/db/generated/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";

const number = (value: number | null, digits = 1) => (value === null ? "–" : value.toFixed(digits));
const share = (part: number, whole: number) =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : "–";

/**
 * Per variant, side by side. Rates carry their 95 % Wilson interval: when two variants' intervals
 * overlap widely, the test has not shown a difference yet, whatever the point estimates say.
 */
export function AnalyticsVariantTable({
  analytics,
  locale,
}: {
  analytics: BlockAnalytics;
  locale: Locale;
}) {
  const { variants, surveyScale } = analytics;
  const t = marketingMessages[locale].analytics;
  const r = t.rows;
  const rows: Array<[string, (v: BlockAnalytics["variants"][number]) => string]> = [
    [r.weight, (v) => String(v.weight)],
    [r.impressions, (v) => String(v.impressions)],
    [r.clicks, (v) => String(v.clicks)],
    [r.clickRate, (v) => formatRate(v.clickRate)],
    [r.accepts, (v) => String(v.accepts)],
    [r.acceptRate, (v) => formatRate(v.acceptRate)],
  ];
  if (surveyScale) {
    rows.push([r.surveyAnswers, (v) => String(v.survey.answers)]);
    rows.push([r.meanAnswer(surveyScale === "NPS" ? "0–10" : "1–5"), (v) => number(v.survey.mean)]);
    if (surveyScale === "NPS") rows.push([r.nps, (v) => number(v.survey.nps, 0)]);
  }
  rows.push(
    [
      r.paidOnTime,
      (v) =>
        `${share(v.outcomes.paidOnTime, v.outcomes.decided)} (${r.ofTotal(v.outcomes.paidOnTime, v.outcomes.decided)})`,
    ],
    [r.meanDays, (v) => number(v.outcomes.meanDaysToPayment)],
    [r.customers, (v) => String(v.outcomes.customers)],
    [
      r.wroteToSupport,
      (v) => `${v.outcomes.chatContacts} (${share(v.outcomes.chatContacts, v.outcomes.customers)})`,
    ],
    [
      r.changedPlan,
      (v) => `${v.outcomes.planChanges} (${share(v.outcomes.planChanges, v.outcomes.customers)})`,
    ],
  );
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid="analytics-variants">
        <caption className="sr-only">{t.resultsCaption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              {t.measure}
            </th>
            {variants.map((variant) => (
              <th key={variant.variantId} scope="col" className="p-2 text-right">
                {t.variant(variant.key)}
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
