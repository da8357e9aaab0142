/**
 * The dashboard's arithmetic, pure: each rule stated and tested once, apart from the queries.
 */

/** Average days per month (365.2425 / 12), to turn tenure in days into months. */
export const DAYS_PER_MONTH = 30.436875;

/** part / whole, or null when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per 100 invoices (support contacts), or null without invoices. */
export function per100(count: number, invoices: number): number | null {
  return invoices > 0 ? (count / invoices) * 100 : null;
}

/**
 * Days sales outstanding, the "period" method: receivables outstanding at the end of the period
 * divided by what was invoiced in it, times the days in it. 1,000 kr outstanding after a 30-day
 * month that invoiced 3,000 kr is 10 days. Null when nothing was invoiced.
 */
export function daysSalesOutstanding(
  outstandingOre: number,
  issuedOre: number,
  days: number,
): number | null {
  if (issuedOre <= 0 || days <= 0) return null;
  return (outstandingOre / issuedOre) * days;
}

/**
 * The median of a histogram whose bucket i counts the invoices paid i days after issue (the last
 * bucket is "that many or more"). With an even count it is the mean of the two middle values,
 * as for a list. `atLeast` says the median fell in the open last bucket.
 */
export function medianOfHistogram(
  histogram: readonly number[],
): { days: number; atLeast: boolean } | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (let bucket = 0; bucket < histogram.length; bucket += 1) {
      seen += histogram[bucket]!;
      if (seen > rank) return bucket;
    }
    return histogram.length - 1;
  };
  const low = valueAt(Math.floor((total - 1) / 2));
  const high = valueAt(Math.floor(total / 2));
  return { days: (low + high) / 2, atLeast: high === histogram.length - 1 };
}

/** Adds histograms bucket by bucket (of any lengths, the longer one's tail kept). */
export function addHistograms(into: number[], other: readonly number[]): number[] {
  for (let bucket = 0; bucket < other.length; bucket += 1) {
    into[bucket] = (into[bucket] ?? 0) + other[bucket]!;
  }
  return into;
}

export interface LifetimeValueInputs {
  customers: number;
  tenureDaysSum: number;
  invoicedOre12m: number;
  customerMonths12m: number;
}

export interface LifetimeValue {
  /** What a customer is invoiced in a month they are billed, on the last 12 months. */
  monthlyInvoicedOre: number | null;
  /** The customers' average tenure so far, in months. */
  tenureMonths: number | null;
  /** monthlyInvoicedOre × margin × tenureMonths, whole öre. */
  lifetimeValueOre: number | null;
}

/**
 * The customer lifetime value, an estimate: average monthly invoiced amount × an assumed margin ×
 * average tenure. The tenure is what the customers have stayed so far (to the end of their last
 * contract, or to today for those still here), so the estimate is low for young segments; the
 * margin is an assumption the page names, not a figure from the books.
 */
export function lifetimeValue(inputs: LifetimeValueInputs, marginPercent: number): LifetimeValue {
  const monthlyInvoicedOre =
    inputs.customerMonths12m > 0 ? inputs.invoicedOre12m / inputs.customerMonths12m : null;
  const tenureMonths =
    inputs.customers > 0 ? inputs.tenureDaysSum / inputs.customers / DAYS_PER_MONTH : null;
  return {
    monthlyInvoicedOre: monthlyInvoicedOre === null ? null : Math.round(monthlyInvoicedOre),
    tenureMonths,
    lifetimeValueOre:
      monthlyInvoicedOre === null || tenureMonths === null
        ? null
        : Math.round(monthlyInvoicedOre * (marginPercent / 100) * tenureMonths),
  };
}
