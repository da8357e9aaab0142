/** A share with the range it plausibly lies in; null bounds when there were no trials yet. */
export interface Rate {
  successes: number;
  trials: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial share. Chosen over the textbook p ± z·√(p(1−p)/n)
 * because that one collapses to [0, 0] at zero successes and leaves [0, 1] on small samples —
 * exactly the cases a marketer looks at in the first days of an A/B test.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): { low: number; high: number } | null {
  if (!Number.isFinite(trials) || trials <= 0) return null;
  // More successes than trials happens when the two come from different tables (acceptances are
  // per customer, impressions per invoice); the share is then capped at 1 rather than going above.
  const k = Math.min(Math.max(successes, 0), trials);
  const p = k / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; floating point would miss it by an ulp.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === trials ? 1 : Math.min(1, centre + half),
  };
}

export function rateOf(successes: number, trials: number): Rate {
  const interval = wilsonInterval(successes, trials);
  return {
    successes,
    trials,
    rate: trials > 0 ? Math.min(successes / trials, 1) : null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
  };
}

/** "4.2 % (2.1–7.9 %)", or "–" before anyone has seen the block. */
export function formatRate(rate: Rate): string {
  if (rate.rate === null || rate.low === null || rate.high === null) return "–";
  const pct = (value: number) => (value * 100).toFixed(1);
  return `${pct(rate.rate)} % (${pct(rate.low)}–${pct(rate.high)} %)`;
}
