"use client";

import type { ReactNode } from "react";
import { type FactName, TARGETING_FACT_NAMES } from "@/lib/content/targeting/catalogue";
import type { Rule } from "@/lib/content/targeting/rule";
import { newCondition, TargetingConditionRow } from "./targeting-condition-row";

/**
 * The targeting rule as a readable tree: groups ("all of" / "any of"), "not" boxes and condition
 * rows chosen from the fact catalogue. The marketer never writes code; the tree is the JSON
 * document the server validates, so what is shown is exactly what is stored.
 */

type Suggestions = Partial<Record<FactName, readonly string[]>>;

const BUTTON = "rounded border border-slate-400 bg-white px-2 py-0.5 text-xs hover:bg-slate-50";

function AddButtons({ facts, onAdd }: { facts: readonly FactName[]; onAdd: (rule: Rule) => void }) {
  const condition = () => newCondition(facts[0]);
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={BUTTON} onClick={() => onAdd(condition())}>
        + condition
      </button>
      <button type="button" className={BUTTON} onClick={() => onAdd({ any: [condition()] })}>
        + group
      </button>
      <button type="button" className={BUTTON} onClick={() => onAdd({ not: condition() })}>
        + not
      </button>
    </div>
  );
}

function RuleNode({
  rule,
  depth,
  suggestions,
  facts,
  onChange,
  onRemove,
}: {
  rule: Rule;
  depth: number;
  suggestions: Suggestions;
  facts: readonly FactName[];
  onChange: (rule: Rule) => void;
  onRemove?: () => void;
}) {
  const remove = onRemove ? (
    <button type="button" className="text-xs text-red-800 underline" onClick={onRemove}>
      Remove
    </button>
  ) : null;
  if ("not" in rule) {
    return (
      <div className="rounded border border-amber-300 bg-amber-50 p-2" data-testid="targeting-not">
        <div className="mb-1 flex items-center gap-2 text-sm font-semibold">
          Not: the following is false {remove}
        </div>
        <RuleNode
          rule={rule.not}
          depth={depth + 1}
          suggestions={suggestions}
          facts={facts}
          onChange={(child) => onChange({ not: child })}
        />
      </div>
    );
  }
  if ("all" in rule || "any" in rule) {
    const mode = "all" in rule ? "all" : "any";
    const children = "all" in rule ? rule.all : rule.any;
    const set = (next: Rule[]) => onChange(mode === "all" ? { all: next } : { any: next });
    return (
      <fieldset
        className={`flex flex-col gap-2 rounded border p-2 ${depth % 2 ? "border-slate-300 bg-slate-50" : "border-slate-300 bg-white"}`}
        data-testid="targeting-group"
      >
        <legend className="flex items-center gap-2 px-1 text-sm">
          <select
            aria-label="Group matches when"
            className="rounded border border-slate-400 px-1 py-0.5 text-sm"
            value={mode}
            onChange={(event) =>
              onChange(event.currentTarget.value === "all" ? { all: children } : { any: children })
            }
          >
            <option value="all">All of these are true</option>
            <option value="any">Any of these is true</option>
          </select>
          {remove}
        </legend>
        {children.length === 0 ? (
          <p className="text-sm text-slate-700">
            {mode === "all"
              ? "No conditions: every customer is selected."
              : "No conditions: no customer is selected."}
          </p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {children.map((child, index) => (
            // Rules have no ids; position is their identity while the marketer edits this list.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              <RuleNode
                rule={child}
                depth={depth + 1}
                suggestions={suggestions}
                facts={facts}
                onChange={(next) => set(children.map((c, i) => (i === index ? next : c)))}
                onRemove={() => set(children.filter((_, i) => i !== index))}
              />
            </li>
          ))}
        </ul>
        <AddButtons facts={facts} onAdd={(added) => set([...children, added])} />
      </fieldset>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <TargetingConditionRow
        condition={rule}
        suggestions={suggestions}
        facts={facts}
        onChange={onChange}
      />
      {remove}
    </div>
  );
}

export function TargetingEditor({
  rule,
  suggestions = {},
  error,
  facts = TARGETING_FACT_NAMES,
  heading = "Who sees it",
  description = "A customer sees the block only when the rule is true for them. When a fact is unknown for a customer (no usage data, no birth year …) the block stays hidden for them.",
  onChange,
}: {
  rule: Rule;
  suggestions?: Suggestions;
  /** The schema's message about the rule (it names the path, e.g. "all[1].value: …"). */
  error?: string | null;
  /** The facts the rule may ask about (default: the whole catalogue). */
  facts?: readonly FactName[];
  heading?: string;
  description?: ReactNode;
  onChange: (rule: Rule) => void;
}) {
  return (
    <section
      aria-labelledby="targeting-heading"
      className="flex flex-col gap-2"
      data-testid="targeting-editor"
    >
      <h3 id="targeting-heading" className="font-semibold">
        {heading}
      </h3>
      <p className="text-sm text-slate-700">{description}</p>
      <RuleNode rule={rule} depth={0} suggestions={suggestions} facts={facts} onChange={onChange} />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
