import { z } from "zod";
import type { PolicyStep, PolicyTerms } from "@/lib/collections/engine";
import { type MessageTemplates, messageTemplatesSchema } from "@/lib/collections/messages";
import type { FactName } from "@/lib/content/targeting/catalogue";
import { evaluateRule, type FactValues } from "@/lib/content/targeting/evaluate-rule";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import type { Db } from "@/lib/db/database";
import type {
  CollectionAnchor,
  CollectionChannel,
  CollectionExperimentMode,
  CollectionStepKind,
  CollectionTone,
  Prisma,
} from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Collection policies: which invoices each applies to (a targeting rule over the facts below,
 * first match by position wins, the default last), its steps and its limits. What the law allows
 * is the engine's to enforce (engine.ts); here a policy is checked for making sense: courtesies
 * first and never charging, at most one handover and only after a reminder (god inkassosed: the
 * debtor is reminded before a claim goes to collection), and an agency to hand over to.
 */

/** The facts a policy's rule may ask: known for every unpaid invoice, cheaply, in bulk. */
export const COLLECTION_FACT_NAMES = [
  "segment",
  "tenureMonths",
  "overdueInvoices12m",
  "amountDueKronor",
  "isBusiness",
] as const satisfies readonly FactName[];
export type CollectionFactName = (typeof COLLECTION_FACT_NAMES)[number];

export const STEP_KINDS = [
  "COURTESY",
  "REMINDER",
  "FINAL_REMINDER",
  "COLLECTION_HANDOVER",
] as const satisfies readonly CollectionStepKind[];
export const STEP_ANCHORS = [
  "DUE_DATE",
  "PREVIOUS_STEP",
] as const satisfies readonly CollectionAnchor[];
export const STEP_CHANNELS = [
  "EMAIL",
  "SMS",
  "LETTER",
  "PAGE",
] as const satisfies readonly CollectionChannel[];
export const STEP_TONES = [
  "FRIENDLY",
  "NEUTRAL",
  "FIRM",
] as const satisfies readonly CollectionTone[];

export const EXPERIMENT_MODES = [
  "OFF",
  "SPLIT",
  "LEARNING",
] as const satisfies readonly CollectionExperimentMode[];
/** A step's variants are A, B, C and D: at most four. */
export const VARIANT_KEYS = ["A", "B", "C", "D"] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];
export const MAX_VARIANTS = VARIANT_KEYS.length;

export const MAX_STEPS = 8;
export const MAX_POLICIES = 20;
/** Förordning 1981:1057 3 §: at most 170 kr for drawing up an avbetalningsplan. */
export const PAYMENT_PLAN_FEE_CAP_ORE = 17_000;
export const MAX_RESPITE_DAYS_SELF_SERVICE = 60;

/** The facts a rule uses, walking it. */
export function factsOfRule(rule: Rule): FactName[] {
  if ("all" in rule) return rule.all.flatMap(factsOfRule);
  if ("any" in rule) return rule.any.flatMap(factsOfRule);
  if ("not" in rule) return factsOfRule(rule.not);
  return [rule.fact];
}

const ruleSchema = z.unknown().transform((value, ctx): Rule => {
  const parsed = parseRuleDocument(value);
  if (!parsed.ok) {
    ctx.issues.push({ code: "custom", message: parsed.message, input: value });
    return z.NEVER;
  }
  const foreign = factsOfRule(parsed.rule).find(
    (fact) => !(COLLECTION_FACT_NAMES as readonly string[]).includes(fact),
  );
  if (foreign) {
    ctx.issues.push({
      code: "custom",
      message: `a policy's rule can ask about ${COLLECTION_FACT_NAMES.join(", ")}, not ${foreign}`,
      input: value,
    });
    return z.NEVER;
  }
  return parsed.rule;
});

