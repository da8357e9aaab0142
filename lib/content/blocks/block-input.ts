import { z } from "zod";
import { blockContentSchema } from "@/lib/content/blocks/block-content";
import { BLOCK_SETTINGS_SCHEMAS } from "@/lib/content/blocks/block-settings";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";

export const BLOCK_KINDS = [
  "OFFER",
  "INFORMATION",
  "CAMPAIGN_ENDING",
  "LOYALTY",
  "APOLOGY",
  "SURVEY",
  "NOTICE",
] as const;
export const CONTENT_SLOTS = ["AFTER_SUMMARY", "OFFERS", "BEFORE_CHAT"] as const;

const variantSchema = z.object({
  key: z.string().regex(/^[A-Z]$/, "a variant's key is one capital letter (A, B, C …)"),
  weight: z.number().int().min(0).max(100),
  content: blockContentSchema,
});

const optionalDateTime = z.iso
  .datetime({ offset: true, error: "expected a date and time (ISO 8601)" })
  .nullish()
  .transform((value) => (value ? new Date(value) : null));

/**
 * A content block as the console sends it. The same schema serves the form and the server: the
 * rule document is checked by the targeting module, whose message points at the bad part.
 */
export const contentBlockInputSchema = z
  .object({
    name: z.string().trim().min(1, "give the block a name").max(120),
    kind: z.enum(BLOCK_KINDS),
    slot: z.enum(CONTENT_SLOTS),
    priority: z.number().int().min(0).max(1000).default(100),
    startsAt: optionalDateTime,
    endsAt: optionalDateTime,
    targeting: z.unknown(),
    frequencyCap: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .nullish()
      .transform((v) => v ?? null),
    settings: z.unknown().default({}),
    variants: z
      .array(variantSchema)
      .min(1, "a block needs at least one variant")
      .max(5, "at most 5 variants")
      .refine((variants) => new Set(variants.map((v) => v.key)).size === variants.length, {
        error: "each variant needs its own key",
      })
      .refine((variants) => variants.some((v) => v.weight > 0), {
        error: "at least one variant must get traffic (weight above 0)",
      }),
  })
  .transform((block, context) => {
    if (block.startsAt && block.endsAt && block.endsAt <= block.startsAt) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
    }
    const rule = parseRuleDocument(block.targeting);
    if (!rule.ok) {
      context.addIssue({ code: "custom", path: ["targeting"], message: rule.message });
    }
    // Stored as parsed: what the kind's schema knows, nothing else (unknown keys are dropped).
    if (jsonSize(block.settings ?? {}) > MAX_SETTINGS_BYTES) {
      context.addIssue({
        code: "custom",
        path: ["settings"],
        message: `at most ${MAX_SETTINGS_BYTES} bytes of settings`,
      });
      return z.NEVER;
    }
    const settings = BLOCK_SETTINGS_SCHEMAS[block.kind].safeParse(block.settings ?? {});
    if (!settings.success) {
      for (const issue of settings.error.issues) {
        context.addIssue({
          code: "custom",
          path: ["settings", ...issue.path.map(String)],
          message: issue.message,
        });
      }
      return z.NEVER;
    }
    return { ...block, settings: settings.data as Record<string, unknown> };
  });

/** A block's settings as sent, before they are parsed: a bound on what is even read. */
export const MAX_SETTINGS_BYTES = 4096;

function jsonSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? "");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type ContentBlockInput = z.input<typeof contentBlockInputSchema>;
export type ParsedContentBlock = z.output<typeof contentBlockInputSchema>;
