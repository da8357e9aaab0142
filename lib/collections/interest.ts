import { lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import { roundDiv } from "@/lib/money/rounding";

/**
 * Dröjsmålsränta (räntelagen 1975:635). On a debt whose due date was set in advance the debtor
 * owes interest from the due date (6 §) at the reference rate plus eight percentage points (6 §),
 * the reference rate being the one the Riksbank set for the calendar half-year the day is in
 * (9 §). A due date on a weekend or holiday may be paid the next banking day (lag 1930:173), so
 * interest runs from the day after the last day to pay. The debt it runs on is the unpaid
 * principal: a payment settles costs (fees, earlier interest) first and the principal after them,
 * the customary order of avräkning, so a fee never earns interest and a payment that only covers
 * the fee leaves the principal as it was.
 *
 * Day count: actual days over 365 (also in a leap year), the convention Swedish courts and
 * Kronofogden use. Each day is charged on the principal at the start of that day, so a payment
 * made on a day stops interest from the next one: due the 10th and paid the 11th is one day.
 */
export const INTEREST_MARGIN_BASIS_POINTS = 800;
const DAYS_PER_YEAR = 365;

export interface ReferenceRatePeriod {
  /** 1 January or 1 July (UTC midnight). */
  validFrom: Date;
  /** Hundredths of a percent: 2.00 % is 200. */
  rateBasisPoints: number;
}

/**
 * A ledger entry as interest sees it, on the Swedish calendar day it happened: a change in what
 * the invoice charged (issued +, credited −, a refund + as money given back), a cost (fee or
 * interest +, a waived one −), or a payment (what was paid, positive).
 */
export interface PrincipalEntry {
  on: Date;
  kind: "charge" | "cost" | "payment";
  amountOre: number;
}

/** Applies entries in order to the two buckets: costs are settled before the principal. */
export class Balance {
  principalOre = 0;
  costsOre = 0;
  apply(entry: PrincipalEntry): void {
    if (entry.kind === "charge") this.principalOre += entry.amountOre;
    else if (entry.kind === "cost") this.costsOre += entry.amountOre;
    else {
      const toCosts = Math.max(0, Math.min(this.costsOre, entry.amountOre));
      this.costsOre -= toCosts;
      this.principalOre -= entry.amountOre - toCosts;
    }
  }
  /** The principal interest runs on: never below nothing (an overpayment earns none). */
  get interestBase(): number {
    return Math.max(0, this.principalOre);
  }
}

/** The unpaid principal after all the entries. */
export function principalAfter(entries: readonly PrincipalEntry[]): number {
  const balance = new Balance();
  for (const entry of entries) balance.apply(entry);
  return balance.interestBase;
}

/**
 * The reference rate of the day's calendar half-year (räntelagen 9 §: set for each half-year from
 * 1 January and 1 July), or null when that half-year's rate is not on record. Never the previous
 * half-year's: interest is not charged on a rate the Riksbank did not set for the day.
 */
export function referenceRateOn(rates: readonly ReferenceRatePeriod[], day: Date): number | null {
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() < 6 ? 0 : 6, 1);
  for (const rate of rates) {
    if (rate.validFrom.getTime() === start) return rate.rateBasisPoints;
  }
  return null;
}

export function sortRates(rates: readonly ReferenceRatePeriod[]): ReferenceRatePeriod[] {
  return [...rates].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
}

/** No reference rate is on record for a day interest would run (before the first one kept). */
export class MissingReferenceRate extends Error {
  constructor(readonly day: Date) {
    super(`No reference rate is known for ${formatCalendarDate(day)}`);
  }
}

/** The day interest starts: the day after the last day to pay. */
export function interestStartsOn(dueDate: Date): Date {
  return addDays(lastDayToPay(dueDate), 1);
}

export interface AccruedInterest {
  ore: number;
  /** The rate (reference + margin) in force on the first and on the last day, for the text. */
  firstRateBasisPoints: number;
  lastRateBasisPoints: number;
  days: number;
}

/**
 * Interest from `from` through `through` (both inclusive) on the principal the entries give.
 * Entries must be in day order; those after `through` do not matter. Exact until the one rounding
 * at the end (half an öre up), so splitting a period never changes the sum by more than an öre.
 */
export function accruedInterest(options: {
  from: Date;
  through: Date;
  entries: readonly PrincipalEntry[];
  rates: readonly ReferenceRatePeriod[];
}): AccruedInterest | null {
  const { from, through, entries, rates } = options;
  if (through < from) return null;
  const balance = new Balance();
  let next = 0;
  let numerator = 0n;
  let days = 0;
  let firstRate = -1;
  let lastRate = -1;
  for (let day = from; day <= through; day = addDays(day, 1)) {
    // Entries of earlier days (a payment yesterday) count from today.
    while (next < entries.length && entries[next]!.on < day) {
      balance.apply(entries[next]!);
      next += 1;
    }
    const reference = referenceRateOn(rates, day);
    if (reference === null) throw new MissingReferenceRate(day);
    const rate = reference + INTEREST_MARGIN_BASIS_POINTS;
    if (firstRate < 0) firstRate = rate;
    lastRate = rate;
    numerator += BigInt(balance.interestBase) * BigInt(rate);
    days += 1;
  }
  return {
    ore: roundDiv(numerator, BigInt(10_000 * DAYS_PER_YEAR)),
    firstRateBasisPoints: firstRate,
    lastRateBasisPoints: lastRate,
    days,
  };
}
