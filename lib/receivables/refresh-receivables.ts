import {
  addDays,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
  todayInSweden,
} from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";

/**
 * Rebuilds the dashboard's pre-aggregated rows (ReceivablesDaily, ReceivablesExperimentDaily,
 * ReceivablesSegment) from the invoices, the ledger, the collection steps and their outcomes, the
 * chat and the contracts. Days are recomputed a chunk at a time, each chunk in one transaction: an
 * INSERT … ON CONFLICT DO UPDATE per table of every row the chunk's days yield, then a DELETE of
 * the rows of those days it no longer yields (a customer moved to another segment). Readers never
 * see a half-done chunk, and running it twice changes nothing.
 *
 * An invoice's figures keep changing after it is issued (payments, reminders, fees, chats, a
 * contract ending in the 90 days after a reminder), so the daily run recomputes the issue days of
 * the last ROLLING_WINDOW_DAYS — long enough for a 30-day term, the reminders after it and the
 * 90-day churn window to close — and the first run of an organisation recomputes everything.
 * Something that changes an older invoice (a late payment on a claim handed over long ago) shows
 * at the next full refresh (`full: true`).
 */

/** Days recomputed by the daily run: due date (~30) + reminders (~45) + the churn window (90). */
export const ROLLING_WINDOW_DAYS = 180;
/** Days per transaction: about a month of invoices (40,000 at a million a year and a half). */
export const REFRESH_CHUNK_DAYS = 31;
/** Histogram buckets of days from issue to paid in full: 0–99 one day each, the last 100+. */
export const DAYS_TO_PAY_BUCKETS = 101;
/** The churn window: a contract ending within this many days after the reminder (or due date). */
export const CHURN_WINDOW_DAYS = 90;

export interface RefreshReceivablesOptions {
  organizationId: string;
  /** First and last issue/movement day to recompute (Swedish calendar days, YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Recompute every day the organisation has data for (also the default on its first run). */
  full?: boolean;
  /** The refresh's "today" (tests, benchmarks); Swedish today by default. */
  now?: Date;
}

export interface RefreshReceivablesSummary {
  from: string | null;
  to: string | null;
  days: number;
  chunks: number;
  full: boolean;
  /** Rows written (inserted or updated) and removed over all chunks. */
  rowsWritten: number;
  rowsRemoved: number;
  segments: number;
}

export async function refreshReceivables(
  db: Db,
  options: RefreshReceivablesOptions,
): Promise<RefreshReceivablesSummary> {
  const today = todayInSweden(options.now);
  const range = await daysToRefresh(db, options, today);
  const summary: RefreshReceivablesSummary = {
    from: range ? formatCalendarDate(range.from) : null,
    to: range ? formatCalendarDate(range.to) : null,
    days: range ? daysBetween(range.from, range.to) + 1 : 0,
    chunks: 0,
    full: range?.full ?? false,
    rowsWritten: 0,
    rowsRemoved: 0,
    segments: 0,
  };
  if (range) {
    for (let start = range.from; start <= range.to; start = addDays(start, REFRESH_CHUNK_DAYS)) {
      const end = addDays(start, REFRESH_CHUNK_DAYS - 1);
      const chunk = {
        from: formatCalendarDate(start),
        to: formatCalendarDate(end < range.to ? end : range.to),
      };
      const { written, removed } = await db.$transaction(
        async (tx) => refreshDays(tx, options.organizationId, chunk, formatCalendarDate(today)),
        { ...QUEUED_TRANSACTION, timeout: 120_000 },
      );
      summary.chunks += 1;
      summary.rowsWritten += written;
      summary.rowsRemoved += removed;
    }
  }
  summary.segments = await db.$transaction(
    async (tx) => refreshSegments(tx, options.organizationId, formatCalendarDate(today)),
    { ...QUEUED_TRANSACTION, timeout: 120_000 },
  );
  return summary;
}

