import { z } from "zod";
import type { PolicyStep } from "@/lib/collections/engine";
import { type MessageTemplates, messageTemplatesSchema } from "@/lib/collections/messages";
import {
  ensureDefaultPolicy,
  loadPolicies,
  MAX_POLICIES,
  type PolicyInput,
  policyInputSchema,
  type VariantKey,
} from "@/lib/collections/policies";
import { describeSteps, STEP_KIND_WORDS } from "@/lib/collections/policy-words";
import { describeRule } from "@/lib/content/targeting/describe-rule";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import { addMonths, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isForeignKeyViolation } from "@/lib/db/db-errors";
import { Prisma, type StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The collections console's changes: policies (made, replaced, put in order, deleted) and the
 * Riksbank's reference rates. Every change is one transaction, scoped to the organisation and
 * logged with who made it. What was done under a step stays tied to it: a step keeps its id while
 * it is edited, and a step (or a policy) something was done under cannot be removed — its
 * actions, fees and timeline events name it.
 */
const log = createLogger("collections");

/** The largest policy document a route reads: eight steps, each with texts in two languages. */
export const POLICY_BODY_LIMIT = 128 * 1024;

export interface PolicyActor {
  staffId: string;
}

export interface PolicyListStep extends PolicyStep {
  /** How many invoices this step was taken for. */
  actionCount: number;
  /** The step's experiment in play (its mode and variants' keys and weights); null when off. */
  experiment: { mode: "SPLIT" | "LEARNING"; variants: { key: string; weight: number }[] } | null;
}

export interface PolicyListItem {
  id: string;
  name: string;
  position: number;
  isDefault: boolean;
  rule: Rule;
  /** Who it applies to, in words (Swedish); the default's is "everyone else". */
  ruleText: string;
  steps: PolicyListStep[];
  /** The steps as one line, e.g. "Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift)". */
  stepsText: string;
  /** How many steps were taken under the policy, in all. */
  actionCount: number;
}

const DEFAULT_RULE_TEXT = "Alla fakturor som ingen policy ovanför tar";

/** An organisation's policies in the order they are tried (the default, the catch-all, last). */
export async function listPolicies(db: Db, organizationId: string): Promise<PolicyListItem[]> {
  const policies = await loadPolicies(db, organizationId);
  const counts = await db.collectionAction.groupBy({
    by: ["stepId"],
    where: { organizationId },
    _count: { _all: true },
  });
  const byStep = new Map(counts.map((row) => [row.stepId, row._count._all]));
  return policies.map((policy) => {
    const steps = policy.terms.steps.map((step) => {
      const experiment = policy.experiments.get(step.id);
      return {
        ...step,
        actionCount: byStep.get(step.id) ?? 0,
        experiment: experiment
          ? {
              mode: experiment.mode,
              variants: experiment.variants.map(({ key, weight }) => ({ key, weight })),
            }
          : null,
      };
    });
    return {
      id: policy.terms.id,
      name: policy.terms.name,
      position: policy.position,
      isDefault: policy.isDefault,
      rule: policy.rule,
      ruleText: policy.isDefault ? DEFAULT_RULE_TEXT : describeRule(policy.rule, "sv"),
      steps,
      stepsText: describeSteps(steps, "sv"),
      actionCount: steps.reduce((sum, step) => sum + step.actionCount, 0),
    };
  });
}

/** A stored policy as the editor's input (its steps with their ids), with what each step did. */
export interface EditablePolicy {
  id: string;
  isDefault: boolean;
  input: PolicyInput;
  /** Per step id: how many invoices it was taken for (those steps cannot be removed). */
  stepActionCounts: Record<string, number>;
  /** Per step id and variant key: how many invoices got the variant (those cannot be removed). */
  variantActionCounts: Record<string, Record<string, number>>;
}

export async function loadEditablePolicy(
  db: Db,
  organizationId: string,
  policyId: string,
): Promise<EditablePolicy | null> {
  const row = await db.collectionPolicy.findFirst({
    where: { id: policyId, organizationId },
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: {
          _count: { select: { actions: true } },
          variants: { orderBy: { key: "asc" } },
        },
      },
    },
  });
  if (!row) return null;
  const variantCounts = await variantActionCounts(
    db,
    row.steps.map((step) => step.id),
  );
  return {
    id: row.id,
    isDefault: row.isDefault,
    input: {
      name: row.name,
      // A stored rule is shown as stored; the server checks it again on save.
      targeting: row.targeting as unknown as Rule,
      feeMinimumAmountDueOre: row.feeMinimumAmountDueOre,
      chargeInterest: row.chargeInterest,
      interestMinimumOre: row.interestMinimumOre,
      respiteMaxDays: row.respiteMaxDays,
      paymentPlanMinOre: row.paymentPlanMinOre,
      paymentPlanMaxParts: row.paymentPlanMaxParts,
      paymentPlanFeeOre: row.paymentPlanFeeOre,
      agencyName: row.agencyName,
      agencyContact: row.agencyContact,
      steps: row.steps.map((step) => {
        const templates = messageTemplatesSchema.safeParse(step.templates);
        return {
          id: step.id,
          kind: step.kind,
          anchor: step.anchor,
          offsetDays: step.offsetDays,
          channel: step.channel,
          tone: step.tone,
          chargeFee: step.chargeFee,
          templates: templates.success ? templates.data : ({} as MessageTemplates),
          experimentMode: step.experimentMode,
          variants: step.variants.map((variant) => {
            const own = messageTemplatesSchema.safeParse(variant.templates ?? {});
            return {
              key: variant.key as VariantKey,
              name: variant.name,
              weight: variant.weight,
              offsetDays: variant.offsetDays,
              channel: variant.channel,
              tone: variant.tone,
              chargeFee: variant.chargeFee,
              templates: own.success ? own.data : ({} as MessageTemplates),
              offerPaymentPlan: variant.offerPaymentPlan,
            };
          }),
        };
      }),
    },
    stepActionCounts: Object.fromEntries(row.steps.map((step) => [step.id, step._count.actions])),
    variantActionCounts: Object.fromEntries(
      row.steps.map((step) => [step.id, Object.fromEntries(variantCounts.get(step.id) ?? [])]),
    ),
  };
}

