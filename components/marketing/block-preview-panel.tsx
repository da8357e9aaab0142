"use client";

import { useEffect, useState } from "react";
import type { ContentBlockInput } from "@/lib/content/blocks/block-input";
import type { PreviewCustomer } from "@/lib/content/blocks/console-queries";
import { encodePreviewDraft, MAX_PREVIEW_DRAFT_LENGTH } from "@/lib/content/blocks/preview-draft";
import { CustomerSearch } from "./customer-search";

/** Edits settle for this long before the preview reloads, so typing does not reload per key. */
const RELOAD_DELAY_MS = 600;

/**
 * "Show me what Anna sees": the invoice of a real customer, rendered by the server exactly as the
 * customer's page would render it, with the editor's unsaved draft in its slot. Nothing in the
 * preview is recorded (no view, no impression).
 */
export function BlockPreviewPanel({ input }: { input: ContentBlockInput }) {
  const [customer, setCustomer] = useState<PreviewCustomer | null>(null);
  const encoded = encodePreviewDraft(input);
  const [settled, setSettled] = useState(encoded);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(encoded), RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [encoded]);
  const invoiceId = customer?.latestInvoice?.id ?? null;
  const tooLong = settled.length > MAX_PREVIEW_DRAFT_LENGTH;
  return (
    <section
      aria-labelledby="preview-heading"
      className="flex flex-col gap-2"
      data-testid="block-preview"
    >
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <CustomerSearch onChoose={setCustomer} />
      {customer ? (
        <p className="text-sm text-slate-700">
          Showing {customer.name}'s latest invoice, with this draft. It reloads as you edit.
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          Choose a customer to see their invoice with this block.
        </p>
      )}
      {invoiceId && tooLong ? (
        <p className="text-sm text-red-700">
          The draft is too long to preview; shorten the texts or save it.
        </p>
      ) : null}
      {invoiceId && !tooLong ? (
        <iframe
          key={invoiceId}
          title={`Invoice preview: what ${customer?.name} sees`}
          src={`/marketing/preview/${invoiceId}?draft=${settled}`}
          className="h-[80vh] w-full rounded border border-slate-300 bg-slate-50"
          data-testid="preview-frame"
        />
      ) : null}
    </section>
  );
}
