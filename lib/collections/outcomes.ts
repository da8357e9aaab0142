import { customerBand, parseObjective } from "@/lib/collections/learner";
import { overdueCountsOn } from "@/lib/collections/run";
import { tenureInMonths } from "@/lib/content/targeting/facts";
import { addDays, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";

/**
 * What became of each collection step taken, measured from the ledger, the chat and the contracts:
 * paid in full within 3, 7 and 14 days of the step, days from the due date to payment, whether a
 * next step or the handover followed, customer messages within 14 days, churn (a contract ended)
 * within 90 days, and the fee and interest the step charged and how much of them was paid (a
 * payment settles costs before the principal). Refreshed daily until the last window closes; the
 * reward is the organisation's objective once the payment and support windows have closed, and is
 * what the learner learns from (updateBeliefs).
 */
export const OUTCOME_FINAL_AFTER_DAYS = 90;
const SUPPORT_WINDOW_DAYS = 14;

export interface OutcomeRefresh {
  created: number;
  updated: number;
}

export async function refreshOutcomes(options: {
  db: Db;
  organizationId: string;
  today?: Date;
  chunk?: number;
}): Promise<OutcomeRefresh> {
  const { db, organizationId } = options;
  const today = options.today ?? todayInSweden();
  const chunk = options.chunk ?? 2_000;
  const created = await createMissingOutcomes(db, organizationId, chunk);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { collectionObjective: true },
  });
  const objective = parseObjective(organization.collectionObjective);
  let updated = 0;
  let afterId = "";
  for (;;) {
    const ids = (
      await db.collectionOutcome.findMany({
        where: { organizationId, final: false, actionId: { gt: afterId } },
        orderBy: { actionId: "asc" },
        take: chunk,
        select: { actionId: true },
      })
    ).map((row) => row.actionId);
    if (ids.length === 0) break;
    updated += await db.$executeRaw`
      WITH facts AS (
        SELECT a."id" AS "actionId", a."performedOn", a."performedAt", a."feeOre", a."interestOre",
          i."dueDate", i."handedOverAt",
          l."balance", l."paidOre", l."costsOre", l."paidAt",
          EXISTS (SELECT 1 FROM "CollectionAction" n WHERE n."invoiceId" = a."invoiceId"
                   AND n."performedAt" > a."performedAt") AS "next",
          (SELECT count(*)::int FROM "ChatMessage" m
             JOIN "Conversation" c ON c."id" = m."conversationId"
            WHERE c."customerId" = i."customerId" AND c."organizationId" = i."organizationId"
              AND m."authorType" = 'CUSTOMER' AND m."kind" = 'MESSAGE'
              AND m."createdAt" >= a."performedAt"
              AND m."createdAt" < a."performedAt" + make_interval(days => ${SUPPORT_WINDOW_DAYS}))
            AS "contacts",
          EXISTS (SELECT 1 FROM "Contract" k WHERE k."customerId" = i."customerId"
                   AND k."organizationId" = i."organizationId"
                   AND k."endsOn" >= a."performedOn"
                   AND k."endsOn" <= a."performedOn" + ${OUTCOME_FINAL_AFTER_DAYS}::int) AS "churned"
          FROM "CollectionAction" a
          JOIN "Invoice" i ON i."id" = a."invoiceId"
          CROSS JOIN LATERAL (
            SELECT COALESCE(SUM(e."amountOre"), 0)::int AS "balance",
              COALESCE(-SUM(e."amountOre") FILTER (WHERE e."kind" IN ('PAYMENT', 'REFUND')), 0)::int
                AS "paidOre",
              COALESCE(SUM(e."amountOre") FILTER (WHERE e."kind" = 'FEE'), 0)::int AS "costsOre",
              MAX(e."occurredAt") FILTER (WHERE e."kind" IN ('PAYMENT', 'CREDIT')) AS "paidAt"
            FROM "LedgerEntry" e WHERE e."invoiceId" = a."invoiceId"
          ) l
         WHERE a."id" = ANY(${ids}::text[])
      ), measured AS (
        SELECT f.*,
          CASE WHEN f."balance" <= 0 AND f."paidAt" IS NOT NULL
            THEN ((f."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date END
            AS "paidOn",
          CASE WHEN f."costsOre" > 0
            THEN LEAST(1.0, GREATEST(0, f."paidOre")::numeric / f."costsOre") ELSE 0 END AS "costShare"
        FROM facts f
      ), windows AS (
        SELECT m.*,
          CASE WHEN m."paidOn" IS NOT NULL AND m."paidOn" <= m."performedOn" + 3 THEN true
               WHEN ${today}::date > m."performedOn" + 3 THEN false END AS "w3",
          CASE WHEN m."paidOn" IS NOT NULL AND m."paidOn" <= m."performedOn" + 7 THEN true
               WHEN ${today}::date > m."performedOn" + 7 THEN false END AS "w7",
          CASE WHEN m."paidOn" IS NOT NULL AND m."paidOn" <= m."performedOn" + 14 THEN true
               WHEN ${today}::date > m."performedOn" + 14 THEN false END AS "w14",
          CASE WHEN m."churned" THEN true
               WHEN ${today}::date > m."performedOn" + ${OUTCOME_FINAL_AFTER_DAYS}::int THEN false END
            AS "churn"
        FROM measured m
      )
      UPDATE "CollectionOutcome" o SET
        "paidWithin3" = w."w3", "paidWithin7" = w."w7", "paidWithin14" = w."w14",
        "paidOn" = w."paidOn",
        "daysDueToPaid" = CASE WHEN w."paidOn" IS NOT NULL AND w."dueDate" IS NOT NULL
                          THEN w."paidOn" - w."dueDate" END,
        "reachedNextStep" = w."next",
        "reachedHandover" = w."handedOverAt" IS NOT NULL,
        "supportContacts14d" = w."contacts",
        "churned90d" = w."churn",
        "feePaidOre" = ROUND(w."feeOre" * w."costShare")::int,
        "interestPaidOre" = ROUND(w."interestOre" * w."costShare")::int,
        "reward" = CASE
          WHEN ${today}::date < w."performedOn" + ${SUPPORT_WINDOW_DAYS}::int THEN NULL
          WHEN (CASE ${objective.paidWithinDays}::int WHEN 3 THEN w."w3" WHEN 7 THEN w."w7"
                ELSE w."w14" END) IS NULL THEN NULL
          ELSE GREATEST(0, LEAST(1,
            (CASE ${objective.paidWithinDays}::int WHEN 3 THEN w."w3" WHEN 7 THEN w."w7"
              ELSE w."w14" END)::int
            - CASE WHEN w."churned" THEN ${objective.churnPenalty}::float8 ELSE 0 END
            - CASE WHEN w."contacts" > 0 THEN ${objective.supportPenalty}::float8 ELSE 0 END))
          END,
        "final" = ${today}::date > w."performedOn" + ${OUTCOME_FINAL_AFTER_DAYS}::int,
        "updatedAt" = now()
      FROM windows w WHERE o."actionId" = w."actionId"`;
    afterId = ids.at(-1)!;
    if (ids.length < chunk) break;
  }
  return { created, updated };
}

