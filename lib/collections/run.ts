import { randomUUID } from "node:crypto";
import {
  type CollectionPlan,
  type PlannedStep,
  type PolicyStep,
  planCollection,
  stepDueOn,
  type VariantChoice,
} from "@/lib/collections/engine";
import type { ReferenceRatePeriod } from "@/lib/collections/interest";
import {
  type Belief,
  chooseLearned,
  chooseSplit,
  customerBand,
  type StepBeliefs,
} from "@/lib/collections/learner";
import {
  type CollectionInvoice,
  collectionFeeReference,
  interestReference,
  loadCollectionInvoices,
} from "@/lib/collections/load-cases";
import {
  type CollectionFactName,
  choosePolicy,
  factsNeeded,
  loadPolicies,
  type StoredPolicy,
} from "@/lib/collections/policies";
import { feeReference } from "@/lib/collections/reminder-fees";
import { settlePaymentPlans } from "@/lib/collections/settle-payment-plans";
import type { FactValues } from "@/lib/content/targeting/evaluate-rule";
import { amountDueKronor, lastDaysToPay, tenureInMonths } from "@/lib/content/targeting/facts";
import { latestOverdueDueDate } from "@/lib/dates/banking-days";
import { addDays, addMonths, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { CollectionSendStatus, Prisma } from "@/lib/db/generated/client";
import { enqueueJobs } from "@/lib/jobs/job-engine";
import { recordInvoiceEvents } from "@/lib/timeline/invoice-events";

/**
 * The daily collection run and its dry run. Both read the organisation's unpaid invoices in
 * chunks, choose each one's policy and plan it with the engine; the run then performs the steps
 * planned for today, the forecast lists the steps of the coming days. Same code to the plan.
 *
 * Exactly once: the run reads a chunk with its invoice rows locked (a payment booked meanwhile
 * waits, or has already landed and is seen), and the action's unique (invoice, step) key holds
 * even against a second run racing this one. An action, its charges as ledger entries, its
 * timeline event (and webhook) and its send job are written in one transaction: a crash before
 * the commit leaves nothing, so the next run does it; after it, the next run sees it done.
 */

export interface Evaluated {
  invoice: CollectionInvoice;
  policy: StoredPolicy;
  plan: CollectionPlan;
}

export interface EvaluationContext {
  organizationId: string;
  today: Date;
  policies: StoredPolicy[];
  rates: ReferenceRatePeriod[];
  /** The learner's beliefs per step in LEARNING mode, and the version the draws are seeded by. */
  beliefs: Map<string, StepBeliefs & { version: string }>;
}

export async function loadReferenceRates(
  db: Db | Prisma.TransactionClient,
): Promise<ReferenceRatePeriod[]> {
  const rows = await db.referenceRate.findMany({ orderBy: { validFrom: "asc" } });
  return rows.map((row) => ({ validFrom: row.validFrom, rateBasisPoints: row.rateBasisPoints }));
}

export async function evaluationContext(
  db: Db,
  organizationId: string,
  today: Date,
): Promise<EvaluationContext> {
  const [policies, rates] = await Promise.all([
    loadPolicies(db, organizationId),
    loadReferenceRates(db),
  ]);
  const learning = policies.flatMap((policy) =>
    [...policy.experiments].filter(([, e]) => e.mode === "LEARNING").map(([stepId]) => stepId),
  );
  return {
    organizationId,
    today,
    policies,
    rates,
    beliefs: await loadBeliefs(db, learning),
  };
}

/** The learner's beliefs of these steps (per band and pooled), with the version they were at. */
export async function loadBeliefs(
  db: Db | Prisma.TransactionClient,
  stepIds: readonly string[],
): Promise<Map<string, StepBeliefs & { version: string }>> {
  const beliefs = new Map<string, StepBeliefs & { version: string }>();
  if (stepIds.length === 0) return beliefs;
  const rows = await db.collectionLearnerState.findMany({
    where: { stepId: { in: [...stepIds] } },
    orderBy: [{ stepId: "asc" }, { band: "asc" }, { variantKey: "asc" }],
  });
  for (const stepId of stepIds) {
    const own = rows.filter((row) => row.stepId === stepId);
    const byBand = new Map<string, Map<string, Belief>>();
    const pooled = new Map<string, Belief>();
    let version = "";
    for (const row of own) {
      const belief = { alpha: row.alpha, beta: row.beta, samples: row.samples };
      if (!byBand.has(row.band)) byBand.set(row.band, new Map());
      byBand.get(row.band)!.set(row.variantKey, belief);
      const sum = pooled.get(row.variantKey) ?? { alpha: 0, beta: 0, samples: 0 };
      pooled.set(row.variantKey, {
        alpha: sum.alpha + row.alpha,
        beta: sum.beta + row.beta,
        samples: sum.samples + row.samples,
      });
      const at = row.updatedAt.toISOString();
      if (at > version) version = at;
    }
    beliefs.set(stepId, { byBand, pooled, version });
  }
  return beliefs;
}

/** Chooses each invoice's policy (by its facts, unless a step already tied it) and plans it. */
export async function evaluateInvoices(
  db: Db | Prisma.TransactionClient,
  context: EvaluationContext,
  invoices: readonly CollectionInvoice[],
): Promise<Evaluated[]> {
  const byId = new Map(context.policies.map((policy) => [policy.terms.id, policy]));
  const untied = invoices.filter((invoice) => !invoice.policyId || !byId.has(invoice.policyId));
  const needed = factsNeeded(context.policies);
  // The learner's bands ask for the payment history of every invoice, not only the untied ones.
  const learning = context.beliefs.size > 0;
  const overdue =
    needed.has("overdueInvoices12m") || learning
      ? await overdueInvoiceCounts(db, context, [
          ...new Set((learning ? invoices : untied).map((i) => i.customerId)),
        ])
      : new Map<string, number>();
  return invoices.map((invoice) => {
    let policy = invoice.policyId ? byId.get(invoice.policyId) : undefined;
    if (!policy)
      policy = choosePolicy(context.policies, factsOf(invoice, context.today, needed, overdue));
    const chosen = policy;
    const plan = planCollection({
      collectionCase: invoice.collectionCase,
      policy: policy.terms,
      today: context.today,
      rates: context.rates,
      chooseVariant: (step) => chooseStepVariant(context, chosen, invoice, step, overdue),
    });
    return { invoice, policy, plan };
  });
}

/**
 * The variant of a step an invoice gets: by the split's hash of the customer, or by the learner
 * for the customer's band, seeded by the invoice, the step and the beliefs' version (so the run
 * and the forecast of the same day draw the same). Variants at weight 0 are switched off.
 */
export function chooseStepVariant(
  context: EvaluationContext,
  policy: StoredPolicy,
  invoice: CollectionInvoice,
  step: PolicyStep,
  overdue: ReadonlyMap<string, number>,
): VariantChoice | null {
  const experiment = policy.experiments.get(step.id);
  if (!experiment) return null;
  const live = experiment.variants.filter((variant) => variant.weight > 0);
  let key: string | null;
  let assignment: Record<string, unknown>;
  if (experiment.mode === "SPLIT") {
    key = chooseSplit(live, invoice.customerId, step.id);
    assignment = { method: "split" };
  } else {
    const beliefs = context.beliefs.get(step.id) ?? {
      byBand: new Map(),
      pooled: new Map(),
      version: "",
    };
    const band = customerBand({
      tenureMonths: tenureInMonths(invoice.customer.customerSince, context.today),
      overdueInvoices12m: overdue.get(invoice.customerId) ?? 0,
      amountDueOre: invoice.collectionCase.amountDueOre,
      isBusiness: invoice.customer.isBusiness,
    });
    const learned = chooseLearned({
      variants: live,
      beliefs,
      band,
      seed: `${invoice.collectionCase.invoiceId}:${step.id}:${beliefs.version}`,
    });
    key = learned?.key ?? null;
    assignment = learned ? { ...learned.explanation } : { method: "learning" };
  }
  const variant = live.find((candidate) => candidate.key === key);
  if (!variant) return null;
  return {
    key: variant.key,
    offsetDays: variant.offsetDays,
    channel: variant.channel,
    tone: variant.tone,
    chargeFee: variant.chargeFee,
    offerPaymentPlan: variant.offerPaymentPlan,
    assignment,
  };
}

function factsOf(
  invoice: CollectionInvoice,
  today: Date,
  needed: ReadonlySet<CollectionFactName>,
  overdue: ReadonlyMap<string, number>,
): FactValues {
  return {
    segment: invoice.customer.segment,
    isBusiness: invoice.customer.isBusiness,
    tenureMonths: tenureInMonths(invoice.customer.customerSince, today),
    amountDueKronor: amountDueKronor(invoice.collectionCase.amountDueOre),
    overdueInvoices12m: needed.has("overdueInvoices12m")
      ? (overdue.get(invoice.customerId) ?? 0)
      : null,
  };
}

/**
 * Overdue invoices in the last 12 months per customer, counted as the page's targeting facts
 * count them (lib/content/targeting/facts.ts): due in the window and not settled by the end of
 * the last day to pay, or marked OVERDUE.
 */
async function overdueInvoiceCounts(
  db: Db | Prisma.TransactionClient,
  context: EvaluationContext,
  customerIds: string[],
): Promise<Map<string, number>> {
  return overdueCountsOn(db, context.organizationId, context.today, customerIds);
}

/** The same count as of any day (an outcome's band is the customer's as it was that day). */
export async function overdueCountsOn(
  db: Db | Prisma.TransactionClient,
  organizationId: string,
  today: Date,
  customerIds: string[],
): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const windowStart = addMonths(today, -12);
  const lastOverdue = latestOverdueDueDate(today);
  const lastDays = lastDaysToPay(windowStart, lastOverdue);
  const rows = await db.$queryRaw<Array<{ customerId: string; count: number }>>`
    SELECT o."customerId", count(*)::int AS "count" FROM "Invoice" o
     WHERE o."organizationId" = ${organizationId}
       AND o."customerId" = ANY(${customerIds}::text[])
       AND o."kind" = 'INVOICE' AND o."status" <> 'DRAFT'
       AND o."dueDate" >= ${windowStart}::date AND o."dueDate" <= ${lastOverdue}::date
       AND (o."status" = 'OVERDUE' OR (SELECT COALESCE(SUM(l."amountOre"), 0)
         FROM "LedgerEntry" l WHERE l."invoiceId" = o."id"
           AND l."occurredAt" < (((COALESCE(
               (${lastDays}::jsonb ->> to_char(o."dueDate", 'YYYY-MM-DD'))::date,
               o."dueDate") + 1)::timestamp
             AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC')) > 0)
     GROUP BY o."customerId"`;
  return new Map(rows.map((row) => [row.customerId, Number(row.count)]));
}

