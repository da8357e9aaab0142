"use client";

import { blockEditorMessages } from "@/lib/content/editor-messages";
import {
  type FactName,
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  type TargetingOp,
} from "@/lib/content/targeting/catalogue";
import type { Condition } from "@/lib/content/targeting/rule";
import type { Locale } from "@/lib/db/generated/client";
import { convertValue, defaultValue, TargetingValueInput } from "./targeting-value-input";

const SELECT = "rounded border border-slate-400 px-2 py-1 text-sm";

export function newCondition(fact: FactName = TARGETING_FACT_NAMES[0]!): Condition {
  const definition = TARGETING_FACTS[fact];
  const op = definition.ops[0]!;
  return { fact, op, value: defaultValue(definition, op) };
}

/** One condition: a fact from the catalogue, one of the operators it allows, a typed value. */
export function TargetingConditionRow({
  condition,
  suggestions,
  facts = TARGETING_FACT_NAMES,
  locale,
  onChange,
}: {
  condition: Condition;
  suggestions: Partial<Record<FactName, readonly string[]>>;
  /** The facts to choose from (default: the whole catalogue). */
  facts?: readonly FactName[];
  locale: Locale;
  onChange: (condition: Condition) => void;
}) {
  const t = blockEditorMessages[locale].targeting;
  const definition = TARGETING_FACTS[condition.fact];
  // A stored condition on a fact outside the list is still shown as what it is.
  const choices = facts.includes(condition.fact) ? facts : [condition.fact, ...facts];
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="targeting-condition">
      <select
        aria-label={t.fact}
        className={SELECT}
        value={condition.fact}
        onChange={(event) => {
          const fact = event.currentTarget.value as FactName;
          const next = TARGETING_FACTS[fact];
          // Keep the operator when the new fact allows it; the value always restarts, typed anew.
          const op = next.ops.includes(condition.op) ? condition.op : next.ops[0]!;
          onChange({ fact, op, value: defaultValue(next, op) });
        }}
      >
        {choices.map((name) => (
          <option key={name} value={name}>
            {TARGETING_FACTS[name].label[locale]}
          </option>
        ))}
      </select>
      <select
        aria-label={t.comparison}
        className={SELECT}
        value={condition.op}
        onChange={(event) => {
          const op = event.currentTarget.value as TargetingOp;
          onChange({ ...condition, op, value: convertValue(definition, op, condition.value) });
        }}
      >
        {definition.ops.map((op) => (
          <option key={op} value={op}>
            {t.ops[op]}
          </option>
        ))}
      </select>
      <TargetingValueInput
        definition={definition}
        op={condition.op}
        value={condition.value}
        suggestions={suggestions[condition.fact]}
        locale={locale}
        onChange={(value) => onChange({ ...condition, value })}
      />
    </div>
  );
}
