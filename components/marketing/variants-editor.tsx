"use client";

import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";
import { nextVariantKey, type VariantDraft, withNewVariant } from "./block-draft";
import { VariantFields } from "./variant-fields";

const MAX_VARIANTS = 5;

/**
 * A/B/n variants. Each customer always gets the same variant (by a hash against the weights), so
 * the weights are shares of customers. A variant customers have seen cannot be removed on save
 * (its numbers would lose their meaning); set its weight to 0 instead.
 */
export function VariantsEditor({
  variants,
  issues,
  locale,
  onChange,
}: {
  variants: VariantDraft[];
  /** Messages by path below "variants", e.g. "0.content.sv.title". */
  issues: Record<string, string>;
  locale: Locale;
  onChange: (variants: VariantDraft[]) => void;
}) {
  const t = blockEditorMessages[locale].variants;
  const total = variants.reduce(
    (sum, variant) => sum + (Number.isFinite(variant.weight) ? variant.weight : 0),
    0,
  );
  const issuesOf = (index: number) =>
    Object.fromEntries(
      Object.entries(issues)
        .filter(([path]) => path.startsWith(`${index}.`))
        .map(([path, message]) => [path.slice(`${index}.`.length), message]),
    );
  return (
    <section aria-labelledby="variants-heading" className="flex flex-col gap-3">
      <h2 id="variants-heading" className="font-semibold">
        {t.heading}
      </h2>
      {issues[""] ? <p className="text-sm text-red-700">{issues[""]}</p> : null}
      {variants.map((variant, index) => (
        <VariantFields
          key={variant.key}
          variant={variant}
          share={total > 0 ? (variant.weight / total) * 100 : 0}
          issues={issuesOf(index)}
          canRemove={variants.length > 1}
          locale={locale}
          onChange={(next) => onChange(variants.map((v, i) => (i === index ? next : v)))}
          onRemove={() => onChange(variants.filter((_, i) => i !== index))}
        />
      ))}
      {variants.length < MAX_VARIANTS ? (
        <button
          type="button"
          className="self-start rounded border border-slate-400 px-3 py-1 text-sm"
          onClick={() => onChange(withNewVariant(variants))}
        >
          {t.add(nextVariantKey(variants))}
        </button>
      ) : null}
    </section>
  );
}