const oreSchema = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a whole number of öre` })
    .int(`${what} must be a whole number of öre`)
    .min(0, `${what} must not be negative`)
    .max(max, `${what} may be at most ${max} öre`);

const offsetDaysSchema = z
  .number({ error: "offsetDays must be a whole number of days" })
  .int("offsetDays must be a whole number of days")
  .min(-30, "a step is at most 30 days before its anchor")
  .max(180, "a step is at most 180 days after its anchor");
const channelSchema = z.enum(STEP_CHANNELS, {
  error: `channel is one of ${STEP_CHANNELS.join(", ")}`,
});
const toneSchema = z.enum(STEP_TONES, { error: `tone is one of ${STEP_TONES.join(", ")}` });

/**
 * A variant of a step for an experiment: what it changes (each field left out or null is the
 * step's own; templates per language, a language left out is the step's text) and its share of
 * traffic in a split (in learning, 0 leaves it out).
 */
export const stepVariantInputSchema = z.strictObject({
  key: z.enum(VARIANT_KEYS, { error: `a variant's key is one of ${VARIANT_KEYS.join(", ")}` }),
  name: z
    .string({ error: "a variant needs a name" })
    .trim()
    .min(1, "a variant needs a name")
    .max(60, "at most 60 characters"),
  weight: z
    .number({ error: "weight is a whole number from 0 to 100" })
    .int("weight is a whole number from 0 to 100")
    .min(0, "weight is a whole number from 0 to 100")
    .max(100, "weight is a whole number from 0 to 100"),
  offsetDays: offsetDaysSchema.nullable().default(null),
  channel: channelSchema.nullable().default(null),
  tone: toneSchema.nullable().default(null),
  chargeFee: z.boolean({ error: "chargeFee must be true, false or null" }).nullable().default(null),
  templates: messageTemplatesSchema.default({}),
  offerPaymentPlan: z.boolean({ error: "offerPaymentPlan must be true or false" }).default(false),
});
export type StepVariantInput = z.output<typeof stepVariantInputSchema>;

export const policyStepInputSchema = z
  .strictObject({
    /** An existing step's id, to keep it (and what was done under it); none for a new step. */
    id: z.uuid().optional(),
    kind: z.enum(STEP_KINDS, { error: `kind is one of ${STEP_KINDS.join(", ")}` }),
    anchor: z.enum(STEP_ANCHORS, { error: `anchor is one of ${STEP_ANCHORS.join(", ")}` }),
    offsetDays: offsetDaysSchema,
    channel: channelSchema,
    tone: toneSchema,
    chargeFee: z.boolean({ error: "chargeFee must be true or false" }),
    templates: messageTemplatesSchema.default({}),
    /** Whether the variants are in play: OFF (the step as written), SPLIT or LEARNING. */
    experimentMode: z
      .enum(EXPERIMENT_MODES, { error: `experimentMode is one of ${EXPERIMENT_MODES.join(", ")}` })
      .default("OFF"),
    /** Kept while the experiment is off (with what was sent under them); in play otherwise. */
    variants: z
      .array(stepVariantInputSchema)
      .max(MAX_VARIANTS, `a step has at most ${MAX_VARIANTS} variants`)
      .default([]),
  })
  .superRefine((step, ctx) => {
    const seen = new Set<string>();
    for (const [index, variant] of step.variants.entries()) {
      if (seen.has(variant.key)) {
        ctx.issues.push({
          code: "custom",
          message: `variant ${variant.key} is listed twice`,
          path: ["variants", index, "key"],
          input: variant.key,
        });
      }
      seen.add(variant.key);
      const problem = variantProblem(step, variant);
      if (problem) {
        ctx.issues.push({
          code: "custom",
          message: problem.message,
          path: ["variants", index, problem.field],
          input: variant[problem.field],
        });
      }
    }
    if (step.experimentMode === "OFF") return;
    if (step.variants.length < 2) {
      ctx.issues.push({
        code: "custom",
        message: "an experiment needs at least two variants",
        path: ["variants"],
        input: step.variants,
      });
      return;
    }
    if (step.experimentMode === "SPLIT") {
      const total = step.variants.reduce((sum, variant) => sum + variant.weight, 0);
      if (total !== 100) {
        ctx.issues.push({
          code: "custom",
          message: `a split's weights add up to 100 (now ${total})`,
          path: ["variants"],
          input: step.variants,
        });
      }
    } else if (step.variants.filter((variant) => variant.weight > 0).length < 2) {
      ctx.issues.push({
        code: "custom",
        message: "the learner needs at least two variants in play (weight above 0)",
        path: ["variants"],
        input: step.variants,
      });
    }
  });
export type PolicyStepInput = z.output<typeof policyStepInputSchema>;

export const policyInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, "a policy needs a name").max(80, "at most 80 characters"),
    targeting: ruleSchema,
    feeMinimumAmountDueOre: oreSchema("feeMinimumAmountDueOre", 100_000_000),
    chargeInterest: z.boolean(),
    interestMinimumOre: oreSchema("interestMinimumOre", 1_000_000),
    respiteMaxDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_RESPITE_DAYS_SELF_SERVICE, `at most ${MAX_RESPITE_DAYS_SELF_SERVICE} days`),
    paymentPlanMinOre: z
      .number()
      .int()
      .min(1, "a payment plan threshold is at least 1 öre (or none)")
      .max(1_000_000_000)
      .nullable(),
    paymentPlanMaxParts: z.number().int().min(2, "at least 2 parts").max(12, "at most 12 parts"),
    paymentPlanFeeOre: oreSchema("paymentPlanFeeOre", PAYMENT_PLAN_FEE_CAP_ORE),
    agencyName: z.string().trim().max(120).nullable(),
    agencyContact: z.string().trim().max(300).nullable(),
    steps: z
      .array(policyStepInputSchema)
      .min(1, "a policy has at least one step")
      .max(MAX_STEPS, `a policy has at most ${MAX_STEPS} steps`),
  })
  .superRefine((policy, ctx) => {
    const problem = stepOrderProblem(policy.steps);
    if (problem)
      ctx.issues.push({
        code: "custom",
        message: problem.message,
        path: ["steps", problem.index],
        input: policy.steps,
      });
    const hasHandover = policy.steps.some((step) => step.kind === "COLLECTION_HANDOVER");
    if (hasHandover && (!policy.agencyName || !policy.agencyContact)) {
      ctx.issues.push({
        code: "custom",
        message: "a policy that hands over names the collection agency and how to reach it",
        path: ["agencyName"],
        input: policy.agencyName,
      });
    }
  });
