import { addDays } from "@/lib/dates/calendar-date";
import type { UsageResolution, UsageUnit } from "@/lib/db/generated/client";
import type { UsagePeriodTotal, UsageSeries } from "@/lib/invoice-page/load-usage-series";
import { formatMoney, formatQuantity, formatUnitPrice, type Locale } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";
import { basisLabel, formatPricePerUnit, onBasis, type PriceBasis } from "@/lib/usage/price-basis";
import { formatReadable } from "@/lib/usage/readable-figures";

/**
 * What the invoice page says about the usage behind an invoice: the total, how it compares with
 * the period before and the same period a year earlier, what it cost and when it peaked.
 *
 * Points and period dates follow the calendar-date convention: a Swedish wall-clock time stored
 * as if it were UTC (a day is 00:00 UTC, hour h of it is h:00 UTC). The loader counts days with
 * date_trunc on that value, so every formatter here reads the UTC fields, never local time.
 */

const NBSP = "\u00A0";

export interface UsageComparison {
  /** (current − other) / other in whole percent, rounded half away from zero. */
  changePercent: number;
  direction: "more" | "less" | "same";
  otherTotalMilli: number;
  otherPeriodStart: Date;
  otherPeriodEnd: Date;
}

export type ComparisonKind = "previous" | "lastYear";

// Below this share of days with readings a total is a partial one, and comparing a partial
// month with a whole one would tell the customer they saved energy they did not save.
const MIN_COVERAGE_PERCENT = 90;

function hasEnoughCoverage(period: UsagePeriodTotal): boolean {
  if (period.daysInPeriod <= 0) return false;
  return period.daysWithData * 100 >= period.daysInPeriod * MIN_COVERAGE_PERCENT;
}

export function compareUsage(
  current: UsagePeriodTotal,
  other: UsagePeriodTotal,
): UsageComparison | null {
  // A percentage of nothing (or of a negative total) has no meaning worth printing.
  if (other.daysWithData <= 0 || other.totalMilli <= 0) return null;
  if (!hasEnoughCoverage(current) || !hasEnoughCoverage(other)) return null;
  const difference = BigInt(current.totalMilli) - BigInt(other.totalMilli);
  const changePercent = roundDiv(difference * 100n, BigInt(other.totalMilli));
  // "same" is decided on the exact ratio (|change| < 1 %), so a "more"/"less" sentence never
  // reads "0 % more" and a 0.6 % change (rounded to 1) still reads "about the same".
  const absDifference = difference < 0n ? -difference : difference;
  const direction =
    absDifference * 100n < BigInt(other.totalMilli) ? "same" : difference > 0n ? "more" : "less";
  return {
    changePercent,
    direction,
    otherTotalMilli: other.totalMilli,
    otherPeriodStart: other.periodStart,
    otherPeriodEnd: other.periodEnd,
  };
}

/** True when the period runs from the 1st to the last day of one month. */
function isCalendarMonth(start: Date, end: Date): boolean {
  const dayAfterEnd = addDays(end, 1);
  return (
    start.getUTCDate() === 1 &&
    dayAfterEnd.getUTCDate() === 1 &&
    start.getUTCFullYear() === end.getUTCFullYear() &&
    start.getUTCMonth() === end.getUTCMonth()
  );
}

const INTL_LOCALE: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

const MONTH_FORMATTERS = new Map<Locale, Intl.DateTimeFormat>();

function monthName(date: Date, locale: Locale): string {
  let formatter = MONTH_FORMATTERS.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "long", timeZone: "UTC" });
    MONTH_FORMATTERS.set(locale, formatter);
  }
  const name = formatter.format(date);
  return locale === "sv" ? name.toLowerCase() : name;
}

/** "förra månaden" / "last March" style: what the comparison is made against. */
function otherPeriodWords(comparison: UsageComparison, kind: ComparisonKind, locale: Locale) {
  const { otherPeriodStart: start, otherPeriodEnd: end } = comparison;
  const isMonth = isCalendarMonth(start, end);
  if (kind === "previous") {
    if (locale === "sv") return isMonth ? "förra månaden" : "förra perioden";
    return isMonth ? "the month before" : "the period before";
  }
  if (locale === "sv")
    return isMonth ? `i ${monthName(start, locale)} förra året` : "samma period förra året";
  return isMonth ? `last ${monthName(start, locale)}` : "the same period last year";
}

export function describeComparison(
  comparison: UsageComparison,
  options: { locale: Locale; kind: ComparisonKind; unit?: UsageUnit },
): string {
  const { locale, kind } = options;
  const other = otherPeriodWords(comparison, kind, locale);
  if (comparison.direction === "same") {
    return locale === "sv" ? `ungefär lika mycket som ${other}` : `about the same as ${other}`;
  }
  // formatQuantity groups thousands the locale's way ("1 250 %"), for the rare doubled bill.
  const percent = `${formatQuantity(Math.abs(comparison.changePercent) * 1000, locale)}${NBSP}%`;
  const more = comparison.direction === "more";
  if (locale === "sv") return `${percent} ${more ? "mer" : "mindre"} än ${other}`;
  return `${percent} ${more ? "more" : "less"} than ${other}`;
}

const UNIT_LABELS: Record<UsageUnit, string> = { KWH: "kWh", GB: "GB", MINUTES: "min" };

export function usageUnitLabel(unit: UsageUnit, _locale: Locale): string {
  // The same symbols are used in Swedish and English; the locale is kept for callers' symmetry.
  return UNIT_LABELS[unit];
}