/** Per step: how many invoices got each of its variants (only variants that were sent). */
async function variantActionCounts(
  db: Db | Prisma.TransactionClient,
  stepIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  if (stepIds.length === 0) return counts;
  const rows = await db.collectionAction.groupBy({
    by: ["stepId", "variantKey"],
    where: { stepId: { in: [...stepIds] }, variantKey: { not: null } },
    _count: { _all: true },
  });
  for (const row of rows) {
    if (!row.variantKey) continue;
    if (!counts.has(row.stepId)) counts.set(row.stepId, new Map());
    counts.get(row.stepId)!.set(row.variantKey, row._count._all);
  }
  return counts;
}

const policyFields = (input: PolicyInput, isDefault: boolean) => ({
  name: input.name,
  // The default takes every invoice no other policy takes: its rule is everyone, whatever is sent.
  targeting: (isDefault ? EVERYONE : input.targeting) as unknown as Prisma.InputJsonValue,
  feeMinimumAmountDueOre: input.feeMinimumAmountDueOre,
  chargeInterest: input.chargeInterest,
  interestMinimumOre: input.interestMinimumOre,
  respiteMaxDays: input.respiteMaxDays,
  paymentPlanMinOre: input.paymentPlanMinOre,
  paymentPlanMaxParts: input.paymentPlanMaxParts,
  paymentPlanFeeOre: input.paymentPlanFeeOre,
  agencyName: input.agencyName || null,
  agencyContact: input.agencyContact || null,
});

