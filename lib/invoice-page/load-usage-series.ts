import { addDays, addMonths, daysBetween } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceLine, UsageResolution, UsageUnit } from "@/lib/db/generated/client";
import { lineNetOre } from "@/lib/invoices/totals";

/**
 * The usage behind an invoice and the two periods it is compared with: the one before and the
 * same one a year earlier. Each comparison carries how many days it has data for, so the page
 * only compares like with like.
 */
export interface UsagePeriodTotal {
  periodStart: Date;
  periodEnd: Date;
  totalMilli: number;
  /** Calendar days in the period that have readings. */
  daysWithData: number;
  daysInPeriod: number;
}

export interface UsageSeries {
  unit: UsageUnit;
  resolution: UsageResolution;
  points: Array<{ at: Date; quantityMilli: number }>;
  current: UsagePeriodTotal;
  previous: UsagePeriodTotal;
  lastYear: UsagePeriodTotal;
  /** Net cost (excl. VAT) of the usage lines of this unit; null when usage is not charged by unit. */
  usageCostOre: number | null;
  unitPriceCentiOre: number | null;
  /** The VAT rate of those usage lines (one rate for all), so the page can show the cost with VAT. */
  usageVatRate?: number | null;
}

const UNIT_LABELS: Record<UsageUnit, string[]> = {
  KWH: ["kwh"],
  GB: ["gb"],
  MINUTES: ["min", "minuter", "minutes"],
};

type PeriodKey = "current" | "previous" | "lastYear";

/**
 * Totals of the three periods in one round trip. A meter may report both hourly and daily values
 * for the same day; adding both would count that day twice. Each day is therefore taken once: its
 * daily value when there is one, else the sum of its hours (a meter that switched resolution
 * mid-period still counts every day).
 */
async function periodTotals(
  db: Db,
  where: {
    customerId: string;
    unit: UsageUnit;
    periods: Record<PeriodKey, { start: Date; end: Date }>;
  },
): Promise<Record<PeriodKey, UsagePeriodTotal>> {
  const { current, previous, lastYear } = where.periods;
  const endOf = (period: { end: Date }) => addDays(period.end, 1);
  const rows = await db.$queryRaw<
    Array<{ label: PeriodKey; total: bigint | number | null; days: bigint | number }>
  >`
    WITH ranges(label, start_at, end_at) AS (VALUES
      ('current', ${current.start}::timestamp, ${endOf(current)}::timestamp),
      ('previous', ${previous.start}::timestamp, ${endOf(previous)}::timestamp),
      ('lastYear', ${lastYear.start}::timestamp, ${endOf(lastYear)}::timestamp)
    ), per_day AS (
      SELECT r.label, date_trunc('day', u."readAt") AS day,
             SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'DAY') AS daily,
             SUM(u."quantityMilli") FILTER (WHERE u."resolution" = 'HOUR') AS hourly
      FROM ranges r
      JOIN "UsageReading" u ON u."customerId" = ${where.customerId} AND u."unit"::text = ${where.unit}
        AND u."readAt" >= r.start_at AND u."readAt" < r.end_at
      GROUP BY r.label, 2
    )
    SELECT label, COALESCE(SUM(COALESCE(daily, hourly)), 0) AS total, COUNT(*) AS days
    FROM per_day GROUP BY label`;
  const totalOf = (key: PeriodKey): UsagePeriodTotal => {
    const row = rows.find((r) => r.label === key);
    const period = where.periods[key];
    return {
      periodStart: period.start,
      periodEnd: period.end,
      totalMilli: Number(row?.total ?? 0),
      daysWithData: Number(row?.days ?? 0),
      daysInPeriod: daysBetween(period.start, endOf(period)),
    };
  };
  return {
    current: totalOf("current"),
    previous: totalOf("previous"),
    lastYear: totalOf("lastYear"),
  };
}

export async function loadUsageSeries(
  db: Db,
  options: {
    customerId: string;
    invoiceId: string;
    periodStart: Date;
    periodEnd: Date;
    lines: InvoiceLine[];
  },
): Promise<UsageSeries | null> {
  const readings = await db.$queryRaw<
    Array<{ readAt: Date; quantityMilli: number; unit: UsageUnit; resolution: UsageResolution }>
  >`
    SELECT "readAt", "quantityMilli", "unit"::text AS unit, "resolution"::text AS resolution
    FROM "UsageReading" WHERE "invoiceId" = ${options.invoiceId} ORDER BY "readAt"`;
  const first = readings[0];
  if (!first) return null;
  const unit = first.unit;
  // Hourly data wins where there is any: it is the finer picture.
  const resolution: UsageResolution = readings.some((r) => r.resolution === "HOUR")
    ? "HOUR"
    : "DAY";
  const points = readings
    .filter((r) => r.unit === unit && r.resolution === resolution)
    .map((r) => ({ at: r.readAt, quantityMilli: r.quantityMilli }));
  const months = Math.max(
    1,
    Math.round(daysBetween(options.periodStart, addDays(options.periodEnd, 1)) / 30.4),
  );
  const { current, previous, lastYear } = await periodTotals(db, {
    customerId: options.customerId,
    unit,
    periods: {
      current: { start: options.periodStart, end: options.periodEnd },
      previous: {
        start: addMonths(options.periodStart, -months),
        end: addDays(options.periodStart, -1),
      },
      lastYear: {
        start: addMonths(options.periodStart, -12),
        end: addDays(addMonths(addDays(options.periodEnd, 1), -12), -1),
      },
    },
  });
  // Only a line that bills exactly the metered quantity is the cost of this usage (a mobile
  // data top-up in GB on a broadband invoice is not the cost of the home connection's GB).
  const usageLines = options.lines.filter(
    (line) =>
      line.kind === "USAGE" &&
      UNIT_LABELS[unit].includes(line.unit.toLowerCase()) &&
      line.quantityMilli === current.totalMilli,
  );
  const usageCostOre = usageLines.length
    ? usageLines.reduce((sum, line) => sum + lineNetOre(line), 0)
    : null;
  // What one unit cost in all (electricity and the energy tax on it, say), excl. VAT.
  const unitPriceCentiOre = usageLines.length
    ? usageLines.reduce((sum, line) => sum + line.unitPriceCentiOre, 0)
    : null;
  const rates = new Set(usageLines.map((line) => line.vatRate));
  const usageVatRate = rates.size === 1 ? [...rates][0]! : null;
  return {
    unit,
    resolution,
    points,
    current,
    previous,
    lastYear,
    usageCostOre,
    unitPriceCentiOre,
    usageVatRate,
  };
}
