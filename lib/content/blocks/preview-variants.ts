import { z } from "zod";
import { PREVIEW_BLOCK_ID } from "@/lib/content/blocks/preview-draft";
import { isRouteId } from "@/lib/validation/parse-input";

/**
 * "Show me variant B": the console's preview page takes a chosen variant per block from its URL,
 * `?variant=<block id>:<key>` (repeatable; the unsaved draft's block id is "preview" until it is
 * saved). Untrusted like any query: parsed here, at the page, and a bad value changes nothing but
 * is named in plain words.
 */
export const MAX_PREVIEW_VARIANTS = 10;

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

const variantChoiceSchema = z.string().transform((value, context) => {
  const match = /^([^:]*):([^:]*)$/.exec(value.trim());
  const blockId = match?.[1] ?? "";
  const key = match?.[2] ?? "";
  if (!match || !(blockId === PREVIEW_BLOCK_ID || isRouteId(blockId))) {
    context.addIssue({
      code: "custom",
      message: `"${shown(value)}" names no block: write <block id>:<variant key>, e.g. ${PREVIEW_BLOCK_ID}:B`,
    });
    return z.NEVER;
  }
  if (!/^[A-Z]$/.test(key)) {
    context.addIssue({
      code: "custom",
      message: `"${shown(key)}" is not a variant key: one capital letter (A, B, C …)`,
    });
    return z.NEVER;
  }
  return { blockId, key };
});

export const previewVariantsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : typeof value === "string" ? [value] : value))
  .pipe(
    z
      .array(variantChoiceSchema)
      .max(MAX_PREVIEW_VARIANTS, `choose at most ${MAX_PREVIEW_VARIANTS} variants`)
      .refine(
        (choices) => new Set(choices.map((choice) => choice.blockId)).size === choices.length,
        "choose one variant per block",
      ),
  )
  .transform((choices) => new Map(choices.map((choice) => [choice.blockId, choice.key])));

/** The preview page's address for one invoice, with the draft and the chosen variants. */
export function previewHref(
  invoiceId: string,
  options: { draft?: string; replaces?: string; variants?: ReadonlyMap<string, string> },
): string {
  const query = new URLSearchParams();
  if (options.draft !== undefined) query.set("draft", options.draft);
  if (options.replaces !== undefined) query.set("block", options.replaces);
  for (const [blockId, key] of options.variants ?? []) query.append("variant", `${blockId}:${key}`);
  const search = query.toString();
  return `/marketing/preview/${encodeURIComponent(invoiceId)}${search ? `?${search}` : ""}`;
}
