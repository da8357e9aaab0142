import { createHash } from "node:crypto";
import { assignVariant } from "@/lib/content/blocks/variant-assignment";

/**
 * Choosing a collection step's variant: by a fixed split (a hash of the customer and the step, as
 * content blocks do), or by a learner — Thompson sampling over the variants' Beta beliefs about
 * the organisation's objective, per customer band, with a floor of exploration for every variant.
 * Deterministic: the same invoice, step and beliefs always give the same choice (the random draws
 * come from a hash), so the forecast and the run agree and a test can replay any decision.
 *
 * The learner only ever picks among the step's variants, and what a variant may do is limited
 * twice: the console refuses an unlawful variant, and the engine decides every fee and date by the
 * law whatever the variant says (engine.ts).
 */

export interface StepVariant {
  key: string;
  weight: number;
}

export interface Belief {
  alpha: number;
  beta: number;
  samples: number;
}

/** Beliefs of one step: per band and variant key, and pooled over the bands. */
export interface StepBeliefs {
  byBand: ReadonlyMap<string, ReadonlyMap<string, Belief>>;
  pooled: ReadonlyMap<string, Belief>;
}

export interface BandFacts {
  tenureMonths: number;
  overdueInvoices12m: number;
  amountDueOre: number;
  isBusiness: boolean;
}

/** The share of choices made uniformly at random, split over the variants (each gets ≥ floor/n). */
export const EXPLORATION_FLOOR = 0.1;
/** How many of the pooled belief's observations a band starts from (shrinkage toward the pool). */
const POOLED_PRIOR_WEIGHT = 4;

/**
 * The customer's band: tenure (under a year, 1–5 years, 5 years or more), payment history (never
 * late in 12 months or late), the amount left to pay (under 500 kr, up to 2,000 kr, more) and
 * consumer or business — "t1-h0-a2-c".
 */
export function customerBand(facts: BandFacts): string {
  const tenure = facts.tenureMonths < 12 ? 0 : facts.tenureMonths < 60 ? 1 : 2;
  const history = facts.overdueInvoices12m > 0 ? 1 : 0;
  const amount = facts.amountDueOre < 50_000 ? 0 : facts.amountDueOre <= 200_000 ? 1 : 2;
  return `t${tenure}-h${history}-a${amount}-${facts.isBusiness ? "b" : "c"}`;
}