export type PolicyInput = z.output<typeof policyInputSchema>;

type StepShape = Pick<PolicyStep, "kind" | "anchor" | "offsetDays" | "chargeFee">;

/** What is unlawful about a courtesy as written (or as a variant makes it), or null. */
function courtesyProblem(
  step: StepShape,
): { field: "offsetDays" | "chargeFee"; message: string } | null {
  if (step.kind !== "COURTESY") return null;
  if (step.anchor !== "DUE_DATE" || step.offsetDays > 0) {
    return {
      field: "offsetDays",
      message: "a courtesy is sent before or on the due date (0 or fewer days from it)",
    };
  }
  if (step.chargeFee) return { field: "chargeFee", message: "a courtesy never charges a fee" };
  return null;
}

/**
 * What is wrong with a variant of a step, or null: it keeps the step lawful the way the step
 * itself must be (a courtesy at or before the due date, never a fee — a courtesy variant may not
 * even ask for one). A handover's 8 days to pay are the engine's, whatever a variant says.
 */
export function variantProblem(
  step: StepShape,
  variant: { offsetDays?: number | null; chargeFee?: boolean | null },
): { field: "offsetDays" | "chargeFee"; message: string } | null {
  const problem = courtesyProblem({
    ...step,
    offsetDays: variant.offsetDays ?? step.offsetDays,
    chargeFee: variant.chargeFee ?? step.chargeFee,
  });
  // The variant answers for what it sets; what the step as written gets wrong is the step's issue.
  const setsIt =
    problem?.field === "offsetDays"
      ? step.anchor === "DUE_DATE" && variant.offsetDays != null
      : variant.chargeFee != null;
  if (!problem || !setsIt) return null;
  return { field: problem.field, message: `${problem.message}, in every variant` };
}

/** The first thing wrong with the order of a policy's steps, or null. */
export function stepOrderProblem(
  steps: ReadonlyArray<StepShape>,
): { index: number; message: string } | null {
  let seenReminder = false;
  let seenFinal = false;
  for (const [index, step] of steps.entries()) {
    const done = (message: string) => ({ index, message });
    switch (step.kind) {
      case "COURTESY": {
        if (seenReminder) return done("a courtesy comes before every reminder");
        const problem = courtesyProblem(step);
        if (problem) return done(problem.message);
        break;
      }
      case "REMINDER":
        if (seenFinal) return done("a reminder comes before the final reminder");
        seenReminder = true;
        break;
      case "FINAL_REMINDER":
        if (seenFinal) return done("a policy has one final reminder");
        seenReminder = true;
        seenFinal = true;
        break;
      case "COLLECTION_HANDOVER":
        if (!seenReminder) {
          return done("a claim goes to collection only after the customer was reminded");
        }
        if (index !== steps.length - 1) return done("the handover is the last step");
        break;
    }
  }
  return null;
}

export interface StoredPolicy {
  terms: PolicyTerms;
  rule: Rule;
  isDefault: boolean;
  position: number;
  respiteMaxDays: number;
  paymentPlanMinOre: number | null;
  paymentPlanMaxParts: number;
  paymentPlanFeeOre: number;
  agencyName: string | null;
  agencyContact: string | null;
  /** Per step id: its message templates. */
  templates: Map<string, MessageTemplates>;
  /** Per step id with an experiment in play: how a variant is chosen, and the variants. */
  experiments: Map<string, StepExperiment>;
}

export interface StepVariantTerms {
  key: string;
  name: string;
  weight: number;
  offsetDays: number | null;
  channel: CollectionChannel | null;
  tone: CollectionTone | null;
  chargeFee: boolean | null;
  offerPaymentPlan: boolean;
  templates: MessageTemplates;
}

export interface StepExperiment {
  mode: "SPLIT" | "LEARNING";
  variants: StepVariantTerms[];
}

type Reader = Db | Prisma.TransactionClient;