const stepFields = (step: PolicyInput["steps"][number], position: number) => ({
  position,
  kind: step.kind,
  anchor: step.anchor,
  offsetDays: step.offsetDays,
  channel: step.channel,
  tone: step.tone,
  chargeFee: step.chargeFee,
  templates: step.templates as Prisma.InputJsonValue,
  experimentMode: step.experimentMode,
});

type VariantInput = PolicyInput["steps"][number]["variants"][number];

const variantFields = (variant: VariantInput) => ({
  name: variant.name,
  weight: variant.weight,
  offsetDays: variant.offsetDays,
  channel: variant.channel,
  tone: variant.tone,
  chargeFee: variant.chargeFee,
  // No text of its own: null (the step's text), as the send job and the preview read it.
  templates:
    Object.keys(variant.templates).length > 0
      ? (variant.templates as Prisma.InputJsonValue)
      : Prisma.DbNull,
  offerPaymentPlan: variant.offerPaymentPlan,
});

/**
 * A step's variants become those sent: each kept by its key (its row, and so its results, stay),
 * the new ones made, the ones left out removed (the caller has refused removing one that was sent).
 */
async function saveVariants(
  tx: Prisma.TransactionClient,
  stepId: string,
  variants: readonly VariantInput[],
): Promise<void> {
  await tx.collectionStepVariant.deleteMany({
    where: { stepId, key: { notIn: variants.map((variant) => variant.key) } },
  });
  for (const variant of variants) {
    await tx.collectionStepVariant.upsert({
      where: { stepId_key: { stepId, key: variant.key } },
      create: { stepId, key: variant.key, ...variantFields(variant) },
      update: variantFields(variant),
    });
  }
}

const invoices = (count: number) => (count === 1 ? "1 invoice" : `${count} invoices`);

function stepIssue(index: number, message: string): AppError {
  return new AppError("BAD_INPUT", `steps.${index}.id: ${message}`, {
    issues: [{ path: `steps.${index}.id`, pointer: `/steps/${index}/id`, message }],
  });
}

/**
 * Makes a policy (no `policyId`) or replaces one's terms and steps, in one transaction. A step
 * sent with its `id` is that step, edited (what was done under it stays with it); a step without
 * is new; a stored step not sent is removed — refused (CONFLICT) when it was taken for any
 * invoice. A new policy goes last before the default. The default's rule is always everyone.
 */
