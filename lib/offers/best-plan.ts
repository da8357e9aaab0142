import { addMonths } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { PlanKind, UsageUnit } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { LINE_PRODUCT_SCALE } from "@/lib/invoices/totals";
import { roundDiv } from "@/lib/money/rounding";

/**
 * The plan that would have cost a customer least for the usage they actually had, and what they
 * would save a year on it. All amounts are net öre, excluding VAT, because plan prices are stored
 * that way; the VAT-inclusive saving (what a consumer must be shown) is given beside it.
 * Campaign prices are left aside: they end, and the offer is about the lasting price.
 */
export interface PricedPlan {
  id: string;
  code: string;
  name: string;
  kind: PlanKind;
  monthlyFeeOre: number;
  unitPriceCentiOre: number;
  usageUnit: UsageUnit | null;
  includedQuantityMilli: number | null;
  vatRate: number;
}

export interface BestPlanResult<P extends PricedPlan = PricedPlan> {
  bestPlan: P;
  /** True when no other plan is cheaper: the customer already has the best one. */
  isCurrentPlanBest: boolean;
  /** Net cost over the months considered. */
  currentCostOre: number;
  bestCostOre: number;
  /** (current − best) scaled to twelve months, net; never negative. */
  annualSavingOre: number;
  annualSavingInclVatOre: number;
  monthsConsidered: number;
}

/** One month on a plan: the fee plus the usage beyond what is included, like an invoice line. */
export function monthlyCostOre(plan: PricedPlan, usageMilli: number): number {
  // A month in which a customer fed more in than they used still pays the fee, not less.
  const billable = Math.max(0, usageMilli - Math.max(0, plan.includedQuantityMilli ?? 0));
  return (
    plan.monthlyFeeOre +
    roundDiv(BigInt(billable) * BigInt(plan.unitPriceCentiOre), LINE_PRODUCT_SCALE)
  );
}

export function costOverMonthsOre(plan: PricedPlan, monthlyUsageMilli: readonly number[]): number {
  return monthlyUsageMilli.reduce((sum, usage) => sum + monthlyCostOre(plan, usage), 0);
}

function withVat(netOre: number, vatRate: number): number {
  return roundDiv(BigInt(netOre) * BigInt(100 + vatRate), 100n);
}

/**
 * What switching from the current plan to another would have saved a year on this usage (negative:
 * what it would have cost more), net and with VAT — for any plan, the best one or a marketer's
 * fixed choice, so an offer can say honestly what it means for this customer.
 */
export function annualSavingOf(options: {
  currentPlan: PricedPlan;
  plan: PricedPlan;
  monthlyUsageMilli: readonly number[];
}): { netOre: number; inclVatOre: number } | null {
  const { currentPlan, plan, monthlyUsageMilli } = options;
  const months = monthlyUsageMilli.length;
  if (months === 0) return null;
  const currentCostOre = costOverMonthsOre(currentPlan, monthlyUsageMilli);
  const planCostOre = costOverMonthsOre(plan, monthlyUsageMilli);
  const perYear = (amountOre: number) => roundDiv(BigInt(amountOre) * 12n, BigInt(months));
  return {
    netOre: perYear(currentCostOre - planCostOre),
    inclVatOre: perYear(
      withVat(currentCostOre, currentPlan.vatRate) - withVat(planCostOre, plan.vatRate),
    ),
  };
}

/**
 * A plan can be priced for this usage when it is of the same kind and either is flat (usage
 * does not change its price) or measures usage in the same unit as the current plan.
 */
export function isComparable(current: PricedPlan, plan: PricedPlan): boolean {
  if (plan.kind !== current.kind) return false;
  const isFlat = plan.unitPriceCentiOre === 0;
  return isFlat || (current.usageUnit !== null && plan.usageUnit === current.usageUnit);
}

