import type { ParsedContentBlock } from "@/lib/content/blocks/block-input";
import {
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  type TargetingFacts,
} from "@/lib/content/targeting/catalogue";
import { describeRule } from "@/lib/content/targeting/describe-rule";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";

const TRUTH_WORDS = {
  true: "selects",
  false: "does not select",
  unknown: "cannot decide for",
} as const;

function factText(value: TargetingFacts[keyof TargetingFacts], unit: string | null): string {
  if (value === null || value === undefined) return "unknown";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return unit ? `${value} ${unit}` : String(value);
}

/**
 * Why the draft is (not) on this customer's invoice: the rule's verdict for them, the rule in
 * words and the customer's facts (unknown ones called out, since they keep a block hidden).
 */
export function PreviewVerdict({
  draft,
  facts,
  customerName,
  isShown,
  now,
}: {
  draft: ParsedContentBlock;
  facts: TargetingFacts;
  customerName: string;
  isShown: boolean;
  now: Date;
}) {
  const parsed = parseRuleDocument(draft.targeting);
  if (!parsed.ok) return null;
  const truth = evaluateRule(parsed.rule, facts);
  const missing = explainUnknown(parsed.rule, facts);
  const outsideDates =
    (draft.startsAt && draft.startsAt > now) || (draft.endsAt && draft.endsAt <= now);
  return (
    <section
      aria-label="Targeting for this customer"
      className={`rounded-lg border p-3 text-sm ${isShown ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`}
      data-testid="preview-verdict"
      data-selected={truth === true ? "yes" : "no"}
    >
      <p className="font-semibold">
        The rule {TRUTH_WORDS[String(truth) as keyof typeof TRUTH_WORDS]} {customerName}.{" "}
        {isShown ? "The block is on the invoice below." : "The block is not on the invoice below."}
      </p>
      {truth === true && !isShown ? (
        <p className="mt-1">
          Selected, yet not shown: higher-priority blocks may fill the organisation's limit per
          invoice, the offer may not apply (the customer already has the plan, no better plan, or
          the plan is inactive), another offer saves this customer more (an invoice shows one plan
          offer), the text promises a {"{{saving}}"} this customer does not get, or no variant has a
          weight above 0.
        </p>
      ) : null}
      {outsideDates ? (
        <p className="mt-1">
          Note: the block's dates do not include now, so customers would not see it yet (or any
          more).
        </p>
      ) : null}
      {truth !== true ? (
        <>
          <p className="mt-2 font-semibold">The rule</p>
          <pre className="whitespace-pre-wrap font-sans">{describeRule(parsed.rule, "en")}</pre>
          {missing.length > 0 ? (
            <p className="mt-2">
              Unknown for this customer (the block stays hidden when the rule depends on them):{" "}
              {missing.map((name) => TARGETING_FACTS[name].label.en).join(", ")}.
            </p>
          ) : null}
          <details className="mt-2" open>
            <summary className="cursor-pointer font-semibold">{customerName}'s facts</summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
              {TARGETING_FACT_NAMES.map((name) => (
                <div key={name} className="contents">
                  <dt className="text-slate-700">{TARGETING_FACTS[name].label.en}</dt>
                  <dd className={facts[name] === null ? "text-amber-900" : undefined}>
                    {factText(facts[name], TARGETING_FACTS[name].unit?.en ?? null)}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      ) : null}
    </section>
  );
}