/** The days a run recomputes: those asked for, everything (first run or full), or the window. */
async function daysToRefresh(
  db: Db,
  options: RefreshReceivablesOptions,
  today: Date,
): Promise<{ from: Date; to: Date; full: boolean } | null> {
  if (options.from || options.to) {
    const from = options.from
      ? parseCalendarDate(options.from)
      : addDays(today, -ROLLING_WINDOW_DAYS);
    const to = options.to ? parseCalendarDate(options.to) : today;
    return from <= to ? { from, to, full: false } : null;
  }
  const seen = await db.receivablesDaily.findFirst({
    where: { organizationId: options.organizationId },
    select: { day: true },
  });
  if (!options.full && seen) {
    return { from: addDays(today, -ROLLING_WINDOW_DAYS), to: today, full: false };
  }
  // Everything: from the first issue day or ledger movement to the last (or today).
  const [bounds] = await db.$queryRaw<Array<{ first: string | null; last: string | null }>>`
    SELECT to_char(least(i."first", l."first"), 'YYYY-MM-DD') AS "first",
           to_char(greatest(i."last", l."last"), 'YYYY-MM-DD') AS "last"
      FROM (SELECT min("issueDate") AS "first", max("issueDate") AS "last" FROM "Invoice"
             WHERE "organizationId" = ${options.organizationId} AND "kind" = 'INVOICE'
               AND "status" <> 'DRAFT') i,
           (SELECT ((min("occurredAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "first",
                   ((max("occurredAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "last"
              FROM "LedgerEntry" WHERE "organizationId" = ${options.organizationId}) l`;
  if (!bounds?.first || !bounds.last) return null;
  const last = parseCalendarDate(bounds.last);
  return { from: parseCalendarDate(bounds.first), to: last > today ? last : today, full: true };
}

/**
 * One chunk of days. Per invoice issued in it: its ledger walked in time order (paid in full at
 * the first entry where payments have been made and the running balance is at most 0 — the rule
 * of lib/content/analytics/outcomes.ts), its fees and interest charged, waived and paid, refunds
 * and credits, its first reminder and any handover, its customer's chat messages, and whether a
 * contract of the customer ended in the 90 days after the first reminder (or, with none, the due
 * date). Then per day the ledger's movements on all the organisation's invoices.
 *
 * Fees and interest paid: a payment settles costs before the principal, as the collections
 * engine does (lib/collections/interest.ts; a refund gives money back on the principal). With C and
 * P the running costs and payments, what went to costs by the end is
 * P_end + min(0, min over entries of C − P): a payment made before a fee was charged does not pay
 * it. Of that, fees are settled before interest.
 */
async function refreshDays(
  tx: Prisma.TransactionClient,
  organizationId: string,
  chunk: { from: string; to: string },
  today: string,
): Promise<{ written: number; removed: number }> {
  // The planner's estimates for the joined CTEs run to millions of rows, which switches on JIT
  // compilation: on PostgreSQL that took 1.7 of a chunk's 2.6 s. The statement is plain
  // aggregation, so JIT is off for the transaction.
  await tx.$executeRaw`SET LOCAL jit = off`;
  const written = await tx.$executeRaw(upsertDaysStatement(organizationId, chunk, today));
  await tx.$executeRaw(upsertExperimentDaysStatement(organizationId, chunk));
  // Rows of these days this refresh did not write: their (segment, kind) has no invoice left.
  const removed = await tx.$executeRaw`
    DELETE FROM "ReceivablesDaily"
     WHERE "organizationId" = ${organizationId}
       AND "day" BETWEEN ${chunk.from}::date AND ${chunk.to}::date
       AND "refreshedAt" <> (now() AT TIME ZONE 'UTC')::timestamp(3)`;
  await tx.$executeRaw`
    DELETE FROM "ReceivablesExperimentDaily"
     WHERE "organizationId" = ${organizationId}
       AND "day" BETWEEN ${chunk.from}::date AND ${chunk.to}::date
       AND "refreshedAt" <> (now() AT TIME ZONE 'UTC')::timestamp(3)`;
  return { written, removed };
}

/**
 * The experiment outcomes of the steps taken on the chunk's days (with a variant), summed per
 * day, segment, kind, step and variant: the outcome job's measurements as they stand now.
 */
