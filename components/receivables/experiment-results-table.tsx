import { DASH, percent } from "@/components/receivables/receivables-format";
import { formatRate, type Rate } from "@/lib/content/analytics/wilson-interval";
import type { ExperimentStepResult, VariantResult } from "@/lib/receivables/experiment-results";

const STEP_WORDS: Record<ExperimentStepResult["stepKind"], string> = {
  COURTESY: "Courtesy message",
  REMINDER: "Reminder",
  FINAL_REMINDER: "Final reminder",
  COLLECTION_HANDOVER: "Handover",
};
const MODE_WORDS: Record<ExperimentStepResult["experimentMode"], string> = {
  OFF: "experiment off",
  SPLIT: "fixed split",
  LEARNING: "learning",
};

const rateCell = (rate: Rate) =>
  rate.trials > 0 ? `${formatRate(rate)} · n ${rate.trials}` : DASH;

const ROWS: Array<[string, (variant: VariantResult) => string]> = [
  ["Steps taken", (v) => String(v.actions)],
  ["Paid within 14 days (95 % CI)", (v) => rateCell(v.paidWithin14)],
  ["Reached the next step (95 % CI)", (v) => rateCell(v.reachedNextStep)],
  ["Wrote to support within 14 days (95 % CI)", (v) => rateCell(v.contacted)],
  [
    "Support contacts per 100 steps",
    (v) => (v.contactsPer100 === null ? DASH : v.contactsPer100.toFixed(1)),
  ],
  ["Churned within 90 days (95 % CI)", (v) => rateCell(v.churned)],
  [
    "Average reward",
    (v) => (v.averageReward === null ? DASH : `${percent(v.averageReward)} · n ${v.rewards}`),
  ],
];

/**
 * Per experimenting step, its variants side by side. Each share counts only outcomes whose window
 * has closed, and carries its 95 % Wilson interval: while two variants' intervals overlap widely,
 * the experiment has not shown a difference, whatever the point estimates say.
 */
export function ExperimentResultsTable({ steps }: { steps: ExperimentStepResult[] }) {
  if (steps.length === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="experiment-results-empty">
        No collection step with variants was taken in this range.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {steps.map((step) => (
        <div key={step.stepId} className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm tabular-nums" data-testid="experiment-results">
            <caption className="p-2 text-left font-semibold">
              {step.policyName}, step {step.stepNumber}: {STEP_WORDS[step.stepKind]} (
              {MODE_WORDS[step.experimentMode]})
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="p-2">
                  Measure
                </th>
                {step.variants.map((variant) => (
                  <th key={variant.key} scope="col" className="p-2 text-right">
                    {variant.key}
                    {variant.name ? `: ${variant.name}` : " (removed)"}
                    {variant.weight === null ? "" : ` · ${variant.weight} %`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([label, cell]) => (
                <tr key={label} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-normal">
                    {label}
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
