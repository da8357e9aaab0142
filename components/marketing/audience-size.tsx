"use client";

import { useEffect, useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { AudienceSize as Audience } from "@/lib/content/targeting/audience";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import type { Rule } from "@/lib/content/targeting/rule";

/** Edits settle for this long before the count is asked for again. */
const COUNT_DELAY_MS = 500;

type State =
  | { kind: "counting" }
  | { kind: "counted"; audience: Audience }
  | { kind: "failed"; message: string };

export function audienceText(audience: Audience): string {
  const about = audience.isEstimate ? "about " : "";
  const customers = `${audience.customers.toLocaleString("en")} ${
    audience.customers === 1 ? "customer" : "customers"
  }`;
  const undecided =
    audience.undecided > 0
      ? ` ${about}${audience.undecided.toLocaleString("en")} more cannot be decided (a fact the rule asks about is unknown for them) and do not see it.`
      : "";
  const sample = audience.isEstimate
    ? ` Estimated from ${audience.evaluated.toLocaleString("en")} customers chosen at random.`
    : "";
  return `This rule selects ${about}${audience.matching.toLocaleString("en")} of ${customers} with an invoice.${undecided}${sample}`;
}

/**
 * The audience size of the rule being written: how many of the organisation's customers it
 * selects, counted on the server from each customer's facts exactly as their page judges them.
 */
export function AudienceSize({ rule }: { rule: Rule }) {
  const [state, setState] = useState<State>({ kind: "counting" });
  const ruleJson = JSON.stringify(rule);
  useEffect(() => {
    const parsed = parseRuleDocument(JSON.parse(ruleJson));
    if (!parsed.ok) {
      setState({ kind: "failed", message: "Fix the rule to see how many customers it selects." });
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
              message: `The audience could not be counted: ${answer.problem.message}`,
            },
      );
    }, COUNT_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [ruleJson]);
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
        ? "Counting the customers this rule selects …"
        : state.kind === "counted"
          ? audienceText(state.audience)
          : state.message}
    </p>
  );
}