/** One outcome row per step taken, with the customer's band as it was that day. */
async function createMissingOutcomes(db: Db, organizationId: string, chunk: number) {
  let created = 0;
  for (;;) {
    const actions = await db.$queryRaw<
      Array<{
        id: string;
        invoiceId: string;
        policyId: string;
        stepId: string;
        variantKey: string | null;
        assignment: { band?: unknown } | null;
        performedOn: Date;
        amountDueOre: number;
        feeOre: number;
        interestOre: number;
        customerId: string;
        customerSince: Date;
        isBusiness: boolean;
      }>
    >`SELECT a."id", a."invoiceId", a."policyId", a."stepId", a."variantKey", a."assignment",
             a."performedOn", a."amountDueOre", a."feeOre", a."interestOre",
             c."id" AS "customerId", c."customerSince", c."isBusiness"
        FROM "CollectionAction" a
        JOIN "Invoice" i ON i."id" = a."invoiceId"
        JOIN "Customer" c ON c."id" = i."customerId"
       WHERE a."organizationId" = ${organizationId}
         AND NOT EXISTS (SELECT 1 FROM "CollectionOutcome" o WHERE o."actionId" = a."id")
       ORDER BY a."performedOn", a."id" LIMIT ${chunk}`;
    if (actions.length === 0) return created;
    const rows = [];
    // The payment history as it was the day of the step (counted once per day in the chunk).
    const days = [...new Set(actions.map((a) => formatCalendarDate(a.performedOn)))];
    const history = new Map<string, ReadonlyMap<string, number>>();
    for (const day of days) {
      const onDay = actions.filter((a) => formatCalendarDate(a.performedOn) === day);
      history.set(
        day,
        await overdueCountsOn(db, organizationId, new Date(`${day}T00:00:00Z`), [
          ...new Set(onDay.map((a) => a.customerId)),
        ]),
      );
    }
    for (const action of actions) {
      const day = formatCalendarDate(action.performedOn);
      const band =
        typeof action.assignment?.band === "string"
          ? action.assignment.band
          : customerBand({
              tenureMonths: tenureInMonths(action.customerSince, action.performedOn),
              overdueInvoices12m: history.get(day)?.get(action.customerId) ?? 0,
              amountDueOre: action.amountDueOre,
              isBusiness: action.isBusiness,
            });
      rows.push({
        actionId: action.id,
        organizationId,
        invoiceId: action.invoiceId,
        policyId: action.policyId,
        stepId: action.stepId,
        variantKey: action.variantKey,
        band,
        performedOn: action.performedOn,
        feeOre: action.feeOre,
        interestOre: action.interestOre,
      });
    }
    created += (await db.collectionOutcome.createMany({ data: rows, skipDuplicates: true })).count;
  }
}

