"use client";

import { useEffect, useState } from "react";
import type { ContentBlockInput } from "@/lib/content/blocks/block-input";
import type { PreviewCustomer } from "@/lib/content/blocks/console-queries";
import {
  encodePreviewDraft,
  MAX_PREVIEW_DRAFT_LENGTH,
  PREVIEW_BLOCK_ID,
} from "@/lib/content/blocks/preview-draft";
import { previewHref } from "@/lib/content/blocks/preview-variants";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";
import { CustomerSearch } from "./customer-search";

/** Edits settle for this long before the preview reloads, so typing does not reload per key. */
const RELOAD_DELAY_MS = 600;

/**
 * "Show me what Anna sees": the invoice of a real customer, rendered by the server exactly as the
 * customer's page would render it, with the editor's unsaved draft in its slot — in the variant
 * the customer is assigned, or any variant the marketer picks. Nothing in the preview is recorded
 * (no view, no impression).
 */
export function BlockPreviewPanel({
  input,
  blockId,
  locale,
}: {
  input: ContentBlockInput;
  /** The stored block being edited (absent for a new one): the draft stands in its place. */
  blockId?: string;
  locale: Locale;
}) {
  const t = blockEditorMessages[locale].preview;
  const [customer, setCustomer] = useState<PreviewCustomer | null>(null);
  const [variant, setVariant] = useState<string | null>(null);
  const encoded = encodePreviewDraft(input);
  const [settled, setSettled] = useState(encoded);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(encoded), RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [encoded]);
  const invoiceId = customer?.latestInvoice?.id ?? null;
  const tooLong = settled.length > MAX_PREVIEW_DRAFT_LENGTH;
  const keys = input.variants.map((v) => v.key);
  // A removed variant falls back to the customer's own.
  const chosen = variant !== null && keys.includes(variant) ? variant : null;
  const href = (key: string | null) =>
    invoiceId
      ? previewHref(invoiceId, {
          draft: settled,
          replaces: blockId,
          variants: key ? new Map([[PREVIEW_BLOCK_ID, key]]) : undefined,
        })
      : null;
  const src = href(chosen);
  return (
    <section
      aria-labelledby="preview-heading"
      className="flex flex-col gap-2"
      data-testid="block-preview"
    >
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <CustomerSearch onChoose={setCustomer} locale={locale} />
      {customer ? (
        <p className="text-sm text-slate-700">{t.showing(customer.name)}</p>
      ) : (
        <p className="text-sm text-slate-700">{t.choose}</p>
      )}
      {invoiceId && !tooLong ? (
        <PreviewVariantPicker
          keys={keys}
          chosen={chosen}
          hrefFor={(key) => href(key) ?? ""}
          locale={locale}
          onChoose={setVariant}
        />
      ) : null}
      {invoiceId && tooLong ? <p className="text-sm text-red-700">{t.tooLong}</p> : null}
      {src && !tooLong ? (
        <iframe
          key={invoiceId}
          title={t.frame(customer?.name ?? "")}
          src={src}
          className="h-[80vh] w-full rounded border border-slate-300 bg-slate-50"
          data-testid="preview-frame"
        />
      ) : null}
    </section>
  );
}

/**
 * Which variant the preview shows: the customer's own, or any one of them — also one switched
 * off (weight 0), so a variant can be checked before it gets traffic. Each is a real link (open
 * it in a tab to compare side by side); a plain click shows it in the frame below.
 */
export function PreviewVariantPicker({
  keys,
  chosen,
  hrefFor,
  locale,
  onChoose,
}: {
  keys: readonly string[];
  chosen: string | null;
  hrefFor: (key: string | null) => string;
  locale: Locale;
  onChoose: (key: string | null) => void;
}) {
  const t = blockEditorMessages[locale].preview;
  const options: Array<{ key: string | null; label: string }> = [
    { key: null, label: t.assigned },
    ...keys.map((key) => ({ key, label: t.variant(key) })),
  ];
  return (
    <nav aria-label={t.picker} data-testid="preview-variants">
      <ul className="flex flex-wrap gap-2 text-sm">
        {options.map(({ key, label }) => (
          <li key={key ?? "assigned"}>
            <a
              href={hrefFor(key)}
              aria-current={chosen === key ? "true" : undefined}
              className={`inline-block rounded border px-2 py-1 ${chosen === key ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 text-blue-800 underline"}`}
              onClick={(event) => {
                // A modified click opens the link itself (a new tab or window), as links do.
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                onChoose(key);
              }}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
