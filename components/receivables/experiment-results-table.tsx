import { DASH, percent } from "@/components/receivables/receivables-format";
import { formatRate, type Rate } from "@/lib/content/analytics/wilson-interval";
import type { Locale } from "@/lib/db/generated/client";
import {
  type ReceivablesMessages,
  receivablesMessages,
} from "@/lib/i18n/staff/finance/receivables";
import type { ExperimentStepResult, VariantResult } from "@/lib/receivables/experiment-results";

const rateCell = (rate: Rate) =>
  rate.trials > 0 ? `${formatRate(rate)} · n ${rate.trials}` : DASH;

const ROWS: Array<
  [keyof ReceivablesMessages["experiments"]["rows"], (variant: VariantResult) => string]
> = [
  ["actions", (v) => String(v.actions)],
  ["paid", (v) => rateCell(v.paidWithin14)],
  ["next", (v) => rateCell(v.reachedNextStep)],
  ["contacted", (v) => rateCell(v.contacted)],
  ["contacts", (v) => (v.contactsPer100 === null ? DASH : v.contactsPer100.toFixed(1))],
  ["churned", (v) => rateCell(v.churned)],
  [
    "reward",
    (v) => (v.averageReward === null ? DASH : `${percent(v.averageReward)} · n ${v.rewards}`),
  ],
];

/**
 * Per experimenting step, its variants side by side. Each share counts only outcomes whose window
 * has closed, and carries its 95 % Wilson interval: while two variants' intervals overlap widely,
 * the experiment has not shown a difference, whatever the point estimates say.
 */
export function ExperimentResultsTable({
  steps,
  locale,
}: {
  steps: ExperimentStepResult[];
  locale: Locale;
}) {
  const t = receivablesMessages[locale].experiments;
  if (steps.length === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="experiment-results-empty">
        {t.empty}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {steps.map((step) => (
        <div key={step.stepId} className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm tabular-nums" data-testid="experiment-results">
            <caption className="p-2 text-left font-semibold">
              {t.caption(
                step.policyName,
                step.stepNumber,
                t.steps[step.stepKind],
                t.modes[step.experimentMode],
              )}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="p-2">
                  {t.measure}
                </th>
                {step.variants.map((variant) => (
                  <th key={variant.key} scope="col" className="p-2 text-right">
                    {variant.key}
                    {variant.name ? `: ${variant.name}` : t.removed}
                    {variant.weight === null ? "" : ` · ${variant.weight} %`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([label, cell]) => (
                <tr key={label} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-normal">
                    {t.rows[label]}
                  </th>
                  {step.variants.map((variant) => (
                    <td key={variant.key} className="whitespace-nowrap p-2 text-right">
                      {cell(variant)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