/**
 * The learner's beliefs, recomputed from every outcome with a reward: per step, band and variant,
 * Beta(1 + successes, 1 + failures) over the reward (a fractional reward counts fractionally). A
 * belief that did not change keeps its time, so the version the draws are seeded by moves only
 * when something was learned.
 */
export async function updateBeliefs(db: Db, organizationId: string): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "CollectionLearnerState" ("stepId", "band", "variantKey", "alpha", "beta",
      "samples", "updatedAt")
    SELECT o."stepId", o."band", o."variantKey", SUM(o."reward"), COUNT(*) - SUM(o."reward"),
      COUNT(*)::int, now()
      FROM "CollectionOutcome" o
      JOIN "CollectionStep" s ON s."id" = o."stepId" AND s."experimentMode" = 'LEARNING'
     WHERE o."organizationId" = ${organizationId} AND o."variantKey" IS NOT NULL
       AND o."reward" IS NOT NULL
     GROUP BY o."stepId", o."band", o."variantKey"
    ON CONFLICT ("stepId", "band", "variantKey") DO UPDATE
      SET "alpha" = EXCLUDED."alpha", "beta" = EXCLUDED."beta", "samples" = EXCLUDED."samples",
          "updatedAt" = now()
      WHERE "CollectionLearnerState"."samples" <> EXCLUDED."samples"
         OR "CollectionLearnerState"."alpha" <> EXCLUDED."alpha"`;
}

/** The day a step's outcome is final: its last window closed. */
export const outcomeFinalOn = (performedOn: Date) =>
  addDays(performedOn, OUTCOME_FINAL_AFTER_DAYS + 1);