export async function savePolicy(options: {
  db: Db;
  organizationId: string;
  policyId?: string;
  input: PolicyInput;
  actor: PolicyActor;
}): Promise<{ id: string; created: boolean }> {
  const { db, organizationId } = options;
  const input = parseInput(policyInputSchema, options.input, "policy");
  if (!options.policyId) {
    // The catch-all exists before anything is put in front of it.
    await ensureDefaultPolicy(db, organizationId);
    const id = await db.$transaction(async (tx) => {
      const existing = await tx.collectionPolicy.findMany({
        where: { organizationId },
        select: { id: true, position: true, isDefault: true },
      });
      if (existing.length >= MAX_POLICIES) {
        throw new AppError("CONFLICT", `An organisation has at most ${MAX_POLICIES} policies`);
      }
      const position =
        Math.max(-1, ...existing.filter((p) => !p.isDefault).map((p) => p.position)) + 1;
      const created = await tx.collectionPolicy.create({
        data: {
          organizationId,
          position,
          isDefault: false,
          ...policyFields(input, false),
          // A new policy's steps are new, whatever ids a copied document carries.
          steps: {
            create: input.steps.map((step, index) => ({
              ...stepFields(step, index),
              variants: {
                create: step.variants.map((variant) => ({
                  key: variant.key,
                  ...variantFields(variant),
                })),
              },
            })),
          },
        },
        select: { id: true },
      });
      await tx.collectionPolicy.updateMany({
        where: { organizationId, isDefault: true },
        data: { position: position + 1 },
      });
      return created.id;
    });
    log.info("collection policy created", {
      organizationId,
      policyId: id,
      staffId: options.actor.staffId,
      steps: input.steps.length,
    });
    return { id, created: true };
  }

  const policyId = options.policyId;
  let removed = 0;
  try {
    await db.$transaction(async (tx) => {
      const policy = await tx.collectionPolicy.findFirst({
        where: { id: policyId, organizationId },
        select: {
          id: true,
          isDefault: true,
          steps: {
            select: {
              id: true,
              position: true,
              kind: true,
              _count: { select: { actions: true } },
            },
          },
        },
      });
      if (!policy) throw new AppError("NOT_FOUND", "No such collection policy");
      const stored = new Map(policy.steps.map((step) => [step.id, step]));
      const kept = new Set<string>();
      for (const [index, step] of input.steps.entries()) {
        if (!step.id) continue;
        if (!stored.has(step.id)) {
          throw stepIssue(
            index,
            "this step is not (or no longer) part of the policy; reload the page to see it as it is now",
          );
        }
        if (kept.has(step.id)) throw stepIssue(index, "the same step is listed twice");
        kept.add(step.id);
      }
      const gone = policy.steps.filter((step) => !kept.has(step.id));
      const used = gone.find((step) => step._count.actions > 0);
      if (used) {
        throw new AppError(
          "CONFLICT",
          `Step ${used.position + 1} (${STEP_KIND_WORDS.en[used.kind]}) was sent to ${invoices(used._count.actions)}; it can be changed, not removed`,
          { stepId: used.id, actions: used._count.actions },
        );
      }
      // A variant some invoice got stays: its results (and the invoices' records) name it.
      const sentVariants = await variantActionCounts(tx, [...kept]);
      for (const [index, step] of input.steps.entries()) {
        if (!step.id) continue;
        const sent = new Set<string>(step.variants.map((variant) => variant.key));
        for (const [key, count] of sentVariants.get(step.id) ?? []) {
          if (sent.has(key)) continue;
          const kind = stored.get(step.id)!.kind;
          throw new AppError(
            "CONFLICT",
            `Variant ${key} of step ${index + 1} (${STEP_KIND_WORDS.en[kind]}) was sent to ${invoices(count)}; it can be changed, not removed (set its weight to 0 to stop it)`,
            { stepId: step.id, variantKey: key, actions: count },
          );
        }
      }
      if (gone.length > 0) {
        await tx.collectionStep.deleteMany({ where: { id: { in: gone.map((step) => step.id) } } });
      }
      // Positions are unique per policy: park the kept steps below zero, then place every step.
      for (const [index, step] of input.steps.entries()) {
        if (step.id) {
          await tx.collectionStep.update({
            where: { id: step.id },
            data: { position: -1 - index },
          });
        }
      }
      for (const [index, step] of input.steps.entries()) {
        if (step.id) {
          await tx.collectionStep.update({ where: { id: step.id }, data: stepFields(step, index) });
          await saveVariants(tx, step.id, step.variants);
        } else {
          const created = await tx.collectionStep.create({
            data: { policyId, ...stepFields(step, index) },
            select: { id: true },
          });
          await saveVariants(tx, created.id, step.variants);
        }
      }
      await tx.collectionPolicy.update({
        where: { id: policyId },
        data: policyFields(input, policy.isDefault),
      });
      removed = gone.length;
    });
  } catch (error) {
    // The daily run took a step being removed between our check and the delete.
    if (isForeignKeyViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "A step being removed was just taken for an invoice; it can be changed, not removed. Reload the page",
      );
    }
    throw error;
  }
  log.info("collection policy saved", {
    organizationId,
    policyId,
    staffId: options.actor.staffId,
    steps: input.steps.length,
    stepsRemoved: removed,
  });
  return { id: policyId, created: false };
}

export const reorderInputSchema = z.strictObject({
  order: z
    .array(z.uuid({ error: "order lists the policies' ids" }))
    .max(MAX_POLICIES, `at most ${MAX_POLICIES} policies`),
});
export type ReorderInput = z.output<typeof reorderInputSchema>;

