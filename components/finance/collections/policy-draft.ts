import { defaultTemplate, type MessageTemplate } from "@/lib/collections/messages";
import {
  MAX_VARIANTS,
  type PolicyInput,
  VARIANT_KEYS,
  type VariantKey,
} from "@/lib/collections/policies";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import type {
  CollectionAnchor,
  CollectionChannel,
  CollectionExperimentMode,
  CollectionStepKind,
  CollectionTone,
  Locale,
} from "@/lib/db/generated/client";
import { formatMoneyPlain, parseMoney } from "@/lib/money/money";

/**
 * The policy editor's form state and its conversion to the policy document the server checks
 * with policyInputSchema. Sums are typed in kronor ("60", "1 250,50") and sent in öre; a text left
 * empty is the default text; a step keeps its stored id so what was done under it stays with it.
 */
export const TEMPLATE_LOCALES = ["sv", "en"] as const satisfies readonly Locale[];
export const TEMPLATE_FIELDS = ["subject", "body", "sms"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplateDraft = Record<TemplateField, string>;
type TemplatesDraft = Record<(typeof TEMPLATE_LOCALES)[number], TemplateDraft>;

/** A variant of a step: each override left empty ("") is the step's own. */
export interface VariantDraft {
  key: VariantKey;
  name: string;
  /** Share of traffic in a split (0–100); in learning, 0 leaves the variant out. */
  weight: string;
  offsetDays: string;
  channel: CollectionChannel | "";
  tone: CollectionTone | "";
  /** "" the step's own, "charge" or "none". */
  chargeFee: "" | "charge" | "none";
  offerPaymentPlan: boolean;
  /** Empty: the step's text. */
  templates: TemplatesDraft;
}

export interface StepDraft {
  /** The form's own key for the row (stable while rows move). */
  key: string;
  /** The stored step's id; absent for a step added here. */
  id?: string;
  kind: CollectionStepKind;
  anchor: CollectionAnchor;
  offsetDays: string;
  channel: CollectionChannel;
  tone: CollectionTone;
  chargeFee: boolean;
  templates: TemplatesDraft;
  experimentMode: CollectionExperimentMode;
  /** Kept while the experiment is off; in play otherwise. */
  variants: VariantDraft[];
}

export interface PolicyDraft {
  name: string;
  targeting: Rule;
  feeMinimumKronor: string;
  chargeInterest: boolean;
  interestMinimumKronor: string;
  respiteMaxDays: string;
  /** Empty: no payment plans. */
  paymentPlanMinKronor: string;
  paymentPlanMaxParts: string;
  paymentPlanFeeKronor: string;
  agencyName: string;
  agencyContact: string;
  steps: StepDraft[];
}

export interface DraftIssue {
  path: string;
  message: string;
}

let nextKey = 0;
export function newStepKey(): string {
  nextKey += 1;
  return `step-${nextKey}`;
}

const emptyTemplates = (): TemplatesDraft => ({
  sv: { subject: "", body: "", sms: "" },
  en: { subject: "", body: "", sms: "" },
});

const kronor = (ore: number) => formatMoneyPlain(ore, "sv");

export function newStepDraft(overrides: Partial<StepDraft> = {}): StepDraft {
  return {
    key: newStepKey(),
    kind: "REMINDER",
    anchor: "DUE_DATE",
    offsetDays: "10",
    channel: "EMAIL",
    tone: "NEUTRAL",
    chargeFee: true,
    templates: emptyTemplates(),
    experimentMode: "OFF",
    variants: [],
    ...overrides,
  };
}

// --- Variants ---------------------------------------------------------------------------------

/** Equal whole shares of 100 for `count` variants, the rounding's remainder to the first ones. */
export function equalWeights(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, index) => base + (index < 100 % count ? 1 : 0));
}

const rebalanced = (variants: VariantDraft[]): VariantDraft[] => {
  const weights = equalWeights(variants.length);
  return variants.map((variant, index) => ({ ...variant, weight: String(weights[index]) }));
};

/** The first of A–D no variant has; null when all four are taken. */
export function nextVariantKey(variants: readonly VariantDraft[]): VariantKey | null {
  const used = new Set(variants.map((variant) => variant.key));
  return VARIANT_KEYS.find((key) => !used.has(key)) ?? null;
}

