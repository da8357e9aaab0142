"use client";

import { useId } from "react";
import type { LocaleFields, VariantDraft } from "./block-draft";
import { MarkupCheatSheet } from "./markup-cheat-sheet";

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";
const LANGUAGES = [
  { locale: "sv", name: "Swedish" },
  { locale: "en", name: "English" },
] as const;

function LocaleEditor({
  name,
  fields,
  issues,
  onChange,
}: {
  name: string;
  fields: LocaleFields;
  issues: Record<string, string>;
  onChange: (fields: LocaleFields) => void;
}) {
  const id = useId();
  const field = (
    key: keyof LocaleFields,
    label: string,
    props: { maxLength: number; type?: string },
  ) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input
        className={INPUT}
        value={fields[key]}
        type={props.type ?? "text"}
        maxLength={props.maxLength}
        aria-invalid={issues[key] ? true : undefined}
        onChange={(event) => onChange({ ...fields, [key]: event.currentTarget.value })}
      />
      {issues[key] ? <span className="text-xs text-red-700">{issues[key]}</span> : null}
    </label>
  );
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-slate-200 p-2">
      <legend className="px-1 text-sm font-semibold">{name}</legend>
      {field("title", "Title", { maxLength: 120 })}
      <div className="grid gap-2 md:grid-cols-[1fr_14rem]">
        <label className="flex flex-col gap-1 text-sm">
          Text
          <textarea
            className={INPUT}
            rows={5}
            value={fields.body}
            maxLength={5000}
            aria-describedby={`${id}-markup`}
            aria-invalid={issues.body ? true : undefined}
            onChange={(event) => onChange({ ...fields, body: event.currentTarget.value })}
          />
          {issues.body ? <span className="text-xs text-red-700">{issues.body}</span> : null}
        </label>
        <MarkupCheatSheet id={`${id}-markup`} />
      </div>
      {field("cta", "Button text (optional)", { maxLength: 40 })}
      <div className="grid gap-2 md:grid-cols-2">
        {field("imageUrl", "Image address (https, optional)", { maxLength: 500, type: "url" })}
        {field("imageAlt", "Image description for screen readers", { maxLength: 200 })}
      </div>
    </fieldset>
  );
}

/** One variant: its weight and its text in both languages. */
export function VariantFields({
  variant,
  share,
  issues,
  canRemove,
  onChange,
  onRemove,
}: {
  variant: VariantDraft;
  /** Its share of traffic in percent, from the weights. */
  share: number;
  /** Messages by path below the variant, e.g. "content.sv.title". */
  issues: Record<string, string>;
  canRemove: boolean;
  onChange: (variant: VariantDraft) => void;
  onRemove: () => void;
}) {
  const localeIssues = (locale: string) =>
    Object.fromEntries(
      Object.entries(issues)
        .filter(([path]) => path.startsWith(`content.${locale}.`))
        .map(([path, message]) => [path.slice(`content.${locale}.`.length), message]),
    );
  return (
    <section
      className="flex flex-col gap-2 rounded-lg border border-slate-300 p-3"
      data-testid={`variant-${variant.key}`}
    >
      <div className="flex flex-wrap items-end gap-3">
        <h4 className="text-base font-semibold">Variant {variant.key}</h4>
        <label className="flex items-center gap-2 text-sm">
          Weight
          <input
            type="number"
            min={0}
            max={100}
            className={`${INPUT} w-20`}
            value={Number.isFinite(variant.weight) ? variant.weight : ""}
            onChange={(event) =>
              onChange({ ...variant, weight: Number(event.currentTarget.value) })
            }
          />
        </label>
        <span className="text-sm text-slate-700">{share.toFixed(0)} % of customers</span>
        {canRemove ? (
          <button
            type="button"
            className="ml-auto text-sm text-red-800 underline"
            onClick={onRemove}
          >
            Remove variant {variant.key}
          </button>
        ) : null}
      </div>
      {issues.weight ? <p className="text-xs text-red-700">{issues.weight}</p> : null}
      {LANGUAGES.map(({ locale, name }) => (
        <LocaleEditor
          key={locale}
          name={name}
          fields={variant.content[locale]}
          issues={localeIssues(locale)}
          onChange={(fields) =>
            onChange({ ...variant, content: { ...variant.content, [locale]: fields } })
          }
        />
      ))}
    </section>
  );
}