/**
 * Puts the policies (all but the default, which stays last) in the order given: every one of
 * them, once. A list that is not the organisation's policies as they are now is refused.
 */
export async function reorderPolicies(options: {
  db: Db;
  organizationId: string;
  order: readonly string[];
  actor: PolicyActor;
}): Promise<void> {
  const { db, organizationId, order } = options;
  if (new Set(order).size !== order.length) {
    throw new AppError("BAD_INPUT", "order names a policy twice", { param: "/order" });
  }
  await db.$transaction(async (tx) => {
    const policies = await tx.collectionPolicy.findMany({
      where: { organizationId },
      select: { id: true, isDefault: true },
    });
    const ordinary = new Set(policies.filter((p) => !p.isDefault).map((p) => p.id));
    const defaults = policies.filter((p) => p.isDefault);
    if (order.some((id) => !ordinary.has(id))) {
      throw new AppError(
        "NOT_FOUND",
        defaults.some((p) => order.includes(p.id))
          ? "The default policy is always last; leave it out of the order"
          : "No such collection policy",
      );
    }
    if (order.length !== ordinary.size) {
      throw new AppError(
        "CONFLICT",
        "The policies changed meanwhile (one was added or deleted); reload the page",
      );
    }
    for (const [position, id] of order.entries()) {
      await tx.collectionPolicy.update({ where: { id }, data: { position } });
    }
    await tx.collectionPolicy.updateMany({
      where: { organizationId, isDefault: true },
      data: { position: order.length },
    });
  });
  log.info("collection policies reordered", {
    organizationId,
    staffId: options.actor.staffId,
    order: order.length,
  });
}

/**
 * Deletes a policy and its steps. Never the default (every invoice no other policy takes falls
 * under it), and never one a step was taken under (its actions name it): change those instead.
 */
export async function deletePolicy(options: {
  db: Db;
  organizationId: string;
  policyId: string;
  actor: PolicyActor;
}): Promise<void> {
  const { db, organizationId, policyId } = options;
  try {
    await db.$transaction(async (tx) => {
      const policy = await tx.collectionPolicy.findFirst({
        where: { id: policyId, organizationId },
        select: { id: true, isDefault: true, name: true, _count: { select: { actions: true } } },
      });
      if (!policy) throw new AppError("NOT_FOUND", "No such collection policy");
      if (policy.isDefault) {
        throw new AppError(
          "CONFLICT",
          "The default policy takes every invoice no other policy takes; it can be changed, not deleted",
        );
      }
      if (policy._count.actions > 0) {
        throw new AppError(
          "CONFLICT",
          `Steps of ${policy.name} were taken for ${invoices(policy._count.actions)}; it can be changed, not deleted`,
          { actions: policy._count.actions },
        );
      }
      await tx.collectionPolicy.delete({ where: { id: policy.id } });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "A step of this policy was just taken for an invoice; it can be changed, not deleted",
      );
    }
    throw error;
  }
  log.info("collection policy deleted", {
    organizationId,
    policyId,
    staffId: options.actor.staffId,
  });
}

// --- Reference rates ------------------------------------------------------------------------

/** The highest reference rate the console takes: 20 % (the Riksbank's has never been near it). */
export const MAX_REFERENCE_RATE_BASIS_POINTS = 2000;
const EARLIEST_REFERENCE_RATE = "2000-01-01";

export const referenceRateInputSchema = z.strictObject({
  validFrom: z.iso
    .date({ error: "validFrom is a date in the form YYYY-MM-DD" })
    .refine((value) => /-(01|07)-01$/.test(value), {
      error: "a reference rate applies from 1 January or 1 July (räntelagen 9 §)",
    }),
  rateBasisPoints: z
    .number({ error: "rateBasisPoints is a whole number of hundredths of a percent" })
    .int("rateBasisPoints is a whole number of hundredths of a percent")
    .min(0, "the rate may not be negative")
    .max(MAX_REFERENCE_RATE_BASIS_POINTS, `at most ${MAX_REFERENCE_RATE_BASIS_POINTS / 100} %`),
});
export type ReferenceRateInput = z.output<typeof referenceRateInputSchema>;

