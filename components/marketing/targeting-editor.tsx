"use client";

import type { ReactNode } from "react";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { type FactName, TARGETING_FACT_NAMES } from "@/lib/content/targeting/catalogue";
import type { Rule } from "@/lib/content/targeting/rule";
import type { Locale } from "@/lib/db/generated/client";
import { newCondition, TargetingConditionRow } from "./targeting-condition-row";

/**
 * The targeting rule as a readable tree: groups ("all of" / "any of"), "not" boxes and condition
 * rows chosen from the fact catalogue. The marketer never writes code; the tree is the JSON
 * document the server validates, so what is shown is exactly what is stored.
 */

type Suggestions = Partial<Record<FactName, readonly string[]>>;

const BUTTON = "rounded border border-slate-400 bg-white px-2 py-0.5 text-xs hover:bg-slate-50";

type Words = (typeof blockEditorMessages)[Locale]["targeting"];

function AddButtons({
  facts,
  t,
  onAdd,
}: {
  facts: readonly FactName[];
  t: Words;
  onAdd: (rule: Rule) => void;
}) {
  const condition = () => newCondition(facts[0]);
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={BUTTON} onClick={() => onAdd(condition())}>
        {t.addCondition}
      </button>
      <button type="button" className={BUTTON} onClick={() => onAdd({ any: [condition()] })}>
        {t.addGroup}
      </button>
      <button type="button" className={BUTTON} onClick={() => onAdd({ not: condition() })}>
        {t.addNot}
      </button>
    </div>
  );
}

function RuleNode({
  rule,
  depth,
  suggestions,
  facts,
  locale,
  onChange,
  onRemove,
}: {
  rule: Rule;
  depth: number;
  suggestions: Suggestions;
  facts: readonly FactName[];
  locale: Locale;
  onChange: (rule: Rule) => void;
  onRemove?: () => void;
}) {
  const t = blockEditorMessages[locale].targeting;
  const remove = onRemove ? (
    <button type="button" className="text-xs text-red-800 underline" onClick={onRemove}>
      {t.remove}
    </button>
  ) : null;
  if ("not" in rule) {
    return (
      <div className="rounded border border-amber-300 bg-amber-50 p-2" data-testid="targeting-not">
        <div className="mb-1 flex items-center gap-2 text-sm font-semibold">
          {t.not} {remove}
        </div>
        <RuleNode
          rule={rule.not}
          depth={depth + 1}
          suggestions={suggestions}
          facts={facts}
          locale={locale}
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
            aria-label={t.groupMode}
            className="rounded border border-slate-400 px-1 py-0.5 text-sm"
            value={mode}
            onChange={(event) =>
              onChange(event.currentTarget.value === "all" ? { all: children } : { any: children })
            }
          >
            <option value="all">{t.all}</option>
            <option value="any">{t.any}</option>
          </select>
          {remove}
        </legend>
        {children.length === 0 ? (
          <p className="text-sm text-slate-700">{mode === "all" ? t.emptyAll : t.emptyAny}</p>
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
                locale={locale}
                onChange={(next) => set(children.map((c, i) => (i === index ? next : c)))}
                onRemove={() => set(children.filter((_, i) => i !== index))}
              />
            </li>
          ))}
        </ul>
        <AddButtons facts={facts} t={t} onAdd={(added) => set([...children, added])} />
      </fieldset>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <TargetingConditionRow
        condition={rule}
        suggestions={suggestions}
        facts={facts}
        locale={locale}
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
  heading,
  description,
  locale = "en",
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
  /** The staff member's language (English where a caller does not pass it yet). */
  locale?: Locale;
  onChange: (rule: Rule) => void;
}) {
  const t = blockEditorMessages[locale].targeting;
  return (
    <section
      aria-labelledby="targeting-heading"
      className="flex flex-col gap-2"
      data-testid="targeting-editor"
    >
      <h2 id="targeting-heading" className="font-semibold">
        {heading ?? t.heading}
      </h2>
      <p className="text-sm text-slate-700">{description ?? t.description}</p>
      <RuleNode
        rule={rule}
        depth={0}
        suggestions={suggestions}
        facts={facts}
        locale={locale}
        onChange={onChange}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