export function upsertExperimentDaysStatement(
  organizationId: string,
  chunk: { from: string; to: string },
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ReceivablesExperimentDaily" (
      "organizationId", "day", "segment", "isBusiness", "stepId", "variantKey", "actions",
      "paidWithin14", "paidWithin14Decided", "reachedNextStep", "finalOutcomes", "withContact",
      "supportContacts", "churned", "churnDecided", "rewardSum", "rewards", "refreshedAt")
    SELECT ${organizationId}, o."performedOn", x."segment", x."isBusiness", o."stepId",
           o."variantKey", count(*)::int,
           count(*) FILTER (WHERE o."paidWithin14")::int, count(o."paidWithin14")::int,
           count(*) FILTER (WHERE o."final" AND o."reachedNextStep")::int,
           count(*) FILTER (WHERE o."final")::int,
           count(*) FILTER (WHERE o."supportContacts14d" > 0)::int,
           COALESCE(sum(o."supportContacts14d"), 0)::int,
           count(*) FILTER (WHERE o."churned90d")::int, count(o."churned90d")::int,
           COALESCE(sum(o."reward"), 0)::float8, count(o."reward")::int,
           (now() AT TIME ZONE 'UTC')::timestamp(3)
      FROM "CollectionOutcome" o
      CROSS JOIN LATERAL (
        SELECT COALESCE(c."segment", '') AS "segment", c."isBusiness"
          FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
         WHERE i."id" = o."invoiceId"
         LIMIT 1
      ) x
     WHERE o."organizationId" = ${organizationId} AND o."variantKey" IS NOT NULL
       AND o."performedOn" BETWEEN ${chunk.from}::date AND ${chunk.to}::date
     GROUP BY o."performedOn", x."segment", x."isBusiness", o."stepId", o."variantKey"
    ON CONFLICT ("organizationId", "day", "segment", "isBusiness", "stepId", "variantKey")
    DO UPDATE SET
      "actions" = EXCLUDED."actions", "paidWithin14" = EXCLUDED."paidWithin14",
      "paidWithin14Decided" = EXCLUDED."paidWithin14Decided",
      "reachedNextStep" = EXCLUDED."reachedNextStep", "finalOutcomes" = EXCLUDED."finalOutcomes",
      "withContact" = EXCLUDED."withContact", "supportContacts" = EXCLUDED."supportContacts",
      "churned" = EXCLUDED."churned", "churnDecided" = EXCLUDED."churnDecided",
      "rewardSum" = EXCLUDED."rewardSum", "rewards" = EXCLUDED."rewards",
      "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/** The chunk's one INSERT … ON CONFLICT DO UPDATE (apart, so a benchmark can EXPLAIN it). */
