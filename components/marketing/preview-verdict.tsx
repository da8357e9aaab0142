import type { ParsedContentBlock } from "@/lib/content/blocks/block-input";
import {
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  type TargetingFacts,
} from "@/lib/content/targeting/catalogue";
import { describeRule } from "@/lib/content/targeting/describe-rule";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import type { Locale } from "@/lib/db/generated/client";
import { type MarketingMessages, marketingMessages } from "@/lib/i18n/staff/marketing/console";

type VerdictWords = MarketingMessages["verdict"];

function factText(
  value: TargetingFacts[keyof TargetingFacts],
  unit: string | null,
  t: VerdictWords,
): string {
  if (value === null || value === undefined) return t.unknownValue;
  if (typeof value === "boolean") return value ? t.yes : t.no;
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
  locale,
}: {
  draft: ParsedContentBlock;
  facts: TargetingFacts;
  customerName: string;
  isShown: boolean;
  now: Date;
  locale: Locale;
}) {
  const t = marketingMessages[locale].verdict;
  const parsed = parseRuleDocument(draft.targeting);
  if (!parsed.ok) return null;
  const truth = evaluateRule(parsed.rule, facts);
  const missing = explainUnknown(parsed.rule, facts);
  const outsideDates =
    (draft.startsAt && draft.startsAt > now) || (draft.endsAt && draft.endsAt <= now);
  return (
    <section
      aria-label={t.label}
      className={`rounded-lg border p-3 text-sm ${isShown ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`}
      data-testid="preview-verdict"
      data-selected={truth === true ? "yes" : "no"}
    >
      <p className="font-semibold">
        {t.rule(t.truth[String(truth) as keyof VerdictWords["truth"]], customerName)}{" "}
        {isShown ? t.shown : t.notShown}
      </p>
      {truth === true && !isShown ? <p className="mt-1">{t.selectedNotShown}</p> : null}
      {outsideDates ? <p className="mt-1">{t.outsideDates}</p> : null}
      {truth !== true ? (
        <>
          <p className="mt-2 font-semibold">{t.ruleHeading}</p>
          <pre className="whitespace-pre-wrap font-sans">{describeRule(parsed.rule, locale)}</pre>
          {missing.length > 0 ? (
            <p className="mt-2">
              {t.unknown(missing.map((name) => TARGETING_FACTS[name].label[locale]).join(", "))}
            </p>
          ) : null}
          <details className="mt-2" open>
            <summary className="cursor-pointer font-semibold">{t.facts(customerName)}</summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
              {TARGETING_FACT_NAMES.map((name) => (
                <div key={name} className="contents">
                  <dt className="text-slate-700">{TARGETING_FACTS[name].label[locale]}</dt>
                  <dd className={facts[name] === null ? "text-amber-900" : undefined}>
                    {factText(facts[name], TARGETING_FACTS[name].unit?.[locale] ?? null, t)}
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