export function formatUsageQuantity(
  quantityMilli: number,
  unit: UsageUnit,
  locale: Locale,
): string {
  return `${formatQuantity(quantityMilli, locale)}${NBSP}${usageUnitLabel(unit, locale)}`;
}

// Building an Intl formatter costs far more than using one; a chart formats hundreds of times.
const DAY_FORMATTERS = new Map<Locale, Intl.DateTimeFormat>();
function dayFormatter(locale: Locale): Intl.DateTimeFormat {
  let formatter = DAY_FORMATTERS.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    });
    DAY_FORMATTERS.set(locale, formatter);
  }
  return formatter;
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** "12 mars" / "12 March" for a day; "12 mars kl. 18:00" / "12 March, 18:00" for an hour. */
export function formatUsagePointTime(
  at: Date,
  resolution: UsageResolution,
  locale: Locale,
): string {
  const day = dayFormatter(locale).format(at);
  if (resolution === "DAY") return day;
  const time = `${pad2(at.getUTCHours())}:${pad2(at.getUTCMinutes())}`;
  return locale === "sv" ? `${day} kl. ${time}` : `${day}, ${time}`;
}

export interface UsageComparisonSummary {
  comparison: UsageComparison;
  sentence: string;
}

export interface UsageSummary {
  unitLabel: string;
  totalMilli: number;
  /** "1 493 kWh": at a readable precision (readable-figures.ts); the exact total is totalMilli. */
  total: string;
  previous: UsageComparisonSummary | null;
  lastYear: UsageComparisonSummary | null;
  /**
   * Cost of the usage, formatted: net (excl. VAT) by default, or on the customer's price basis
   * when one is given; null when usage is not charged by unit.
   */
  cost: string | null;
  /**
   * "112,00 öre/kWh" as the line prints it by default; with a price basis "1,40 kr/kWh", in
   * kronor on that basis. Null when no single unit price applies.
   */
  unitPrice: string | null;
  /** "inkl. moms" / "exkl. moms": what cost and unit price include, when a basis was given. */
  priceBasis: string | null;
  /** Per day with readings, rounded to the milli; null when no day has readings. */
  averagePerDayMilli: number | null;
  /** The average rounded to one decimal, with unit: three decimals of kWh help nobody. */
  averagePerDay: string | null;
  peak: { at: Date; quantityMilli: number; quantity: string; when: string } | null;
}

function summarizeComparison(
  series: UsageSeries,
  kind: ComparisonKind,
  locale: Locale,
): UsageComparisonSummary | null {
  const comparison = compareUsage(series.current, series[kind]);
  if (!comparison) return null;
  return {
    comparison,
    sentence: describeComparison(comparison, { locale, kind, unit: series.unit }),
  };
}

function findPeak(points: UsageSeries["points"]) {
  let peak: UsageSeries["points"][number] | undefined;
  // Strictly greater: on a tie the earliest point is the peak, so the answer is stable.
  for (const point of points) if (!peak || point.quantityMilli > peak.quantityMilli) peak = point;
  return peak;
}

export function summarizeUsage(
  series: UsageSeries,
  locale: Locale,
  options: { basis?: PriceBasis } = {},
): UsageSummary {
  const { unit, current } = series;
  const { basis } = options;
  const vatRate = series.usageVatRate ?? null;
  const unitLabel = usageUnitLabel(unit, locale);
  // Averaged over the days that have readings: dividing by every day of the period would
  // understate a month with a gap in its meter data.
  const averagePerDayMilli =
    current.daysWithData > 0 ? roundDiv(current.totalMilli, current.daysWithData) : null;
  const peak = findPeak(series.points);
  return {
    unitLabel,
    totalMilli: current.totalMilli,
    total: `${formatReadable(current.totalMilli, { locale })}${NBSP}${unitLabel}`,
    previous: summarizeComparison(series, "previous", locale),
    lastYear: summarizeComparison(series, "lastYear", locale),
    cost:
      series.usageCostOre === null
        ? null
        : formatMoney(basis ? onBasis(series.usageCostOre, vatRate, basis) : series.usageCostOre, {
            locale,
          }),
    // As the line prints it: energy in öre per kWh ("43,90 öre/kWh"), the rest in kronor with the
    // öre fractions it has. On a price basis, what one unit costs in kronor as people compare it.
    unitPrice:
      series.unitPriceCentiOre === null
        ? null
        : basis
          ? formatPricePerUnit(onBasis(series.unitPriceCentiOre, vatRate, basis), {
              locale,
              unit: unitLabel,
            })
          : formatUnitPrice(series.unitPriceCentiOre, { locale, unit: unitLabel }),
    // Without one VAT rate for the usage the figures stay net, and say so.
    priceBasis: basis ? basisLabel(vatRate ? basis : "excl-vat", locale) : null,
    averagePerDayMilli,
    averagePerDay:
      averagePerDayMilli === null
        ? null
        : // Rounded from the exact total, not from the milli average: rounding twice can be
          // off by a tenth.
          formatUsageQuantity(
            roundDiv(current.totalMilli, current.daysWithData * 100) * 100,
            unit,
            locale,
          ),
    peak: peak
      ? {
          at: peak.at,
          quantityMilli: peak.quantityMilli,
          quantity: formatUsageQuantity(peak.quantityMilli, unit, locale),
          when: formatUsagePointTime(peak.at, series.resolution, locale),
        }
      : null,
  };
}