export function upsertDaysStatement(
  organizationId: string,
  chunk: { from: string; to: string },
  today: string,
): Prisma.Sql {
  return Prisma.sql`
    WITH inv AS MATERIALIZED (
      SELECT i."id", i."customerId", i."issueDate" AS "day", i."dueDate", i."totalOre",
             i."handedOverAt" IS NOT NULL AS "handedOver",
             COALESCE(c."segment", '') AS "segment", c."isBusiness"
        FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
       WHERE i."organizationId" = ${organizationId} AND i."kind" = 'INVOICE'
         AND i."status" <> 'DRAFT'
         AND i."issueDate" BETWEEN ${chunk.from}::date AND ${chunk.to}::date
    ),
    -- Per invoice, each lookup a LATERAL on its own index (ledger by invoice and time, steps by
    -- invoice, the conversation by invoice): the work grows with the chunk, not with the tables,
    -- and every lateral yields one row, so the planner's estimates stay those of the chunk.
    joined AS (
      SELECT inv.*, l.*, a.*, COALESCE(k."messages", 0) AS "messages",
             COALESCE(a."firstReminder", inv."dueDate") AS "churnFrom"
        FROM inv
        CROSS JOIN LATERAL (
          SELECT min(e."on") FILTER (WHERE e."paid" > 0 AND e."balance" <= 0) AS "paidOn",
                 COALESCE(sum(e."amountOre") FILTER (WHERE e."kind" NOT IN ('PAYMENT', 'REFUND')), 0) AS "owed",
                 COALESCE(-sum(e."amountOre") FILTER (WHERE e."kind" = 'PAYMENT'), 0) AS "paidTotal",
                 least(0, min(e."costsLessPaid")) AS "costsShortfall",
                 COALESCE(sum(e."amountOre") FILTER (WHERE e."kind" = 'FEE' AND e."amountOre" > 0 AND NOT e."isInterest"), 0) AS "feesCharged",
                 COALESCE(-sum(e."amountOre") FILTER (WHERE e."kind" = 'FEE' AND e."amountOre" < 0 AND NOT e."isInterest"), 0) AS "feesWaived",
                 COALESCE(sum(e."amountOre") FILTER (WHERE e."kind" = 'FEE' AND e."amountOre" > 0 AND e."isInterest"), 0) AS "interestCharged",
                 COALESCE(-sum(e."amountOre") FILTER (WHERE e."kind" = 'FEE' AND e."amountOre" < 0 AND e."isInterest"), 0) AS "interestWaived",
                 COALESCE(sum(e."amountOre") FILTER (WHERE e."kind" = 'REFUND'), 0) AS "refunded",
                 COALESCE(-sum(e."amountOre") FILTER (WHERE e."kind" = 'CREDIT'), 0) AS "credited"
            FROM (
              SELECT l."kind", l."amountOre",
                     ((l."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "on",
                     -- A waiver (a negative FEE, "waive:<fee entry>") is of a fee or of interest,
                     -- as the entry it waives.
                     COALESCE(CASE WHEN l."kind" = 'FEE' AND l."amountOre" < 0
                                        AND l."externalRef" LIKE 'waive:%'
                                   THEN (SELECT w."externalRef" FROM "LedgerEntry" w
                                          WHERE w."id" = substr(l."externalRef", 7))
                                   ELSE l."externalRef" END, '') LIKE 'interest:%' AS "isInterest",
                     sum(l."amountOre") OVER running AS "balance",
                     sum(CASE WHEN l."kind" = 'PAYMENT' THEN -l."amountOre" ELSE 0 END) OVER running AS "paid",
                     sum(CASE WHEN l."kind" = 'FEE' THEN l."amountOre" ELSE 0 END) OVER running
                       - sum(CASE WHEN l."kind" = 'PAYMENT' THEN -l."amountOre" ELSE 0 END) OVER running
                       AS "costsLessPaid"
                FROM "LedgerEntry" l
               WHERE l."invoiceId" = inv."id"
              WINDOW running AS (ORDER BY l."occurredAt", l."id" ROWS UNBOUNDED PRECEDING)
            ) e
        ) l
        CROSS JOIN LATERAL (
          SELECT min(s."performedOn") FILTER (
                   WHERE s."kind" IN ('REMINDER', 'FINAL_REMINDER', 'COLLECTION_HANDOVER')) AS "firstReminder",
                 COALESCE(bool_or(s."kind" = 'COLLECTION_HANDOVER'), false) OR inv."handedOver"
                   AS "reachedHandover"
            FROM "CollectionAction" s WHERE s."invoiceId" = inv."id"
        ) a
        LEFT JOIN LATERAL (
          SELECT count(*)::int AS "messages"
            FROM "Conversation" cv JOIN "ChatMessage" m ON m."conversationId" = cv."id"
           WHERE cv."invoiceId" = inv."id" AND m."authorType" = 'CUSTOMER' AND m."kind" = 'MESSAGE'
        ) k ON true
    ),
    facts AS MATERIALIZED (
      SELECT j."day", j."segment", j."isBusiness", j."totalOre", j."firstReminder",
             j."reachedHandover", j."messages",
             j."hasAmount" AND j."dueDate" IS NOT NULL
               AND (j."paidOn" IS NOT NULL OR ${today}::date > j."dueDate") AS "onTimeDecided",
             j."hasAmount" AND j."paidOn" <= j."dueDate" AS "paidOnTime",
             CASE WHEN j."hasAmount" AND j."paidOn" IS NOT NULL
                  THEN least(${DAYS_TO_PAY_BUCKETS - 1}::int, greatest(0, j."paidOn" - j."day")) END AS "bucket",
             j."feesCharged", j."feesWaived",
             least(j."feesNet", j."costsPaid") AS "feesPaid",
             j."interestCharged", j."interestWaived",
             j."costsPaid" - least(j."feesNet", j."costsPaid") AS "interestPaid",
             j."refunded", j."credited",
             j."churnFrom" IS NOT NULL
               AND j."churnFrom" + ${CHURN_WINDOW_DAYS}::int <= ${today}::date AS "churnDecided",
             CASE WHEN j."churnFrom" IS NOT NULL
                   AND j."churnFrom" + ${CHURN_WINDOW_DAYS}::int <= ${today}::date
                  THEN EXISTS (SELECT 1 FROM "Contract" ct
                                WHERE ct."customerId" = j."customerId"
                                  AND ct."endsOn" > j."churnFrom"
                                  AND ct."endsOn" <= j."churnFrom" + ${CHURN_WINDOW_DAYS}::int)
                  ELSE false END AS "churned"
        FROM (
          SELECT joined.*,
                 joined."owed" > 0 OR joined."paidOn" IS NOT NULL AS "hasAmount",
                 greatest(0, joined."feesCharged" - joined."feesWaived") AS "feesNet",
                 greatest(0, least(joined."costsShortfall" + joined."paidTotal",
                                   joined."feesCharged" - joined."feesWaived"
                                     + joined."interestCharged" - joined."interestWaived"))
                   AS "costsPaid"
            FROM joined
        ) j
    ),
    cohort AS (
      SELECT "day", "segment", "isBusiness",
             count(*)::int AS "invoices",
             sum("totalOre")::bigint AS "issuedOre",
             count(*) FILTER (WHERE "onTimeDecided")::int AS "onTimeDecided",
             count(*) FILTER (WHERE "onTimeDecided" AND "paidOnTime")::int AS "paidOnTime",
             count("bucket")::int AS "paidInFull",
             -- The buckets as a list here; made into the dense histogram row by row below.
             array_agg("bucket") FILTER (WHERE "bucket" IS NOT NULL) AS "buckets",
             count("firstReminder")::int AS "reachedReminder",
             count(*) FILTER (WHERE "reachedHandover")::int AS "reachedHandover",
             sum("feesCharged")::bigint AS "feesChargedOre",
             sum("feesWaived")::bigint AS "feesWaivedOre",
             sum("feesPaid")::bigint AS "feesPaidOre",
             sum("interestCharged")::bigint AS "interestChargedOre",
             sum("interestWaived")::bigint AS "interestWaivedOre",
             sum("interestPaid")::bigint AS "interestPaidOre",
             sum("refunded")::bigint AS "refundedOre",
             sum("credited")::bigint AS "creditedOre",
             count(*) FILTER (WHERE "credited" > 0)::int AS "creditedInvoices",
             sum("messages")::int AS "supportContacts",
             count(*) FILTER (WHERE "messages" > 0)::int AS "invoicesWithContact",
             count(*) FILTER (WHERE "churnDecided" AND "firstReminder" IS NOT NULL)::int AS "churnRemindedDecided",
             count(*) FILTER (WHERE "churned" AND "firstReminder" IS NOT NULL)::int AS "churnRemindedChurned",
             count(*) FILTER (WHERE "churnDecided" AND "firstReminder" IS NULL)::int AS "churnUnremindedDecided",
             count(*) FILTER (WHERE "churned" AND "firstReminder" IS NULL)::int AS "churnUnremindedChurned"
        FROM facts GROUP BY "day", "segment", "isBusiness"
    ),
    movements AS (
      SELECT ((l."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date AS "day",
             l."invoiceId", sum(l."amountOre") AS "amountOre"
        FROM "LedgerEntry" l
       WHERE l."organizationId" = ${organizationId}
         AND l."occurredAt" >= ((${chunk.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC'
         AND l."occurredAt" < ((${chunk.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC'
       GROUP BY 1, 2
    ),
    flow AS (
      SELECT mv."day", x."segment", x."isBusiness", sum(mv."amountOre")::bigint AS "ledgerNetOre"
        FROM movements mv
        CROSS JOIN LATERAL (
          SELECT COALESCE(c."segment", '') AS "segment", c."isBusiness"
            FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
           WHERE i."id" = mv."invoiceId"
           -- One invoice; the LIMIT also keeps the planner from turning this into a hash join
           -- over every invoice of the organisation.
           LIMIT 1
        ) x
       GROUP BY 1, 2, 3
    )
    INSERT INTO "ReceivablesDaily" AS r (
      "organizationId", "day", "segment", "isBusiness", "invoices", "issuedOre", "onTimeDecided",
      "paidOnTime", "paidInFull", "daysToPay", "reachedReminder", "reachedHandover",
      "feesChargedOre", "feesWaivedOre", "feesPaidOre", "interestChargedOre", "interestWaivedOre",
      "interestPaidOre", "refundedOre", "creditedOre", "creditedInvoices", "supportContacts",
      "invoicesWithContact", "churnRemindedDecided", "churnRemindedChurned",
      "churnUnremindedDecided", "churnUnremindedChurned", "ledgerNetOre", "refreshedAt")
    SELECT ${organizationId}, COALESCE(c."day", f."day"), COALESCE(c."segment", f."segment"),
           COALESCE(c."isBusiness", f."isBusiness"),
           COALESCE(c."invoices", 0), COALESCE(c."issuedOre", 0), COALESCE(c."onTimeDecided", 0),
           COALESCE(c."paidOnTime", 0), COALESCE(c."paidInFull", 0),
           CASE WHEN c."day" IS NULL THEN '{}'::int[]
                ELSE ARRAY(SELECT COALESCE(n."count", 0)::int
                             FROM generate_series(0, ${DAYS_TO_PAY_BUCKETS - 1}::int) AS b("bucket")
                             LEFT JOIN (SELECT u AS "bucket", count(*) AS "count"
                                          FROM unnest(c."buckets") AS u GROUP BY u) n
                                    ON n."bucket" = b."bucket"
                            ORDER BY b."bucket") END,
           COALESCE(c."reachedReminder", 0),
           COALESCE(c."reachedHandover", 0), COALESCE(c."feesChargedOre", 0),
           COALESCE(c."feesWaivedOre", 0), COALESCE(c."feesPaidOre", 0),
           COALESCE(c."interestChargedOre", 0), COALESCE(c."interestWaivedOre", 0),
           COALESCE(c."interestPaidOre", 0), COALESCE(c."refundedOre", 0),
           COALESCE(c."creditedOre", 0), COALESCE(c."creditedInvoices", 0),
           COALESCE(c."supportContacts", 0), COALESCE(c."invoicesWithContact", 0),
           COALESCE(c."churnRemindedDecided", 0), COALESCE(c."churnRemindedChurned", 0),
           COALESCE(c."churnUnremindedDecided", 0), COALESCE(c."churnUnremindedChurned", 0),
           COALESCE(f."ledgerNetOre", 0), (now() AT TIME ZONE 'UTC')::timestamp(3)
      FROM cohort c
      FULL JOIN flow f ON f."day" = c."day" AND f."segment" = c."segment"
           AND f."isBusiness" = c."isBusiness"
    ON CONFLICT ("organizationId", "day", "segment", "isBusiness") DO UPDATE SET
      "invoices" = EXCLUDED."invoices", "issuedOre" = EXCLUDED."issuedOre",
      "onTimeDecided" = EXCLUDED."onTimeDecided", "paidOnTime" = EXCLUDED."paidOnTime",
      "paidInFull" = EXCLUDED."paidInFull", "daysToPay" = EXCLUDED."daysToPay",
      "reachedReminder" = EXCLUDED."reachedReminder", "reachedHandover" = EXCLUDED."reachedHandover",
      "feesChargedOre" = EXCLUDED."feesChargedOre", "feesWaivedOre" = EXCLUDED."feesWaivedOre",
      "feesPaidOre" = EXCLUDED."feesPaidOre", "interestChargedOre" = EXCLUDED."interestChargedOre",
      "interestWaivedOre" = EXCLUDED."interestWaivedOre",
      "interestPaidOre" = EXCLUDED."interestPaidOre", "refundedOre" = EXCLUDED."refundedOre",
      "creditedOre" = EXCLUDED."creditedOre", "creditedInvoices" = EXCLUDED."creditedInvoices",
      "supportContacts" = EXCLUDED."supportContacts",
      "invoicesWithContact" = EXCLUDED."invoicesWithContact",
      "churnRemindedDecided" = EXCLUDED."churnRemindedDecided",
      "churnRemindedChurned" = EXCLUDED."churnRemindedChurned",
      "churnUnremindedDecided" = EXCLUDED."churnUnremindedDecided",
      "churnUnremindedChurned" = EXCLUDED."churnUnremindedChurned",
      "ledgerNetOre" = EXCLUDED."ledgerNetOre", "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/**
 * The lifetime-value inputs per segment: customers, how long they have stayed (to the end of
 * their last contract when none runs any longer, else to today: a lower bound for those still
 * here), and the last 12 months' invoicing with the customer-months it covers.
 */
async function refreshSegments(
  tx: Prisma.TransactionClient,
  organizationId: string,
  today: string,
): Promise<number> {
  const written = await tx.$executeRaw`
    WITH ended AS (
      SELECT ct."customerId", max(ct."endsOn") AS "lastEnd"
        FROM "Contract" ct
       WHERE ct."organizationId" = ${organizationId}
       GROUP BY ct."customerId"
      HAVING bool_and(ct."endsOn" IS NOT NULL AND ct."endsOn" <= ${today}::date)
    ),
    customers AS (
      SELECT COALESCE(c."segment", '') AS "segment", c."isBusiness",
             count(*)::int AS "customers",
             count(e."customerId")::int AS "leftCustomers",
             sum(greatest(0, COALESCE(e."lastEnd", ${today}::date) - c."customerSince"))::bigint
               AS "tenureDaysSum"
        FROM "Customer" c LEFT JOIN ended e ON e."customerId" = c."id"
       WHERE c."organizationId" = ${organizationId}
       GROUP BY 1, 2
    ),
    billed AS (
      SELECT COALESCE(c."segment", '') AS "segment", c."isBusiness",
             sum(i."totalOre")::bigint AS "invoicedOre",
             count(DISTINCT (i."customerId", date_trunc('month', i."issueDate"::timestamp)))::int
               AS "customerMonths"
        FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId"
       WHERE i."organizationId" = ${organizationId} AND i."kind" = 'INVOICE'
         AND i."status" <> 'DRAFT'
         AND i."issueDate" > (${today}::date - interval '12 months')::date
         AND i."issueDate" <= ${today}::date
       GROUP BY 1, 2
    )
    INSERT INTO "ReceivablesSegment" AS s (
      "organizationId", "segment", "isBusiness", "customers", "leftCustomers", "tenureDaysSum",
      "invoicedOre12m", "customerMonths12m", "refreshedAt")
    SELECT ${organizationId}, c."segment", c."isBusiness", c."customers", c."leftCustomers",
           c."tenureDaysSum", COALESCE(b."invoicedOre", 0), COALESCE(b."customerMonths", 0),
           (now() AT TIME ZONE 'UTC')::timestamp(3)
      FROM customers c
      LEFT JOIN billed b ON b."segment" = c."segment" AND b."isBusiness" = c."isBusiness"
    ON CONFLICT ("organizationId", "segment", "isBusiness") DO UPDATE SET
      "customers" = EXCLUDED."customers", "leftCustomers" = EXCLUDED."leftCustomers",
      "tenureDaysSum" = EXCLUDED."tenureDaysSum", "invoicedOre12m" = EXCLUDED."invoicedOre12m",
      "customerMonths12m" = EXCLUDED."customerMonths12m", "refreshedAt" = EXCLUDED."refreshedAt"`;
  await tx.$executeRaw`
    DELETE FROM "ReceivablesSegment"
     WHERE "organizationId" = ${organizationId}
       AND "refreshedAt" <> (now() AT TIME ZONE 'UTC')::timestamp(3)`;
  return written;
}
