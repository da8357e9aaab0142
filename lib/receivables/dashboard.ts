import { addDays, daysBetween, formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { Prisma } from "@/lib/db/generated/client";
import {
  type ExperimentStepResult,
  loadExperimentResults,
} from "@/lib/receivables/experiment-results";
import {
  addHistograms,
  daysSalesOutstanding,
  type LifetimeValue,
  lifetimeValue,
  medianOfHistogram,
} from "@/lib/receivables/figures";
import {
  nextPeriodStart,
  type Period,
  periodStart,
  type ReceivablesFilter,
} from "@/lib/receivables/receivables-query";
import { DAYS_TO_PAY_BUCKETS } from "@/lib/receivables/refresh-receivables";

/**
 * What the receivables dashboard shows, read from the pre-aggregated rows (ReceivablesDaily,
 * ReceivablesSegment; see refresh-receivables.ts) — never from the invoices — so a year of a
 * million invoices is a sum over a few thousand rows. Four small queries, side by side: the sums
 * and days-to-pay histogram per period, the balance before the range (for DSO), the segments, and
 * the experiments (ReceivablesExperimentDaily).
 */

/** The summable columns of ReceivablesDaily, in the order the CSV lists them. */
export const SUM_COLUMNS = [
  "invoices",
  "issuedOre",
  "onTimeDecided",
  "paidOnTime",
  "paidInFull",
  "reachedReminder",
  "reachedHandover",
  "feesChargedOre",
  "feesWaivedOre",
  "feesPaidOre",
  "interestChargedOre",
  "interestWaivedOre",
  "interestPaidOre",
  "refundedOre",
  "creditedOre",
  "creditedInvoices",
  "supportContacts",
  "invoicesWithContact",
  "churnRemindedDecided",
  "churnRemindedChurned",
  "churnUnremindedDecided",
  "churnUnremindedChurned",
  "ledgerNetOre",
] as const;
export type SumColumn = (typeof SUM_COLUMNS)[number];
export type Sums = Record<SumColumn, number>;

export interface ReceivablesFigures extends Sums {
  /** The days summed (the period clipped to the filter's range), both inclusive. */
  from: string;
  to: string;
  days: number;
  /** Receivables outstanding at the end of `to`: every ledger entry up to then, summed. */
  outstandingOre: number;
  /** outstandingOre / issuedOre × days; null when nothing was issued. */
  dsoDays: number | null;
  medianDaysToPay: { days: number; atLeast: boolean } | null;
}

export interface PeriodFigures extends ReceivablesFigures {
  /** The period's first day (a month's 1st, a week's Monday). */
  period: string;
  /** "2026-03" or "2026-W12". */
  label: string;
}

export interface SegmentFigures extends LifetimeValue {
  /** "" for customers without a segment. */
  segment: string;
  isBusiness: boolean;
  customers: number;
  leftCustomers: number;
}

export interface ReceivablesDashboard {
  filter: ReceivablesFilter;
  periods: PeriodFigures[];
  total: ReceivablesFigures;
  segments: SegmentFigures[];
  /** Every segment the organisation's customers have, for the filter ("" for none). */
  segmentNames: string[];
  experiments: ExperimentStepResult[];
  /** When the figures were last recomputed; null before the first refresh. */
  refreshedAt: Date | null;
}

const emptySums = (): Sums => Object.fromEntries(SUM_COLUMNS.map((column) => [column, 0])) as Sums;

/** ISO 8601 week of a Monday: the week belongs to the year its Thursday is in. */
export function isoWeekLabel(monday: Date): string {
  const thursday = addDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(new Date(Date.UTC(year, 0, 1)), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function periodLabel(start: Date, period: Period): string {
  return period === "month" ? formatCalendarDate(start).slice(0, 7) : isoWeekLabel(start);
}

/** Every period the range touches, clipped to it. */
export function periodsOf(filter: Pick<ReceivablesFilter, "period" | "from" | "to">) {
  const periods: Array<{ period: string; label: string; from: Date; to: Date }> = [];
  for (
    let start = periodStart(filter.from, filter.period);
    start <= filter.to;
    start = nextPeriodStart(start, filter.period)
  ) {
    const end = addDays(nextPeriodStart(start, filter.period), -1);
    periods.push({
      period: formatCalendarDate(start),
      label: periodLabel(start, filter.period),
      from: start < filter.from ? filter.from : start,
      to: end > filter.to ? filter.to : end,
    });
  }
  return periods;
}

function rowFilter(organizationId: string, filter: ReceivablesFilter): Prisma.Sql {
  return Prisma.sql`r."organizationId" = ${organizationId}
    ${filter.segment === null ? Prisma.empty : Prisma.sql`AND r."segment" = ${filter.segment}`}
    ${filter.isBusiness === null ? Prisma.empty : Prisma.sql`AND r."isBusiness" = ${filter.isBusiness}`}`;
}

// Column names are the constant lists here, never input. The histogram is summed bucket by
// bucket (sum(h[1]), sum(h[2]), …): ten times faster than unnesting the arrays and grouping.
const SUM_SELECT = Prisma.raw(
  [
    ...SUM_COLUMNS.map((column) => `COALESCE(sum(r."${column}"), 0)::bigint AS "${column}"`),
    ...Array.from(
      { length: DAYS_TO_PAY_BUCKETS },
      (_, bucket) => `COALESCE(sum(r."daysToPay"[${bucket + 1}]), 0)::bigint AS "b${bucket}"`,
    ),
  ].join(", "),
);

export async function loadReceivablesDashboard(
  db: Db,
  options: { organizationId: string; filter: ReceivablesFilter; today: Date },
): Promise<ReceivablesDashboard> {
  const { organizationId, filter } = options;
  const from = formatCalendarDate(filter.from);
  const to = formatCalendarDate(filter.to);
  const where = rowFilter(organizationId, filter);
  const [sumRows, [opening], segmentRows, experiments] = await Promise.all([
    db.$queryRaw<Array<Record<string, bigint> & { period: string }>>`
      SELECT to_char(date_trunc(${filter.period}::text, r."day"::timestamp), 'YYYY-MM-DD') AS "period",
             ${SUM_SELECT}
        FROM "ReceivablesDaily" r
       WHERE ${where} AND r."day" BETWEEN ${from}::date AND ${to}::date
       GROUP BY 1`,
    db.$queryRaw<Array<{ balance: bigint }>>`
      SELECT COALESCE(sum(r."ledgerNetOre"), 0)::bigint AS "balance"
        FROM "ReceivablesDaily" r WHERE ${where} AND r."day" < ${from}::date`,
    db.$queryRaw<
      Array<{
        segment: string;
        isBusiness: boolean;
        customers: number;
        leftCustomers: number;
        tenureDaysSum: bigint;
        invoicedOre12m: bigint;
        customerMonths12m: number;
        refreshedAt: Date;
      }>
    >`SELECT "segment", "isBusiness", "customers", "leftCustomers", "tenureDaysSum",
             "invoicedOre12m", "customerMonths12m", "refreshedAt"
        FROM "ReceivablesSegment" WHERE "organizationId" = ${organizationId}
       ORDER BY "segment", "isBusiness"`,
    loadExperimentResults(db, { organizationId, filter, today: options.today }),
  ]);

  const sumsByPeriod = new Map<string, Sums>();
  const histogramByPeriod = new Map<string, number[]>();
  for (const row of sumRows) {
    const sums = emptySums();
    for (const column of SUM_COLUMNS) sums[column] = Number(row[column]);
    sumsByPeriod.set(row.period, sums);
    histogramByPeriod.set(
      row.period,
      Array.from({ length: DAYS_TO_PAY_BUCKETS }, (_, bucket) => Number(row[`b${bucket}`])),
    );
  }

  let outstanding = Number(opening?.balance ?? 0);
  const totalSums = emptySums();
  const totalHistogram = denseHistogram([]);
  const periods = periodsOf(filter).map((period): PeriodFigures => {
    const sums = sumsByPeriod.get(period.period) ?? emptySums();
    const histogram = histogramByPeriod.get(period.period) ?? denseHistogram([]);
    for (const column of SUM_COLUMNS) totalSums[column] += sums[column];
    addHistograms(totalHistogram, histogram);
    outstanding += sums.ledgerNetOre;
    return {
      period: period.period,
      label: period.label,
      ...figures(sums, histogram, period.from, period.to, outstanding),
    };
  });

  const segmentNames = [...new Set(segmentRows.map((row) => row.segment))];
  const segments = segmentRows
    .filter(
      (row) =>
        (filter.segment === null || row.segment === filter.segment) &&
        (filter.isBusiness === null || row.isBusiness === filter.isBusiness),
    )
    .map(
      (row): SegmentFigures => ({
        segment: row.segment,
        isBusiness: row.isBusiness,
        customers: row.customers,
        leftCustomers: row.leftCustomers,
        ...lifetimeValue(
          {
            customers: row.customers,
            tenureDaysSum: Number(row.tenureDaysSum),
            invoicedOre12m: Number(row.invoicedOre12m),
            customerMonths12m: row.customerMonths12m,
          },
          filter.marginPercent,
        ),
      }),
    );
  const refreshedAt = segmentRows.reduce<Date | null>(
    (latest, row) => (!latest || row.refreshedAt > latest ? row.refreshedAt : latest),
    null,
  );
  return {
    filter,
    periods,
    total: figures(totalSums, totalHistogram, filter.from, filter.to, outstanding),
    segments,
    segmentNames,
    experiments,
    refreshedAt,
  };
}

/** All DAYS_TO_PAY_BUCKETS buckets, so the last one is the open "100 or more". */
const denseHistogram = (sparse: readonly (number | undefined)[]) =>
  Array.from({ length: DAYS_TO_PAY_BUCKETS }, (_, bucket) => sparse[bucket] ?? 0);

function figures(
  sums: Sums,
  histogram: number[],
  from: Date,
  to: Date,
  outstandingOre: number,
): ReceivablesFigures {
  const days = daysBetween(from, to) + 1;
  return {
    ...sums,
    from: formatCalendarDate(from),
    to: formatCalendarDate(to),
    days,
    outstandingOre,
    dsoDays: daysSalesOutstanding(outstandingOre, sums.issuedOre, days),
    medianDaysToPay: medianOfHistogram(histogram),
  };
}
