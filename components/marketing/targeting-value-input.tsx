"use client";

import { useState } from "react";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { FactDefinition, TargetingOp } from "@/lib/content/targeting/catalogue";
import type { ConditionValue } from "@/lib/content/targeting/rule";
import type { Locale } from "@/lib/db/generated/client";

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";

/** The value a condition starts with when its fact or operator changes: the simplest valid one. */
export function defaultValue(definition: FactDefinition, op: TargetingOp): ConditionValue {
  const { type } = definition;
  if (op === "between") return [0, 12];
  if (op === "in")
    return type.kind === "enum" ? [type.values[0]!] : type.kind === "number" ? [0] : [];
  if (type.kind === "number") return 0;
  if (type.kind === "boolean") return true;
  if (type.kind === "enum") return type.values[0]!;
  return "";
}

/** Keeps what still fits when only the operator changes (12 → [12] → 12), else the default. */
export function convertValue(
  definition: FactDefinition,
  op: TargetingOp,
  value: ConditionValue,
): ConditionValue {
  const first = Array.isArray(value) ? value[0] : value;
  const scalarFits = (candidate: unknown) =>
    definition.type.kind === "number"
      ? typeof candidate === "number"
      : typeof candidate === "string";
  if (op === "between")
    return typeof first === "number" ? [first, Math.max(first, 12)] : defaultValue(definition, op);
  if (op === "in")
    return scalarFits(first) ? ([first] as ConditionValue) : defaultValue(definition, op);
  return scalarFits(first) || typeof first === "boolean"
    ? (first as ConditionValue)
    : defaultValue(definition, op);
}

function NumberInput({
  value,
  label,
  onChange,
}: {
  value: unknown;
  label: string;
  onChange: (value: number) => void;
}) {
  return (
    <input
      type="number"
      aria-label={label}
      className={`${INPUT} w-24`}
      value={typeof value === "number" && Number.isFinite(value) ? value : ""}
      // An emptied field becomes NaN, which the rule check reports ("expected a number").
      onChange={(event) =>
        onChange(event.currentTarget.value === "" ? Number.NaN : Number(event.currentTarget.value))
      }
    />
  );
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** A comma-separated list; the typed text is kept while it still means the same list. */
function ListInput({
  value,
  label,
  numeric,
  locale,
  onChange,
}: {
  value: readonly (string | number)[];
  label: string;
  numeric: boolean;
  locale: Locale;
  onChange: (value: ConditionValue) => void;
}) {
  const t = blockEditorMessages[locale].targeting;
  const [text, setText] = useState(value.join(", "));
  const parse = (raw: string) => (numeric ? splitList(raw).map(Number) : splitList(raw));
  const formatted = value.join(", ");
  // Resync when the list changed from outside (another row removed, operator changed).
  if (text !== formatted && JSON.stringify(parse(text)) !== JSON.stringify(value))
    setText(formatted);
  return (
    <input
      aria-label={t.commaSeparated(label)}
      className={`${INPUT} w-56`}
      value={text}
      placeholder={t.listPlaceholder}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parse(event.currentTarget.value) as ConditionValue);
      }}
    />
  );
}

/** The value part of a condition, typed by its fact: number, yes/no, a choice, or text. */
export function TargetingValueInput({
  definition,
  op,
  value,
  suggestions,
  locale,
  onChange,
}: {
  definition: FactDefinition;
  op: TargetingOp;
  value: ConditionValue;
  suggestions?: readonly string[];
  locale: Locale;
  onChange: (value: ConditionValue) => void;
}) {
  const t = blockEditorMessages[locale].targeting;
  const label = t.valueFor(definition.label[locale]);
  const { type } = definition;
  const unit = definition.unit ? (
    <span className="text-sm text-slate-700">{definition.unit[locale]}</span>
  ) : null;
  if (op === "between") {
    const [min, max] = Array.isArray(value) ? value : [0, 0];
    return (
      <span className="flex items-center gap-1">
        <NumberInput
          value={min}
          label={`${label}${t.from}`}
          onChange={(next) => onChange([next, max as number])}
        />
        <span className="text-sm">{t.and}</span>
        <NumberInput
          value={max}
          label={`${label}${t.to}`}
          onChange={(next) => onChange([min as number, next])}
        />
        {unit}
      </span>
    );
  }
  if (op === "in" && type.kind === "enum") {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    return (
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">{label}</legend>
        {type.values.map((option) => (
          <label key={option} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) =>
                onChange(
                  type.values.filter((v) =>
                    v === option ? event.currentTarget.checked : chosen.has(v),
                  ),
                )
              }
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }
  if (op === "in") {
    const list = Array.isArray(value) ? (value as (string | number)[]) : [];
    return (
      <span className="flex items-center gap-1">
        <ListInput
          value={list}
          label={label}
          numeric={type.kind === "number"}
          locale={locale}
          onChange={onChange}
        />
        {unit}
      </span>
    );
  }
  if (type.kind === "number") {
    return (
      <span className="flex items-center gap-1">
        <NumberInput value={value} label={label} onChange={onChange} />
        {unit}
      </span>
    );
  }
  if (type.kind === "boolean") {
    return (
      <select
        aria-label={label}
        className={INPUT}
        value={String(value)}
        onChange={(e) => onChange(e.currentTarget.value === "true")}
      >
        <option value="true">{t.yes}</option>
        <option value="false">{t.no}</option>
      </select>
    );
  }
  if (type.kind === "enum") {
    return (
      <select
        aria-label={label}
        className={INPUT}
        value={String(value)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {type.values.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  const listId = suggestions?.length ? `suggestions-${definition.name}` : undefined;
  return (
    <>
      <input
        aria-label={label}
        className={`${INPUT} w-40`}
        value={typeof value === "string" ? value : ""}
        list={listId}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {listId ? (
        <datalist id={listId}>
          {suggestions?.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
