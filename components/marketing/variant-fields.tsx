"use client";

import { useId } from "react";
import { type BlockEditorMessages, blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";
import type { LocaleFields, VariantDraft } from "./block-draft";
import { MarkupCheatSheet } from "./markup-cheat-sheet";

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";
/** The languages a variant is written in (the customer's), named in the staff member's. */
const LANGUAGES = ["sv", "en"] as const;

function LocaleEditor({
  name,
  fields,
  issues,
  t,
  locale,
  onChange,
}: {
  name: string;
  fields: LocaleFields;
  issues: Record<string, string>;
  t: BlockEditorMessages["variants"];
  locale: Locale;
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
      {field("title", t.title, { maxLength: 120 })}
      <div className="grid gap-2 md:grid-cols-[1fr_14rem]">
        <label className="flex flex-col gap-1 text-sm">
          {t.body}
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
        <MarkupCheatSheet id={`${id}-markup`} locale={locale} />
      </div>
      {field("cta", t.cta, { maxLength: 40 })}
      <div className="grid gap-2 md:grid-cols-2">
        {field("imageUrl", t.imageUrl, { maxLength: 500, type: "url" })}
        {field("imageAlt", t.imageAlt, { maxLength: 200 })}
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
  locale,
  onChange,
  onRemove,
}: {
  variant: VariantDraft;
  /** Its share of traffic in percent, from the weights. */
  share: number;
  /** Messages by path below the variant, e.g. "content.sv.title". */
  issues: Record<string, string>;
  canRemove: boolean;
  locale: Locale;
  onChange: (variant: VariantDraft) => void;
  onRemove: () => void;
}) {
  const t = blockEditorMessages[locale].variants;
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
        <h3 className="text-base font-semibold">{t.variant(variant.key)}</h3>
        <label className="flex items-center gap-2 text-sm">
          {t.weight}
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
        <span className="text-sm text-slate-700">{t.share(share.toFixed(0))}</span>
        {canRemove ? (
          <button
            type="button"
            className="ml-auto text-sm text-red-800 underline"
            onClick={onRemove}
          >
            {t.remove(variant.key)}
          </button>
        ) : null}
      </div>
      {issues.weight ? <p className="text-xs text-red-700">{issues.weight}</p> : null}
      {LANGUAGES.map((language) => (
        <LocaleEditor
          key={language}
          name={t.languages[language]}
          fields={variant.content[language]}
          issues={localeIssues(language)}
          t={t}
          locale={locale}
          onChange={(fields) =>
            onChange({ ...variant, content: { ...variant.content, [language]: fields } })
          }
        />
      ))}
    </section>
  );
}