export function bestPlanFor<P extends PricedPlan>(options: {
  currentPlan: P;
  plans: readonly P[];
  monthlyUsageMilli: readonly number[];
}): BestPlanResult<P> | null {
  const { currentPlan, monthlyUsageMilli } = options;
  // Without a single month of usage there is nothing to compare on.
  if (monthlyUsageMilli.length === 0) return null;
  for (const usage of monthlyUsageMilli) {
    if (!Number.isSafeInteger(usage)) {
      throw new AppError("BAD_INPUT", `monthly usage must be whole thousandths, got ${usage}`);
    }
  }
  const currentCostOre = costOverMonthsOre(currentPlan, monthlyUsageMilli);
  let best = { plan: currentPlan, costOre: currentCostOre };
  for (const plan of options.plans) {
    if (plan.id === currentPlan.id || !isComparable(currentPlan, plan)) continue;
    const costOre = costOverMonthsOre(plan, monthlyUsageMilli);
    // Strictly cheaper only: a tie is no reason to switch; among equal others the lower fee,
    // then the code, so the answer never depends on the catalogue's order.
    const isBetter =
      costOre < best.costOre ||
      (costOre === best.costOre &&
        best.plan !== currentPlan &&
        (plan.monthlyFeeOre < best.plan.monthlyFeeOre ||
          (plan.monthlyFeeOre === best.plan.monthlyFeeOre && plan.code < best.plan.code)));
    if (isBetter) best = { plan, costOre };
  }
  const months = monthlyUsageMilli.length;
  const perYear = (amountOre: number) => roundDiv(BigInt(amountOre) * 12n, BigInt(months));
  return {
    bestPlan: best.plan,
    isCurrentPlanBest: best.plan === currentPlan,
    currentCostOre,
    bestCostOre: best.costOre,
    annualSavingOre: perYear(currentCostOre - best.costOre),
    annualSavingInclVatOre: perYear(
      withVat(currentCostOre, currentPlan.vatRate) - withVat(best.costOre, best.plan.vatRate),
    ),
    monthsConsidered: months,
  };
}

export interface LoadedBestPlan {
  currentPlan: PricedPlan;
  bestPlan: PricedPlan;
  isCurrentPlanBest: boolean;
  annualSavingOre: number;
  annualSavingInclVatOre: number;
  monthsConsidered: number;
  usageUnit: UsageUnit;
  /** The months compared on (for pricing another plan the same way: annualSavingOf). */
  monthlyUsageMilli: number[];
}

// Below this share of a month's days with readings the month is left out: a half-read month
// would make every plan with included usage look cheaper than it is.
const MIN_MONTH_COVERAGE_PERCENT = 90;
const MONTHS_BACK = 12;

type PlanRow = PricedPlan & { isActive: boolean };

/**
 * The best plan for the customer of an invoice, from the invoice's organisation's active
 * catalogue, on the customer's monthly usage in the (up to) twelve calendar months ending with the
 * invoice's period. Three queries: the invoice with its plan, the catalogue, the monthly usage.
 * Null when the customer has no plan or no month with enough readings.
 */