/** An organisation's policies, the default last; made (the standard one) if it has none yet. */
export async function loadPolicies(db: Db, organizationId: string): Promise<StoredPolicy[]> {
  let rows = await readPolicies(db, organizationId);
  if (!rows.some((row) => row.isDefault)) {
    await ensureDefaultPolicy(db, organizationId);
    rows = await readPolicies(db, organizationId);
  }
  return rows
    .map(toStoredPolicy)
    .sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position);
}

async function readPolicies(db: Reader, organizationId: string) {
  return db.collectionPolicy.findMany({
    where: { organizationId },
    include: {
      steps: { orderBy: { position: "asc" }, include: { variants: { orderBy: { key: "asc" } } } },
    },
    orderBy: { position: "asc" },
  });
}

function toStoredPolicy(row: Awaited<ReturnType<typeof readPolicies>>[number]): StoredPolicy {
  const parsed = parseRuleDocument(row.targeting);
  return {
    terms: {
      id: row.id,
      name: row.name,
      feeMinimumAmountDueOre: row.feeMinimumAmountDueOre,
      chargeInterest: row.chargeInterest,
      interestMinimumOre: row.interestMinimumOre,
      steps: row.steps.map((step) => ({
        id: step.id,
        position: step.position,
        kind: step.kind,
        anchor: step.anchor,
        offsetDays: step.offsetDays,
        channel: step.channel,
        tone: step.tone,
        chargeFee: step.chargeFee,
      })),
    },
    // A stored rule that no longer parses (a fact retired) selects no one: fail closed.
    rule: parsed.ok ? parsed.rule : { not: EVERYONE },
    isDefault: row.isDefault,
    position: row.position,
    respiteMaxDays: row.respiteMaxDays,
    paymentPlanMinOre: row.paymentPlanMinOre,
    paymentPlanMaxParts: row.paymentPlanMaxParts,
    paymentPlanFeeOre: row.paymentPlanFeeOre,
    agencyName: row.agencyName,
    agencyContact: row.agencyContact,
    templates: new Map(
      row.steps.map((step) => {
        const templates = messageTemplatesSchema.safeParse(step.templates);
        return [step.id, templates.success ? templates.data : {}];
      }),
    ),
    experiments: new Map(
      row.steps
        .filter((step) => step.experimentMode !== "OFF" && step.variants.length > 0)
        .map((step) => [
          step.id,
          {
            mode: step.experimentMode as "SPLIT" | "LEARNING",
            variants: step.variants.map((variant) => {
              const templates = messageTemplatesSchema.safeParse(variant.templates ?? {});
              return {
                key: variant.key,
                name: variant.name,
                weight: variant.weight,
                offsetDays: variant.offsetDays,
                channel: variant.channel,
                tone: variant.tone,
                chargeFee: variant.chargeFee,
                offerPaymentPlan: variant.offerPaymentPlan,
                templates: templates.success ? templates.data : {},
              };
            }),
          },
        ]),
    ),
  };
}

/**
 * The standard policy an organisation starts with (and the migration gave every existing one):
 * one reminder the organisation's set number of days after the due date, with the reminder fee
 * where the customer agreed to it. Made once: the unique default index holds it to one.
 */
export async function ensureDefaultPolicy(db: Db, organizationId: string): Promise<void> {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { reminderAfterDays: true },
  });
  try {
    await db.collectionPolicy.create({
      data: {
        organizationId,
        name: "Standard",
        position: 0,
        isDefault: true,
        targeting: EVERYONE as unknown as Prisma.InputJsonValue,
        steps: {
          create: [
            {
              position: 0,
              kind: "REMINDER",
              anchor: "DUE_DATE",
              offsetDays: organization.reminderAfterDays,
              channel: "EMAIL",
              tone: "NEUTRAL",
              chargeFee: true,
            },
          ],
        },
      },
    });
  } catch (error) {
    // Another process made it first.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/** The policy an invoice falls under: the first whose rule is true for it, else the default. */
export function choosePolicy(policies: readonly StoredPolicy[], facts: FactValues): StoredPolicy {
  for (const policy of policies) {
    if (policy.isDefault) return policy;
    if (evaluateRule(policy.rule, facts) === true) return policy;
  }
  const fallback = policies.find((policy) => policy.isDefault);
  if (!fallback)
    throw new AppError("CONFLICT", "The organisation has no default collection policy");
  return fallback;
}

/** The facts any of these policies' rules ask about (only those are loaded). */
export function factsNeeded(policies: readonly StoredPolicy[]): Set<CollectionFactName> {
  const needed = new Set<CollectionFactName>();
  for (const policy of policies) {
    if (policy.isDefault) continue;
    for (const fact of factsOfRule(policy.rule)) needed.add(fact as CollectionFactName);
  }
  return needed;
}
