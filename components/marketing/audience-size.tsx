"use client";

import { useEffect, useState } from "react";
import { requestJson } from "@/components/ui/problem";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { AudienceSize as Audience } from "@/lib/content/targeting/audience";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import type { Rule } from "@/lib/content/targeting/rule";
import type { Locale } from "@/lib/db/generated/client";

/** Edits settle for this long before the count is asked for again. */
const COUNT_DELAY_MS = 500;

type State =
  | { kind: "counting" }
  | { kind: "counted"; audience: Audience }
  | { kind: "failed"; message: string };

export function audienceText(audience: Audience, locale: Locale): string {
  const count = (value: number) => value.toLocaleString(locale === "sv" ? "sv-SE" : "en");
  return blockEditorMessages[locale].audience.text({
    about: audience.isEstimate,
    matching: count(audience.matching),
    customers: count(audience.customers),
    isOne: audience.customers === 1,
    undecided: audience.undecided > 0 ? count(audience.undecided) : null,
    evaluated: audience.isEstimate ? count(audience.evaluated) : null,
  });
}

/**
 * The audience size of the rule being written: how many of the organisation's customers it
 * selects, counted on the server from each customer's facts exactly as their page judges them.
 */
export function AudienceSize({ rule, locale }: { rule: Rule; locale: Locale }) {
  const t = blockEditorMessages[locale].audience;
  const [state, setState] = useState<State>({ kind: "counting" });
  const ruleJson = JSON.stringify(rule);
  useEffect(() => {
    const parsed = parseRuleDocument(JSON.parse(ruleJson));
    if (!parsed.ok) {
      setState({ kind: "failed", message: t.fixRule });
      return;
    }
    let isCurrent = true;
    setState({ kind: "counting" });
    const timer = setTimeout(async () => {
      const answer = await requestJson<{ audience: Audience }>("/api/marketing/audience", {
        method: "POST",
        body: { targeting: parsed.rule },
      });
      if (!isCurrent) return;
      setState(
        answer.ok
          ? { kind: "counted", audience: answer.body.audience }
          : {
              kind: "failed",
              message: t.failed(answer.problem.message),
            },
      );
    }, COUNT_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [ruleJson, t]);
  return (
    <p
      role="status"
      aria-live="polite"
      className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-900"
      data-testid="audience-size"
      data-state={state.kind}
      data-matching={state.kind === "counted" ? state.audience.matching : undefined}
      data-customers={state.kind === "counted" ? state.audience.customers : undefined}
    >
      {state.kind === "counting"
        ? t.counting
        : state.kind === "counted"
          ? audienceText(state.audience, locale)
          : state.message}
    </p>
  );
}
