import type {
  BLOCK_KINDS,
  CONTENT_SLOTS,
  ContentBlockInput,
} from "@/lib/content/blocks/block-input";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import { fromStockholmLocal, toStockholmLocal } from "@/lib/dates/stockholm-datetime";

/**
 * The editor's state: what the inputs show (datetime-local text, number text), converted to the
 * one input schema's shape on every change, so the preview and the server see the same JSON.
 */

export type BlockKind = (typeof BLOCK_KINDS)[number];
export type Slot = (typeof CONTENT_SLOTS)[number];

export interface LocaleFields {
  title: string;
  body: string;
  cta: string;
  imageUrl: string;
  imageAlt: string;
}

export interface VariantDraft {
  key: string;
  weight: number;
  content: { sv: LocaleFields; en: LocaleFields };
}

export interface BlockDraft {
  name: string;
  kind: BlockKind;
  slot: Slot;
  priority: number;
  /** datetime-local text in Swedish time; "" for none. */
  startsAt: string;
  endsAt: string;
  /** "" for no cap. */
  frequencyCap: string;
  settings: Record<string, unknown>;
  targeting: Rule;
  variants: VariantDraft[];
}

const emptyLocale = (): LocaleFields => ({
  title: "",
  body: "",
  cta: "",
  imageUrl: "",
  imageAlt: "",
});

export function emptyVariant(key: string, weight = 50): VariantDraft {
  return { key, weight, content: { sv: emptyLocale(), en: emptyLocale() } };
}

export function defaultSettings(kind: BlockKind): Record<string, unknown> {
  if (kind === "OFFER") return { plan: { mode: "best" } };
  if (kind === "SURVEY") return { scale: "NPS" };
  return {};
}

const DEFAULT_SLOT: Record<BlockKind, Slot> = {
  OFFER: "OFFERS",
  SURVEY: "BEFORE_CHAT",
  INFORMATION: "AFTER_SUMMARY",
  CAMPAIGN_ENDING: "AFTER_SUMMARY",
  LOYALTY: "OFFERS",
  APOLOGY: "AFTER_SUMMARY",
  NOTICE: "AFTER_SUMMARY",
};

export function newBlockDraft(kind: BlockKind): BlockDraft {
  return {
    name: "",
    kind,
    slot: DEFAULT_SLOT[kind],
    priority: 100,
    startsAt: "",
    endsAt: "",
    frequencyCap: "",
    settings: defaultSettings(kind),
    targeting: { all: [] },
    variants: [emptyVariant("A", 100)],
  };
}

/** The editor's tree always has a group at its root; any other stored root is wrapped in one. */
export function editableRule(stored: unknown): Rule {
  const parsed = parseRuleDocument(stored);
  if (!parsed.ok) return EVERYONE;
  return "all" in parsed.rule || "any" in parsed.rule ? parsed.rule : { all: [parsed.rule] };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function draftFromInput(input: ContentBlockInput): BlockDraft {
  const locale = (value: unknown): LocaleFields => {
    const fields = (value ?? {}) as Record<string, unknown>;
    return {
      title: text(fields.title),
      body: text(fields.body),
      cta: text(fields.cta),
      imageUrl: text(fields.imageUrl),
      imageAlt: text(fields.imageAlt),
    };
  };
  return {
    name: input.name,
    kind: input.kind,
    slot: input.slot,
    priority: input.priority ?? 100,
    startsAt: input.startsAt ? toStockholmLocal(input.startsAt) : "",
    endsAt: input.endsAt ? toStockholmLocal(input.endsAt) : "",
    frequencyCap: input.frequencyCap ? String(input.frequencyCap) : "",
    settings: (input.settings ?? {}) as Record<string, unknown>,
    targeting: editableRule(input.targeting),
    variants: input.variants.map((variant) => ({
      key: variant.key,
      weight: variant.weight,
      content: { sv: locale(variant.content?.sv), en: locale(variant.content?.en) },
    })),
  };
}

/** The JSON the API and the preview receive; unparseable text is passed on for the schema to name. */
export function draftToInput(draft: BlockDraft): ContentBlockInput {
  const instant = (local: string) => (local === "" ? null : (fromStockholmLocal(local) ?? local));
  const cap = draft.frequencyCap.trim();
  return {
    name: draft.name,
    kind: draft.kind,
    slot: draft.slot,
    priority: draft.priority,
    startsAt: instant(draft.startsAt),
    endsAt: instant(draft.endsAt),
    targeting: draft.targeting,
    frequencyCap: cap === "" ? null : Number(cap),
    settings: draft.settings,
    variants: draft.variants.map((variant) => ({
      key: variant.key,
      weight: variant.weight,
      content: variant.content,
    })),
  };
}

/**
 * The variants with one more: the new variant gets the average weight of those customers see, so
 * it starts with an equal share of them (A alone at 100 plus B is 50/50, not the 67/33 a fixed
 * weight gave) while a split the marketer chose among the others keeps its proportions.
 */
export function withNewVariant(variants: VariantDraft[]): VariantDraft[] {
  const live = variants.filter((variant) => Number.isFinite(variant.weight) && variant.weight > 0);
  const average = live.length
    ? live.reduce((sum, variant) => sum + variant.weight, 0) / live.length
    : 50;
  const weight = Math.min(100, Math.max(1, Math.round(average)));
  return [...variants, emptyVariant(nextVariantKey(variants), weight)];
}

/** The next free capital letter for a new variant. */
export function nextVariantKey(variants: VariantDraft[]): string {
  const used = new Set(variants.map((variant) => variant.key));
  for (let code = 65; code <= 90; code += 1) {
    const key = String.fromCharCode(code);
    if (!used.has(key)) return key;
  }
  return "Z";
}
