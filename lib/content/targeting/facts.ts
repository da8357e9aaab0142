import type { AgeBand, TargetingFacts } from "@/lib/content/targeting/catalogue";
import { lastDayToPay, latestOverdueDueDate } from "@/lib/dates/banking-days";
import { addDays, addMonths, daysBetween, formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { PlanKind, UsageUnit } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { UsagePeriodTotal } from "@/lib/invoice-page/load-usage-series";
import { roundDiv } from "@/lib/money/rounding";
import { compareUsage } from "@/lib/usage/usage-summary";

/**
 * The targeting facts of an invoice's customer, as of `today` (a calendar date, UTC midnight).
 * This runs on every invoice page with blocks, so it is two queries: one for the invoice,
 * customer, current contract and the counts; one for the usage of this period and the same
 * period a year earlier. Everything is scoped to the invoice's organisation.
 */

interface BaseRow {
  customerSince: Date | string;
  birthYear: number | null;
  segment: string | null;
  isBusiness: boolean;
  periodStart: Date | string;
  periodEnd: Date | string;
  planCode: string | null;
  planKind: PlanKind | null;
  usageUnit: UsageUnit | null;
  includedQuantityMilli: number | null;
  campaignEndsOn: Date | string | null;
  isContractActive: boolean | null;
  hasEarlierInvoice: boolean;
  supportContacts: number;
  overdueInvoices: number;
  amountDueOre: number | bigint;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * The due dates from `from` to `to` that are not banking days, each with its last day to pay, as
 * a JSON object ("2026-02-28" → "2026-03-02"): a banking day is its own last day and is left out.
 */
export function lastDaysToPay(from: Date, to: Date): string {
  const days: Record<string, string> = {};
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const last = lastDayToPay(day);
    if (last.getTime() !== day.getTime()) days[formatCalendarDate(day)] = formatCalendarDate(last);
  }
  return JSON.stringify(days);
}

export async function loadTargetingFacts(
  db: Db,
  options: { invoiceId: string; today: Date },
): Promise<TargetingFacts> {
  const { today } = options;
  const windowStart = addMonths(today, -12);
  const lastOverdue = latestOverdueDueDate(today);
  const lastDays = lastDaysToPay(windowStart, lastOverdue);
  const [row] = await db.$queryRaw<BaseRow[]>`
    SELECT cu."customerSince", cu."birthYear", cu."segment", cu."isBusiness",
      i."periodStart", i."periodEnd",
      (SELECT COALESCE(SUM(l."amountOre"), 0) FROM "LedgerEntry" l WHERE l."invoiceId" = i."id")
        AS "amountDueOre",
      p."code" AS "planCode", p."kind"::text AS "planKind", p."usageUnit"::text AS "usageUnit",
      p."includedQuantityMilli", k."campaignEndsOn", k."isActive" AS "isContractActive",
      EXISTS (SELECT 1 FROM "Invoice" e
        WHERE e."customerId" = i."customerId" AND e."organizationId" = i."organizationId"
          AND e."kind" = 'INVOICE' AND e."status" <> 'DRAFT' AND e."id" <> i."id"
          AND e."periodStart" < i."periodStart") AS "hasEarlierInvoice",
      (SELECT count(*)::int FROM "Conversation" v
        WHERE v."customerId" = i."customerId" AND v."organizationId" = i."organizationId"
          AND EXISTS (SELECT 1 FROM "ChatMessage" m WHERE m."conversationId" = v."id"
            AND m."authorType" = 'CUSTOMER' AND m."kind" = 'MESSAGE'
            AND m."createdAt" >= ${addDays(today, -90)}::timestamp)) AS "supportContacts",
      -- Overdue = due in the window and not settled by the end of its last day to pay (Swedish
      -- time; a due date on a weekend or holiday may be paid the next banking day, lag
      -- 1930:173), read from the ledger, so an invoice paid late still counts after it became
      -- PAID; the stored OVERDUE status is honoured too. A respite moves dueDate, and with it
      -- the verdict. The last days to pay come in as JSON (see lastDaysToPay): the calendar of
      -- Swedish holidays lives in lib/dates, not in SQL.
      (SELECT count(*)::int FROM "Invoice" o
        WHERE o."customerId" = i."customerId" AND o."organizationId" = i."organizationId"
          AND o."kind" = 'INVOICE' AND o."status" <> 'DRAFT'
          AND o."dueDate" >= ${windowStart}::date AND o."dueDate" <= ${lastOverdue}::date
          AND (o."status" = 'OVERDUE' OR (SELECT COALESCE(SUM(l."amountOre"), 0)
            FROM "LedgerEntry" l WHERE l."invoiceId" = o."id"
              AND l."occurredAt" < (((COALESCE(
                  (${lastDays}::jsonb ->> to_char(o."dueDate", 'YYYY-MM-DD'))::date,
                  o."dueDate") + 1)::timestamp
                AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC')) > 0)) AS "overdueInvoices"
    FROM "Invoice" i
    JOIN "Customer" cu ON cu."id" = i."customerId" AND cu."organizationId" = i."organizationId"
    LEFT JOIN LATERAL (
      SELECT c."planId", c."campaignEndsOn",
        (c."startsOn" <= ${today}::date AND (c."endsOn" IS NULL OR c."endsOn" >= ${today}::date))
          AS "isActive"
      FROM "Contract" c JOIN "Plan" cp ON cp."id" = c."planId"
      WHERE c."customerId" = i."customerId" AND c."organizationId" = i."organizationId"
      -- The contract in the invoice's line of business (its own, or what replaced it), running
      -- today if any; a customer with both broadband and mobile is judged on the one billed here.
      ORDER BY (cp."kind" = (SELECT ip."kind" FROM "Contract" ic JOIN "Plan" ip
          ON ip."id" = ic."planId" WHERE ic."id" = i."contractId")) DESC NULLS LAST,
        "isActive" DESC, (c."id" = i."contractId") DESC NULLS LAST, c."startsOn" DESC
      LIMIT 1
    ) k ON true
    LEFT JOIN "Plan" p ON p."id" = k."planId"
    WHERE i."id" = ${options.invoiceId}`;
  if (!row) throw new AppError("NOT_FOUND", "No such invoice");
  const periodStart = asDate(row.periodStart);
  const periodEnd = asDate(row.periodEnd);
  const usage = await loadUsageTotals(db, { invoiceId: options.invoiceId, periodStart, periodEnd });
  const unit = row.usageUnit ?? usage.mostReadUnit;
  const current = unit ? usage.current(unit) : null;
  const lastYear = unit ? usage.lastYear(unit) : null;
  const included = row.includedQuantityMilli ?? 0;
  const months = Math.max(1, roundDiv(daysBetween(periodStart, addDays(periodEnd, 1)) * 10, 304));
  const campaignEndsOn =
    row.campaignEndsOn && row.isContractActive ? asDate(row.campaignEndsOn) : null;
  const campaignDays = campaignEndsOn ? daysBetween(today, campaignEndsOn) : null;
  return {
    tenureMonths: tenureInMonths(asDate(row.customerSince), today),
    planCode: row.planCode,
    planKind: row.planKind,
    usageVsIncludedPercent:
      included > 0 && current && current.daysWithData > 0 && row.usageUnit === unit
        ? roundDiv(BigInt(current.totalMilli) * 100n, BigInt(included) * BigInt(months))
        : null,
    usageChangeVsLastYearPercent:
      current && lastYear ? (compareUsage(current, lastYear)?.changePercent ?? null) : null,
    supportContacts90d: row.supportContacts,
    overdueInvoices12m: row.overdueInvoices,
    isFirstInvoice: !row.hasEarlierInvoice,
    // A campaign that has already ended is no campaign: a negative count would match "ends within
    // 30 days" for every customer whose campaign ended years ago.
    campaignEndsWithinDays: campaignDays !== null && campaignDays >= 0 ? campaignDays : null,
    ageBand: ageBandFor(row.birthYear, today),
    segment: row.segment,
    isBusiness: row.isBusiness,
    amountDueKronor: amountDueKronor(Number(row.amountDueOre)),
  };
}

/** Whole kronor left to pay, rounded down (999.50 kr is not "at least 1,000 kr"); 0 when none. */
export function amountDueKronor(amountDueOre: number): number {
  return Math.max(0, Math.floor(amountDueOre / 100));
}

/** Whole months a customer has been with us; 0 for a customer from the future (bad data). */
export function tenureInMonths(customerSince: Date, today: Date): number {
  const months =
    (today.getUTCFullYear() - customerSince.getUTCFullYear()) * 12 +
    today.getUTCMonth() -
    customerSince.getUTCMonth() -
    (today.getUTCDate() < customerSince.getUTCDate() ? 1 : 0);
  return Math.max(0, months);
}

/**
 * The age band from the birth year alone (no birth date is stored, deliberately): the age the
 * customer turns this year. Under 18 is no band, so no age-targeted content reaches a minor.
 */
export function ageBandFor(birthYear: number | null, today: Date): AgeBand | null {
  if (birthYear === null) return null;
  const age = today.getUTCFullYear() - birthYear;
  if (age < 18 || age > 130) return null;
  if (age < 30) return "18-29";
  if (age < 45) return "30-44";
  if (age < 65) return "45-64";
  return "65+";
}

/**
 * This period's and last year's usage per unit, each day counted once (its daily value, else the
 * sum of its hours), exactly as the invoice page's usage section counts it, so a block that says
 * "you used 20 % less" agrees with the chart beside it.
 */
async function loadUsageTotals(
  db: Db,
  options: { invoiceId: string; periodStart: Date; periodEnd: Date },
) {
  const periods = {
    current: { start: options.periodStart, end: options.periodEnd },
    lastYear: {
      start: addMonths(options.periodStart, -12),
      end: addDays(addMonths(addDays(options.periodEnd, 1), -12), -1),
    },
  };
  const rows = await db.$queryRaw<
    Array<{
      label: "current" | "lastYear";
      unit: UsageUnit;
      total: bigint | number;
      days: bigint | number;
    }>
  >`
    WITH ranges(label, start_at, end_at) AS (VALUES
      ('current', ${periods.current.start}::timestamp, ${addDays(periods.current.end, 1)}::timestamp),
      ('lastYear', ${periods.lastYear.start}::timestamp, ${addDays(periods.lastYear.end, 1)}::timestamp)
    ), per_day AS (
      SELECT r.label, u."unit"::text AS unit, date_trunc('day', u."readAt") AS day,
             SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'DAY') AS daily,
             SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'HOUR') AS hourly
      FROM ranges r
      JOIN "Invoice" i ON i."id" = ${options.invoiceId}
      JOIN "UsageReading" u ON u."customerId" = i."customerId"
        AND u."organizationId" = i."organizationId"
        AND u."readAt" >= r.start_at AND u."readAt" < r.end_at
      GROUP BY 1, 2, 3
    )
    SELECT label, unit, COALESCE(SUM(COALESCE(daily, hourly)), 0) AS total, COUNT(*) AS days
    FROM per_day GROUP BY 1, 2`;
  const total = (label: "current" | "lastYear", unit: UsageUnit): UsagePeriodTotal => {
    const found = rows.find((r) => r.label === label && r.unit === unit);
    const period = periods[label];
    return {
      periodStart: period.start,
      periodEnd: period.end,
      totalMilli: Number(found?.total ?? 0),
      daysWithData: Number(found?.days ?? 0),
      daysInPeriod: daysBetween(period.start, addDays(period.end, 1)),
    };
  };
  const currentRows = rows.filter((r) => r.label === "current");
  currentRows.sort((a, b) => Number(b.days) - Number(a.days) || (a.unit < b.unit ? -1 : 1));
  return {
    /** For a plan without a unit of its own: the unit the meter reported on most days. */
    mostReadUnit: currentRows[0]?.unit ?? null,
    current: (unit: UsageUnit) => total("current", unit),
    lastYear: (unit: UsageUnit) => total("lastYear", unit),
  };
}