export function newVariantDraft(
  key: VariantKey,
  overrides: Partial<VariantDraft> = {},
): VariantDraft {
  return {
    key,
    name: `Variant ${key}`,
    weight: "0",
    offsetDays: "",
    channel: "",
    tone: "",
    chargeFee: "",
    offerPaymentPlan: false,
    templates: emptyTemplates(),
    ...overrides,
  };
}

/** The step with one more variant (up to four), every variant then at an equal share. */
export function addVariant(step: StepDraft): StepDraft {
  const key = nextVariantKey(step.variants);
  if (!key || step.variants.length >= MAX_VARIANTS) return step;
  return { ...step, variants: rebalanced([...step.variants, newVariantDraft(key)]) };
}

/** The step without its variant at `index`, the rest then at equal shares. */
export function removeVariant(step: StepDraft, index: number): StepDraft {
  return { ...step, variants: rebalanced(step.variants.filter((_, i) => i !== index)) };
}

/**
 * The step in another experiment mode. An experiment starts with two variants at least (added at
 * equal shares); a split whose weights do not add up to 100 starts at equal shares.
 */
export function setExperimentMode(step: StepDraft, mode: CollectionExperimentMode): StepDraft {
  let next: StepDraft = { ...step, experimentMode: mode };
  if (mode === "OFF") return next;
  while (next.variants.length < 2) next = addVariant(next);
  const total = next.variants.reduce((sum, variant) => sum + whole(variant.weight), 0);
  if (mode === "SPLIT" && total !== 100) next = { ...next, variants: rebalanced(next.variants) };
  if (mode === "LEARNING" && next.variants.every((variant) => !(whole(variant.weight) > 0))) {
    next = { ...next, variants: rebalanced(next.variants) };
  }
  return next;
}

/** The step as another kind: a courtesy never charges, so neither may its variants ask to. */
export function setStepKind(step: StepDraft, kind: CollectionStepKind): StepDraft {
  if (kind !== "COURTESY") return { ...step, kind };
  return {
    ...step,
    kind,
    chargeFee: false,
    anchor: "DUE_DATE",
    variants: step.variants.map((variant) =>
      variant.chargeFee === "charge" ? { ...variant, chargeFee: "" } : variant,
    ),
  };
}

/** A new policy: a reminder 10 days after the due date with the fee where it was agreed. */
export function newPolicyDraft(): PolicyDraft {
  return {
    name: "",
    targeting: { all: [] },
    feeMinimumKronor: "100,00",
    chargeInterest: false,
    interestMinimumKronor: "10,00",
    respiteMaxDays: "14",
    paymentPlanMinKronor: "",
    paymentPlanMaxParts: "3",
    paymentPlanFeeKronor: "0,00",
    agencyName: "",
    agencyContact: "",
    steps: [newStepDraft()],
  };
}

export function draftFromInput(input: PolicyInput): PolicyDraft {
  return {
    name: input.name,
    targeting: input.targeting ?? EVERYONE,
    feeMinimumKronor: kronor(input.feeMinimumAmountDueOre),
    chargeInterest: input.chargeInterest,
    interestMinimumKronor: kronor(input.interestMinimumOre),
    respiteMaxDays: String(input.respiteMaxDays),
    paymentPlanMinKronor: input.paymentPlanMinOre === null ? "" : kronor(input.paymentPlanMinOre),
    paymentPlanMaxParts: String(input.paymentPlanMaxParts),
    paymentPlanFeeKronor: kronor(input.paymentPlanFeeOre),
    agencyName: input.agencyName ?? "",
    agencyContact: input.agencyContact ?? "",
    steps: input.steps.map((step) => {
      const templates = templatesDraft(step.templates);
      return {
        key: newStepKey(),
        ...(step.id ? { id: step.id } : {}),
        kind: step.kind,
        anchor: step.anchor,
        offsetDays: String(step.offsetDays),
        channel: step.channel,
        tone: step.tone,
        chargeFee: step.chargeFee,
        templates,
        experimentMode: step.experimentMode ?? "OFF",
        variants: (step.variants ?? []).map((variant) => ({
          key: variant.key,
          name: variant.name,
          weight: String(variant.weight),
          offsetDays: variant.offsetDays === null ? "" : String(variant.offsetDays),
          channel: variant.channel ?? "",
          tone: variant.tone ?? "",
          chargeFee: variant.chargeFee === null ? "" : variant.chargeFee ? "charge" : "none",
          offerPaymentPlan: variant.offerPaymentPlan,
          templates: templatesDraft(variant.templates),
        })),
      };
    }),
  };
}