export interface ReferenceRateRow {
  /** YYYY-MM-DD, the first day of the half-year. */
  validFrom: string;
  rateBasisPoints: number;
  updatedAt: Date;
}

/** The reference rates kept, the newest half-year first. */
export async function listReferenceRates(db: Db): Promise<ReferenceRateRow[]> {
  const rows = await db.referenceRate.findMany({ orderBy: { validFrom: "desc" }, take: 200 });
  return rows.map((row) => ({
    validFrom: formatCalendarDate(row.validFrom),
    rateBasisPoints: row.rateBasisPoints,
    updatedAt: row.updatedAt,
  }));
}

/** The first day of the calendar half-year a day is in (1 January or 1 July), YYYY-MM-DD. */
export function halfYearOf(day: Date): string {
  const month = day.getUTCMonth() < 6 ? "01" : "07";
  return `${day.getUTCFullYear()}-${month}-01`;
}

/** Whether the half-year `today` is in has its own rate, and the latest one kept. */
export function referenceRateStatus(
  rates: readonly Pick<ReferenceRateRow, "validFrom" | "rateBasisPoints">[],
  today: Date,
): {
  currentHalfYear: string;
  current: number | null;
  latest: { validFrom: string; rateBasisPoints: number } | null;
} {
  const currentHalfYear = halfYearOf(today);
  const sorted = [...rates].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const current = sorted.find((rate) => rate.validFrom === currentHalfYear);
  const latest = sorted.find((rate) => rate.validFrom <= currentHalfYear) ?? null;
  return {
    currentHalfYear,
    current: current?.rateBasisPoints ?? null,
    latest: latest
      ? { validFrom: latest.validFrom, rateBasisPoints: latest.rateBasisPoints }
      : null,
  };
}

/**
 * Adds or corrects a half-year's reference rate. The rates are the Riksbank's, one list for every
 * organisation: only an administrator keeps it. From 2000 up to the half-year after this one (the
 * Riksbank announces a rate shortly before its half-year begins).
 */
export async function saveReferenceRate(options: {
  db: Db;
  input: ReferenceRateInput;
  actor: { staffId: string; role: StaffRole };
  today?: Date;
}): Promise<{ validFrom: string; rateBasisPoints: number; created: boolean }> {
  const { db } = options;
  if (options.actor.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Only an administrator keeps the reference rates");
  }
  const input = parseInput(referenceRateInputSchema, options.input, "reference rate");
  const latestAllowed = halfYearOf(addMonths(options.today ?? todayInSweden(), 6));
  if (input.validFrom < EARLIEST_REFERENCE_RATE || input.validFrom > latestAllowed) {
    const message = `a half-year from ${EARLIEST_REFERENCE_RATE} to ${latestAllowed}`;
    throw new AppError("BAD_INPUT", `validFrom: ${message}`, {
      issues: [{ path: "validFrom", pointer: "/validFrom", message }],
    });
  }
  const validFrom = new Date(`${input.validFrom}T00:00:00Z`);
  const before = await db.referenceRate.findUnique({ where: { validFrom } });
  await db.referenceRate.upsert({
    where: { validFrom },
    create: { validFrom, rateBasisPoints: input.rateBasisPoints },
    update: { rateBasisPoints: input.rateBasisPoints },
  });
  log.info(before ? "reference rate corrected" : "reference rate added", {
    staffId: options.actor.staffId,
    validFrom: input.validFrom,
    rateBasisPoints: input.rateBasisPoints,
    previousBasisPoints: before?.rateBasisPoints ?? null,
  });
  return { validFrom: input.validFrom, rateBasisPoints: input.rateBasisPoints, created: !before };
}