export interface RunSummary {
  today: string;
  evaluated: number;
  performed: number;
  byKind: Record<string, number>;
  feesOre: number;
  interestOre: number;
  /** Invoices whose page changed (the caller sends the realtime cue). */
  changedInvoiceIds: string[];
  /** Set when the run waited for a bank file still being imported. */
  deferred: "bank-file-importing" | null;
}

export const RUN_CHUNK = 1000;

/**
 * Performs today's steps for an organisation's unpaid invoices (or only the ones named: a run on
 * an event). A bank file received but not yet imported may hold payments for any invoice: the
 * run then waits (its import asks for a run when it is done).
 */
export async function runCollections(options: {
  db: Db;
  organizationId: string;
  today?: Date;
  invoiceIds?: readonly string[];
  chunkSize?: number;
  now?: Date;
}): Promise<RunSummary> {
  const { db, organizationId } = options;
  const today = options.today ?? todayInSweden();
  const summary: RunSummary = {
    today: formatCalendarDate(today),
    evaluated: 0,
    performed: 0,
    byKind: {},
    feesOre: 0,
    interestOre: 0,
    changedInvoiceIds: [],
    deferred: null,
  };
  const pendingFile = await db.bankFile.findFirst({
    where: { organizationId, status: "RECEIVED" },
    select: { id: true },
  });
  if (pendingFile) return { ...summary, deferred: "bank-file-importing" };
  // Payment plans paid or broken by today end first: a broken plan's steps resume in this run.
  const plans = await settlePaymentPlans(db, {
    organizationId,
    today,
    invoiceIds: options.invoiceIds,
    now: options.now,
  });
  summary.changedInvoiceIds.push(...plans.changedInvoiceIds);
  const context = await evaluationContext(db, organizationId, today);
  let afterId: string | null = null;
  for (;;) {
    const chunk = await db.$transaction(
      async (tx) => {
        const invoices = await loadCollectionInvoices(tx, {
          organizationId,
          invoiceIds: options.invoiceIds,
          afterId,
          limit: options.chunkSize ?? RUN_CHUNK,
          forUpdate: true,
        });
        if (invoices.length === 0) return null;
        const evaluated = await evaluateInvoices(tx, context, invoices);
        const due = evaluated.flatMap((entry) => {
          const step = stepDueOn(entry.plan, today);
          return step ? [{ ...entry, step }] : [];
        });
        await performSteps(tx, { organizationId, today, now: options.now ?? new Date(), due });
        return { last: invoices.at(-1)!.collectionCase.invoiceId, count: invoices.length, due };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!chunk) break;
    summary.evaluated += chunk.count;
    for (const { step, invoice } of chunk.due) {
      summary.performed += 1;
      summary.byKind[step.kind] = (summary.byKind[step.kind] ?? 0) + 1;
      summary.feesOre += step.feeOre;
      summary.interestOre += step.interestOre;
      summary.changedInvoiceIds.push(invoice.collectionCase.invoiceId);
    }
    afterId = chunk.last;
    if (chunk.count < (options.chunkSize ?? RUN_CHUNK)) break;
  }
  return summary;
}

/** The wire name of a step kind (timeline data, webhooks, API). */
export const stepName = (kind: PlannedStep["kind"]) => kind.toLowerCase();

/** Who a step's message goes to on its channel; null when only the page says it. */
export function recipientFor(
  step: Pick<PlannedStep, "channel">,
  customer: { email: string | null; phone: string | null },
): { recipient: string | null; sendStatus: CollectionSendStatus } {
  switch (step.channel) {
    case "EMAIL":
      return customer.email
        ? { recipient: customer.email, sendStatus: "PENDING" }
        : { recipient: null, sendStatus: "PAGE_ONLY" };
    case "SMS":
      return customer.phone
        ? { recipient: customer.phone, sendStatus: "PENDING" }
        : { recipient: null, sendStatus: "PAGE_ONLY" };
    case "LETTER":
      return { recipient: null, sendStatus: "PENDING" };
    case "PAGE":
      return { recipient: null, sendStatus: "PAGE_ONLY" };
  }
}

const dayOrNull = (date: Date | null) => (date ? formatCalendarDate(date) : null);

async function performSteps(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    today: Date;
    now: Date;
    due: Array<Evaluated & { step: PlannedStep }>;
  },
): Promise<void> {
  const { organizationId, today, now, due } = options;
  if (due.length === 0) return;
  const actions = due.map(({ invoice, policy, step }) => ({
    id: randomUUID(),
    invoiceId: invoice.collectionCase.invoiceId,
    policyId: policy.terms.id,
    step,
    ...recipientFor(step, invoice.customer),
    currency: invoice.currency,
  }));
  const inserted = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "CollectionAction" ("id", "organizationId", "invoiceId", "policyId", "stepId",
      "kind", "channel", "plannedFor", "performedOn", "performedAt", "amountDueOre", "feeOre",
      "feeKind", "interestOre", "interestFrom", "interestThrough", "interestRateBasisPoints",
      "payBy", "reason", "variantKey", "assignment",
      "sendStatus", "recipient")
    SELECT a.id, ${organizationId}, a.invoice, a.policy, a.step, a.kind::"CollectionStepKind",
      a.channel::"CollectionChannel", a.planned, ${today}::date, ${now}, a.due, a.fee, a.fee_kind,
      a.interest, a.interest_from, a.interest_through, a.rate, a.pay_by, a.reason, a.variant,
      a.assignment::jsonb,
      a.send_status::"CollectionSendStatus", a.recipient
    FROM unnest(${actions.map((a) => a.id)}::text[], ${actions.map((a) => a.invoiceId)}::text[],
      ${actions.map((a) => a.policyId)}::text[], ${actions.map((a) => a.step.stepId)}::text[],
      ${actions.map((a) => a.step.kind)}::text[], ${actions.map((a) => a.step.channel)}::text[],
      ${actions.map((a) => dayOrNull(a.step.date))}::date[], ${actions.map((a) => a.step.amountDueOre)}::int[],
      ${actions.map((a) => a.step.feeOre)}::int[], ${actions.map((a) => a.step.feeKind)}::text[],
      ${actions.map((a) => a.step.interestOre)}::int[],
      ${actions.map((a) => dayOrNull(a.step.interestFrom))}::date[],
      ${actions.map((a) => dayOrNull(a.step.interestThrough))}::date[],
      ${actions.map((a) => a.step.interestRateBasisPoints)}::int[],
      ${actions.map((a) => dayOrNull(a.step.payBy))}::date[],
      ${actions.map((a) => `${a.step.feeReason}; ${a.step.interestReason}`)}::text[],
      ${actions.map((a) => a.step.variant?.key ?? null)}::text[],
      ${actions.map((a) => (a.step.variant ? JSON.stringify(a.step.variant.assignment) : null))}::text[],
      ${actions.map((a) => a.sendStatus)}::text[], ${actions.map((a) => a.recipient)}::text[])
      AS a(id, invoice, policy, step, kind, channel, planned, due, fee, fee_kind, interest,
        interest_from, interest_through, rate, pay_by, reason, variant, assignment, send_status,
        recipient)
    ON CONFLICT ("invoiceId", "stepId") DO NOTHING
    RETURNING "id"`;
  const done = new Set(inserted.map((row) => row.id));
  const performed = actions.filter((action) => done.has(action.id));
  if (performed.length === 0) return;

  const fees = performed.flatMap((action) => {
    const { step } = action;
    const rows: Prisma.LedgerEntryCreateManyInput[] = [];
    if (step.feeKind && step.feeOre > 0) {
      rows.push({
        organizationId,
        invoiceId: action.invoiceId,
        kind: "FEE",
        amountOre: step.feeOre,
        currency: action.currency,
        externalRef:
          step.feeKind === "collection-fee"
            ? collectionFeeReference(action.invoiceId)
            : feeReference(action.invoiceId),
        memo:
          step.feeKind === "reminder-fee"
            ? "reminder fee"
            : step.feeKind === "late-payment-compensation"
              ? "late payment compensation"
              : "collection fee",
        occurredAt: now,
      });
    }
    if (step.interestOre > 0) {
      rows.push({
        organizationId,
        invoiceId: action.invoiceId,
        kind: "FEE",
        amountOre: step.interestOre,
        currency: action.currency,
        externalRef: interestReference(action.invoiceId, step.stepId),
        memo: `interest ${dayOrNull(step.interestFrom)}..${dayOrNull(step.interestThrough)}`,
        occurredAt: now,
      });
    }
    return rows;
  });
  if (fees.length > 0) await tx.ledgerEntry.createMany({ data: fees });

  const ids = performed.map((action) => action.invoiceId);
  const handedOver = performed
    .filter((action) => action.step.kind === "COLLECTION_HANDOVER")
    .map((action) => action.invoiceId);
  await tx.$executeRaw`
    UPDATE "Invoice" SET "version" = "version" + 1,
      "handedOverAt" = CASE WHEN "id" = ANY(${handedOver}::text[]) THEN ${now} ELSE "handedOverAt" END
     WHERE "id" = ANY(${ids}::text[])`;

  await recordInvoiceEvents(
    tx,
    performed.map((action) => ({
      organizationId,
      invoiceId: action.invoiceId,
      type: "REMINDER_SENT" as const,
      visibility: "CUSTOMER" as const,
      occurredAt: now,
      data: {
        actionId: action.id,
        step: stepName(action.step.kind),
        channel: action.step.channel.toLowerCase(),
        amountDueOre: action.step.amountDueOre,
        feeOre: action.step.feeOre,
        feeKind: action.step.feeKind,
        interestOre: action.step.interestOre,
        interestFrom: dayOrNull(action.step.interestFrom),
        interestThrough: dayOrNull(action.step.interestThrough),
        interestRateBasisPoints: action.step.interestRateBasisPoints,
        payBy: dayOrNull(action.step.payBy),
      },
    })),
  );
  await enqueueJobs(
    tx,
    "collections.send",
    performed
      .filter((action) => action.sendStatus === "PENDING")
      .map((action) => ({ organizationId, actionId: action.id })),
  );
}

export interface ForecastStep {
  date: string | null;
  kind: string;
  channel: string;
  feeOre: number;
  interestOre: number;
  reason: string;
  feeReason: string;
  interestReason: string;
  pausedBy: string | null;
  /** The variant this invoice gets at the step, when the step has an experiment. */
  variant: string | null;
}

export interface ForecastInvoice {
  invoiceId: string;
  number: number;
  dueDate: string;
  amountDueOre: number;
  policy: { id: string; name: string };
  steps: ForecastStep[];
}

export interface ForecastDay {
  date: string;
  kind: string;
  policyId: string;
  /** The step's variant (a split or the learner's choice); null without an experiment. */
  variant: string | null;
  invoices: number;
  feeOre: number;
  interestOre: number;
}

/** What one invoice's plan says for the window [from, from + days). */
export function forecastOf(entry: Evaluated, from: Date, days: number): ForecastInvoice | null {
  const end = addDays(from, days);
  const steps = entry.plan.steps.filter(
    (step) => step.date === null || (step.date >= from && step.date < end),
  );
  if (steps.length === 0) return null;
  const { invoice } = entry;
  return {
    invoiceId: invoice.collectionCase.invoiceId,
    number: invoice.number,
    dueDate: formatCalendarDate(invoice.collectionCase.dueDate),
    amountDueOre: invoice.collectionCase.amountDueOre,
    policy: { id: entry.policy.terms.id, name: entry.policy.terms.name },
    steps: steps.map((step) => ({
      date: dayOrNull(step.date),
      kind: stepName(step.kind),
      channel: step.channel.toLowerCase(),
      feeOre: step.feeOre,
      interestOre: step.interestOre,
      reason: step.pausedBy
        ? `paused: ${step.pausedBy.reason.toLowerCase()} since ${formatCalendarDate(step.pausedBy.since)}`
        : `${step.feeReason}; ${step.interestReason}`,
      feeReason: step.feeReason,
      interestReason: step.interestReason,
      pausedBy: step.pausedBy?.reason.toLowerCase() ?? null,
      variant: step.variant?.key ?? null,
    })),
  };
}

export interface Forecast {
  from: string;
  days: number;
  invoices: ForecastInvoice[];
  nextCursor: string | null;
}

/**
 * The dry run: what the run would do from `from` for `days` days if nothing else happened (no
 * payment, no pause), invoice by invoice, with cursor paging over invoice ids. The plan is made
 * as of today (steps a missed day would catch up on fall today), so the days ahead are exactly
 * what the daily runs will do.
 */
export async function forecastCollections(options: {
  db: Db;
  organizationId: string;
  today?: Date;
  from: Date;
  days: number;
  cursor?: string | null;
  limit?: number;
}): Promise<Forecast> {
  const { db, organizationId, from, days } = options;
  const today = options.today ?? todayInSweden();
  const limit = options.limit ?? 100;
  const context = await evaluationContext(db, organizationId, today);
  const found: ForecastInvoice[] = [];
  let afterId = options.cursor ?? null;
  let nextCursor: string | null = null;
  // Reads on in chunks until a page is full: most unpaid invoices have nothing in a short window.
  for (;;) {
    const invoices = await loadCollectionInvoices(db, {
      organizationId,
      afterId,
      limit: RUN_CHUNK,
    });
    if (invoices.length === 0) break;
    const evaluated = await evaluateInvoices(db, context, invoices);
    let stoppedAt: string | null = null;
    for (const entry of evaluated) {
      const forecast = forecastOf(entry, from, days);
      if (!forecast) continue;
      if (found.length === limit) {
        stoppedAt = found.at(-1)!.invoiceId;
        break;
      }
      found.push(forecast);
    }
    if (stoppedAt) {
      nextCursor = stoppedAt;
      break;
    }
    afterId = invoices.at(-1)!.collectionCase.invoiceId;
    if (invoices.length < RUN_CHUNK) break;
  }
  return { from: formatCalendarDate(from), days, invoices: found, nextCursor };
}

/** Per day, step kind and policy: how many invoices, what fees and interest (the console's view). */
export async function forecastTotals(options: {
  db: Db;
  organizationId: string;
  today?: Date;
  from: Date;
  days: number;
}): Promise<{ totals: ForecastDay[]; paused: number; invoices: number }> {
  const { db, organizationId, from, days } = options;
  const today = options.today ?? todayInSweden();
  const context = await evaluationContext(db, organizationId, today);
  const totals = new Map<string, ForecastDay>();
  let paused = 0;
  let count = 0;
  let afterId: string | null = null;
  for (;;) {
    const invoices = await loadCollectionInvoices(db, {
      organizationId,
      afterId,
      limit: RUN_CHUNK,
    });
    if (invoices.length === 0) break;
    for (const entry of await evaluateInvoices(db, context, invoices)) {
      const forecast = forecastOf(entry, from, days);
      if (!forecast) continue;
      count += 1;
      for (const step of forecast.steps) {
        if (step.date === null) {
          paused += 1;
          continue;
        }
        const key = `${step.date}|${step.kind}|${entry.policy.terms.id}|${step.variant ?? ""}`;
        const total = totals.get(key) ?? {
          date: step.date,
          kind: step.kind,
          policyId: entry.policy.terms.id,
          variant: step.variant,
          invoices: 0,
          feeOre: 0,
          interestOre: 0,
        };
        total.invoices += 1;
        total.feeOre += step.feeOre;
        total.interestOre += step.interestOre;
        totals.set(key, total);
      }
    }
    afterId = invoices.at(-1)!.collectionCase.invoiceId;
    if (invoices.length < RUN_CHUNK) break;
  }
  const sorted = [...totals.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.kind.localeCompare(b.kind) ||
      (a.variant ?? "").localeCompare(b.variant ?? ""),
  );
  return { totals: sorted, paused, invoices: count };
}