/** A uniform random stream in [0, 1) from a seed (sfc32 over SHA-256 of the seed). */
export function seededRandom(seed: string): () => number {
  const digest = createHash("sha256").update(seed).digest();
  let a = digest.readUInt32BE(0);
  let b = digest.readUInt32BE(4);
  let c = digest.readUInt32BE(8);
  let d = digest.readUInt32BE(12);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

function sampleNormal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Gamma(shape, 1) draw (Marsaglia and Tsang; shape < 1 by the boost). A shape that is not a
 * positive finite number is refused: with NaN or Infinity the rejection loop would never end.
 */
export function sampleGamma(shape: number, random: () => number): number {
  if (!(Number.isFinite(shape) && shape > 0)) {
    throw new RangeError(`A Gamma shape must be a positive finite number, got ${shape}`);
  }
  if (shape < 1) return sampleGamma(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function sampleBeta(alpha: number, beta: number, random: () => number): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}

/** The band's belief for a variant: its own observations on a prior drawn from the pool's mean. */
export function bandBelief(beliefs: StepBeliefs, band: string, key: string): Belief {
  const pooled = beliefs.pooled.get(key);
  // A pool with no weight yet (alpha + beta = 0) says nothing: the even prior, never 0 / 0.
  const weight = pooled ? pooled.alpha + pooled.beta : 0;
  const mean = pooled && weight > 0 && Number.isFinite(weight) ? pooled.alpha / weight : 0.5;
  const prior = {
    alpha: 1 + POOLED_PRIOR_WEIGHT * mean,
    beta: 1 + POOLED_PRIOR_WEIGHT * (1 - mean),
  };
  const own = beliefs.byBand.get(band)?.get(key);
  return own
    ? { alpha: prior.alpha + own.alpha, beta: prior.beta + own.beta, samples: own.samples }
    : { ...prior, samples: 0 };
}

export interface LearnedChoice {
  key: string;
  explanation: {
    method: "learning";
    band: string;
    explored: boolean;
    posteriorMeans: Record<string, number>;
    draws: Record<string, number>;
    samples: Record<string, number>;
  };
}

/**
 * Thompson sampling for one invoice: with probability EXPLORATION_FLOOR a variant uniformly at
 * random, else the variant whose draw from its band's belief is highest. Ties go to the key first
 * in code-unit order.
 */
export function chooseLearned(options: {
  variants: readonly StepVariant[];
  beliefs: StepBeliefs;
  band: string;
  seed: string;
  floor?: number;
}): LearnedChoice | null {
  const keys = options.variants.map((variant) => variant.key).sort();
  if (keys.length === 0) return null;
  const random = seededRandom(options.seed);
  const floor = options.floor ?? EXPLORATION_FLOOR;
  const posteriorMeans: Record<string, number> = {};
  const draws: Record<string, number> = {};
  const samples: Record<string, number> = {};
  for (const key of keys) {
    const belief = bandBelief(options.beliefs, options.band, key);
    posteriorMeans[key] = round4(belief.alpha / (belief.alpha + belief.beta));
    samples[key] = belief.samples;
    draws[key] = round4(sampleBeta(belief.alpha, belief.beta, random));
  }
  const explore = random();
  let key: string;
  let explored = false;
  if (explore < floor) {
    explored = true;
    key = keys[Math.min(keys.length - 1, Math.floor((explore / floor) * keys.length))]!;
  } else {
    key = keys.reduce((best, candidate) => (draws[candidate]! > draws[best]! ? candidate : best));
  }
  return {
    key,
    explanation: {
      method: "learning",
      band: options.band,
      explored,
      posteriorMeans,
      draws,
      samples,
    },
  };
}

/** A split's choice for a customer (the content blocks' hash, per step). */
export function chooseSplit(
  variants: readonly StepVariant[],
  customerId: string,
  stepId: string,
): string | null {
  return (
    assignVariant(
      customerId,
      `collection-step:${stepId}`,
      variants.map((variant) => ({ id: variant.key, key: variant.key, weight: variant.weight })),
    )?.key ?? null
  );
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export interface CollectionObjective {
  /** Paid in full within this many days of the step (3, 7 or 14) counts as success. */
  paidWithinDays: 3 | 7 | 14;
  /** Subtracted when the customer's contract ended within 90 days of the step. */
  churnPenalty: number;
  /** Subtracted when the customer wrote to support within 14 days of the step. */
  supportPenalty: number;
}

export const DEFAULT_OBJECTIVE: CollectionObjective = {
  paidWithinDays: 14,
  churnPenalty: 1,
  supportPenalty: 0.25,
};

export function parseObjective(value: unknown): CollectionObjective {
  const raw = (value ?? {}) as Partial<Record<keyof CollectionObjective, unknown>>;
  const days = raw.paidWithinDays;
  const penalty = (v: unknown, fallback: number) =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 10 ? v : fallback;
  return {
    paidWithinDays:
      days === 3 || days === 7 || days === 14 ? days : DEFAULT_OBJECTIVE.paidWithinDays,
    churnPenalty: penalty(raw.churnPenalty, DEFAULT_OBJECTIVE.churnPenalty),
    supportPenalty: penalty(raw.supportPenalty, DEFAULT_OBJECTIVE.supportPenalty),
  };
}

/** The objective's value for one outcome, in [0, 1]. */
export function rewardOf(
  outcome: { paid: boolean; churned: boolean; supportContacts: number },
  objective: CollectionObjective,
): number {
  const value =
    (outcome.paid ? 1 : 0) -
    (outcome.churned ? objective.churnPenalty : 0) -
    (outcome.supportContacts > 0 ? objective.supportPenalty : 0);
  return Math.min(1, Math.max(0, value));
}