function templatesDraft(
  own: Partial<Record<Locale, MessageTemplate | undefined>> | undefined,
): TemplatesDraft {
  const templates = emptyTemplates();
  for (const locale of TEMPLATE_LOCALES) {
    const text = own?.[locale];
    if (text) templates[locale] = { ...text };
  }
  return templates;
}

/** A whole number typed in a field: NaN when it is not one (the schema then says so). */
const whole = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * A step's texts in one language as sent: nothing when all are empty (the default text follows
 * the step's kind and tone), else each empty one filled with the default it stood for.
 */
export function templateToSend(
  draft: TemplateDraft,
  fallback: MessageTemplate,
): MessageTemplate | undefined {
  if (TEMPLATE_FIELDS.every((field) => draft[field].trim() === "")) return undefined;
  return {
    subject: draft.subject.trim() === "" ? fallback.subject : draft.subject,
    body: draft.body.trim() === "" ? fallback.body : draft.body,
    sms: draft.sms.trim() === "" ? fallback.sms : draft.sms,
  };
}

/**
 * The document to send, and what is wrong before it can be (a sum that is not one), each with the
 * schema path it concerns so it shows beside its field like the server's own issues.
 */
export function draftToInput(draft: PolicyDraft): {
  input: Record<string, unknown>;
  issues: DraftIssue[];
} {
  const issues: DraftIssue[] = [];
  const ore = (text: string, path: string): number | null => {
    try {
      return parseMoney(text, { locale: "sv" });
    } catch (error) {
      issues.push({ path, message: (error as Error).message });
      return null;
    }
  };
  const planMin = draft.paymentPlanMinKronor.trim();
  const input = {
    name: draft.name,
    targeting: draft.targeting,
    feeMinimumAmountDueOre: ore(draft.feeMinimumKronor, "feeMinimumAmountDueOre"),
    chargeInterest: draft.chargeInterest,
    interestMinimumOre: ore(draft.interestMinimumKronor, "interestMinimumOre"),
    respiteMaxDays: whole(draft.respiteMaxDays),
    paymentPlanMinOre: planMin === "" ? null : ore(planMin, "paymentPlanMinOre"),
    paymentPlanMaxParts: whole(draft.paymentPlanMaxParts),
    paymentPlanFeeOre: ore(draft.paymentPlanFeeKronor, "paymentPlanFeeOre"),
    agencyName: draft.agencyName.trim() === "" ? null : draft.agencyName,
    agencyContact: draft.agencyContact.trim() === "" ? null : draft.agencyContact,
    steps: draft.steps.map((step) => {
      const templates: Partial<Record<Locale, MessageTemplate>> = {};
      for (const locale of TEMPLATE_LOCALES) {
        const sent = templateToSend(
          step.templates[locale],
          defaultTemplate(step.kind, step.tone, locale),
        );
        if (sent) templates[locale] = sent;
      }
      return {
        ...(step.id ? { id: step.id } : {}),
        kind: step.kind,
        anchor: step.anchor,
        offsetDays: whole(step.offsetDays),
        channel: step.channel,
        tone: step.tone,
        chargeFee: step.chargeFee,
        templates,
        experimentMode: step.experimentMode,
        variants: step.variants.map((variant) => {
          const tone = variant.tone === "" ? step.tone : variant.tone;
          const own: Partial<Record<Locale, MessageTemplate>> = {};
          for (const locale of TEMPLATE_LOCALES) {
            // A text left empty is the step's (its own, else its default in the variant's tone).
            const sent = templateToSend(
              variant.templates[locale],
              templates[locale] ?? defaultTemplate(step.kind, tone, locale),
            );
            if (sent) own[locale] = sent;
          }
          return {
            key: variant.key,
            name: variant.name,
            weight: whole(variant.weight),
            offsetDays: variant.offsetDays.trim() === "" ? null : whole(variant.offsetDays),
            channel: variant.channel === "" ? null : variant.channel,
            tone: variant.tone === "" ? null : variant.tone,
            chargeFee: variant.chargeFee === "" ? null : variant.chargeFee === "charge",
            offerPaymentPlan: variant.offerPaymentPlan,
            templates: own,
          };
        }),
      };
    }),
  };
  return { input, issues };
}

/** Moves a row up (-1) or down (+1); a move past either end changes nothing. */
export function moveStep<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
