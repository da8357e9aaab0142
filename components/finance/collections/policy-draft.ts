import { defaultTemplate, type MessageTemplate } from "@/lib/collections/messages";
import type { PolicyInput } from "@/lib/collections/policies";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import type {
  CollectionAnchor,
  CollectionChannel,
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
  templates: Record<(typeof TEMPLATE_LOCALES)[number], TemplateDraft>;
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

const emptyTemplates = (): StepDraft["templates"] => ({
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
    ...overrides,
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
      const templates = emptyTemplates();
      for (const locale of TEMPLATE_LOCALES) {
        const own = step.templates?.[locale];
        if (own) templates[locale] = { ...own };
      }
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
      };
    }),
  };
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