export async function loadBestPlan(
  db: Db,
  options: { invoiceId: string },
): Promise<LoadedBestPlan | null> {
  const [invoice] = await db.$queryRaw<
    Array<{
      organizationId: string;
      customerId: string;
      periodEnd: Date;
      plan: PlanRow | null;
    }>
  >`
    SELECT i."organizationId", i."customerId", i."periodEnd",
      (SELECT json_build_object('id', p."id", 'code', p."code", 'name', p."name",
         'kind', p."kind", 'monthlyFeeOre', p."monthlyFeeOre", 'unitPriceCentiOre', p."unitPriceCentiOre",
         'usageUnit', p."usageUnit", 'includedQuantityMilli', p."includedQuantityMilli",
         'vatRate', p."vatRate", 'isActive', p."isActive")
       FROM "Contract" c JOIN "Plan" p ON p."id" = c."planId"
       WHERE c."customerId" = i."customerId" AND c."organizationId" = i."organizationId"
         AND (c."id" = i."contractId" OR (c."startsOn" <= i."periodEnd"
           AND (c."endsOn" IS NULL OR c."endsOn" >= i."periodStart")))
       -- The invoice's own contract first; else the newest one running in its period.
       ORDER BY (c."id" = i."contractId") DESC NULLS LAST, c."startsOn" DESC LIMIT 1) AS plan
    FROM "Invoice" i WHERE i."id" = ${options.invoiceId}`;
  if (!invoice?.plan) return null;
  const currentPlan = invoice.plan;
  const periodEnd = new Date(invoice.periodEnd);
  const lastMonth = new Date(Date.UTC(periodEnd.getUTCFullYear(), periodEnd.getUTCMonth(), 1));
  const from = addMonths(lastMonth, 1 - MONTHS_BACK);
  const to = addMonths(lastMonth, 1);
  const [catalogue, usageRows] = await Promise.all([
    db.plan.findMany({
      where: { organizationId: invoice.organizationId, kind: currentPlan.kind, isActive: true },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        monthlyFeeOre: true,
        unitPriceCentiOre: true,
        usageUnit: true,
        includedQuantityMilli: true,
        vatRate: true,
      },
    }),
    // Each day once: its daily value when there is one, else its hours (as load-usage-series).
    db.$queryRaw<
      Array<{ unit: UsageUnit; month: Date; total: bigint | number; days: bigint | number }>
    >`
      WITH per_day AS (
        SELECT u."unit"::text AS unit, date_trunc('day', u."readAt") AS day,
               SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'DAY') AS daily,
               SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'HOUR') AS hourly
        FROM "UsageReading" u
        WHERE u."customerId" = ${invoice.customerId}
          AND u."organizationId" = ${invoice.organizationId}
          AND u."readAt" >= ${from}::timestamp AND u."readAt" < ${to}::timestamp
        GROUP BY 1, 2
      )
      SELECT unit, date_trunc('month', day) AS month,
             SUM(COALESCE(daily, hourly)) AS total, COUNT(*) AS days
      FROM per_day GROUP BY 1, 2 ORDER BY 2`,
  ]);
  const unit = currentPlan.usageUnit ?? mostReadUnit(usageRows);
  if (!unit) return null;
  const monthlyUsageMilli = usageRows
    .filter((row) => row.unit === unit && hasFullCoverage(new Date(row.month), Number(row.days)))
    .map((row) => Number(row.total));
  const result = bestPlanFor<PricedPlan>({ currentPlan, plans: catalogue, monthlyUsageMilli });
  if (!result) return null;
  return {
    currentPlan: stripIsActive(currentPlan),
    bestPlan: result.bestPlan === currentPlan ? stripIsActive(currentPlan) : result.bestPlan,
    isCurrentPlanBest: result.isCurrentPlanBest,
    annualSavingOre: result.annualSavingOre,
    annualSavingInclVatOre: result.annualSavingInclVatOre,
    monthsConsidered: result.monthsConsidered,
    usageUnit: unit,
    monthlyUsageMilli,
  };
}

function stripIsActive({ isActive: _isActive, ...plan }: PlanRow): PricedPlan {
  return plan;
}

function hasFullCoverage(monthStart: Date, daysWithData: number): boolean {
  const daysInMonth = new Date(
    Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return daysWithData * 100 >= daysInMonth * MIN_MONTH_COVERAGE_PERCENT;
}

/** For a flat-rate plan (no unit of its own), the unit the customer's meter reports most. */
function mostReadUnit(rows: Array<{ unit: UsageUnit; days: bigint | number }>): UsageUnit | null {
  const days = new Map<UsageUnit, number>();
  for (const row of rows) days.set(row.unit, (days.get(row.unit) ?? 0) + Number(row.days));
  let best: UsageUnit | null = null;
  for (const [unit, count] of days) if (best === null || count > (days.get(best) ?? 0)) best = unit;
  return best;
}
