import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Belief,
  bandBelief,
  chooseLearned,
  chooseSplit,
  customerBand,
  DEFAULT_OBJECTIVE,
  EXPLORATION_FLOOR,
  parseObjective,
  rewardOf,
  type StepBeliefs,
  sampleBeta,
  sampleGamma,
  seededRandom,
} from "@/lib/collections/learner";

const beliefs = (entries: Record<string, Record<string, [number, number]>>): StepBeliefs => {
  const byBand = new Map<string, Map<string, Belief>>();
  const pooled = new Map<string, Belief>();
  for (const [band, variants] of Object.entries(entries)) {
    const map = new Map<string, Belief>();
    for (const [key, [alpha, beta]] of Object.entries(variants)) {
      map.set(key, { alpha, beta, samples: Math.round(alpha + beta) });
      const sum = pooled.get(key) ?? { alpha: 0, beta: 0, samples: 0 };
      pooled.set(key, {
        alpha: sum.alpha + alpha,
        beta: sum.beta + beta,
        samples: sum.samples + Math.round(alpha + beta),
      });
    }
    byBand.set(band, map);
  }
  return { byBand, pooled };
};

const AB = [
  { key: "A", weight: 50 },
  { key: "B", weight: 50 },
];

describe("the learner", () => {
  // Reproduction: the engine's property test drew a pooled belief of alpha = beta = 0; its mean was
  // 0 / 0, the prior NaN, and the Gamma sampler's rejection loop never ended (the test process
  // spun until CI's time limit).
  it("starts a band from the even prior when the pool has no weight, and never samples a NaN shape", () => {
    const empty = {
      byBand: new Map(),
      pooled: new Map([["A", { alpha: 0, beta: 0, samples: 0 }]]),
    };
    const belief = bandBelief(empty, "band", "A");
    expect(Number.isFinite(belief.alpha) && Number.isFinite(belief.beta)).toBe(true);
    expect(belief.alpha).toBe(belief.beta);
    const choice = chooseLearned({
      variants: AB,
      beliefs: {
        byBand: new Map(),
        pooled: new Map([
          ["A", { alpha: 0, beta: 0, samples: 1 }],
          ["B", { alpha: 0, beta: 0, samples: 1 }],
        ]),
      },
      band: "band",
      seed: "zero-pool",
    });
    expect(["A", "B"]).toContain(choice!.key);
    const random = seededRandom("shape");
    for (const shape of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1]) {
      expect(() => sampleGamma(shape, random)).toThrow(RangeError);
    }
  });

  it("names a customer's band from tenure, history, amount and kind", () => {
    expect(
      customerBand({
        tenureMonths: 3,
        overdueInvoices12m: 0,
        amountDueOre: 30_000,
        isBusiness: false,
      }),
    ).toBe("t0-h0-a0-c");
    expect(
      customerBand({
        tenureMonths: 80,
        overdueInvoices12m: 2,
        amountDueOre: 250_000,
        isBusiness: true,
      }),
    ).toBe("t2-h1-a2-b");
    expect(
      customerBand({
        tenureMonths: 12,
        overdueInvoices12m: 0,
        amountDueOre: 200_000,
        isBusiness: false,
      }),
    ).toBe("t1-h0-a1-c");
  });

  it("draws the same numbers from the same seed, and Beta draws with the right mean", () => {
    const a = seededRandom("seed");
    const b = seededRandom("seed");
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const random = seededRandom("beta");
    let sum = 0;
    for (let i = 0; i < 20_000; i += 1) sum += sampleBeta(3, 7, random);
    expect(sum / 20_000).toBeCloseTo(0.3, 2);
  });

  it("chooses the same variant for the same invoice, step and beliefs (a replayable decision)", () => {
    const state = beliefs({ "t1-h0-a0-c": { A: [10, 10], B: [12, 8] } });
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const first = chooseLearned({ variants: AB, beliefs: state, band: "t1-h0-a0-c", seed });
        const again = chooseLearned({ variants: AB, beliefs: state, band: "t1-h0-a0-c", seed });
        expect(again).toEqual(first);
        expect(["A", "B"]).toContain(first!.key);
      }),
    );
  });

  it("sends most traffic to the variant that does better in the band, and keeps exploring the other", () => {
    const state = beliefs({
      band: { A: [90, 110], B: [150, 50] },
      other: { A: [150, 50], B: [90, 110] },
    });
    const share = (band: string) => {
      let b = 0;
      let explored = 0;
      for (let i = 0; i < 4_000; i += 1) {
        const choice = chooseLearned({ variants: AB, beliefs: state, band, seed: `invoice-${i}` })!;
        if (choice.key === "B") b += 1;
        if (choice.explanation.explored) explored += 1;
      }
      return { b: b / 4_000, explored: explored / 4_000 };
    };
    const band = share("band");
    expect(band.b).toBeGreaterThan(0.9);
    // The floor: about EXPLORATION_FLOOR of choices are uniform, so A still gets ≥ half of it.
    expect(band.explored).toBeGreaterThan(EXPLORATION_FLOOR * 0.8);
    expect(band.explored).toBeLessThan(EXPLORATION_FLOOR * 1.2);
    expect(1 - band.b).toBeGreaterThan((EXPLORATION_FLOOR / 2) * 0.8);
    // Per band: the other band prefers A.
    expect(share("other").b).toBeLessThan(0.1);
  });

  it("says why: the band, the posterior means and whether it explored", () => {
    const state = beliefs({ band: { A: [1, 9], B: [9, 1] } });
    const choice = chooseLearned({ variants: AB, beliefs: state, band: "band", seed: "x" })!;
    expect(choice.explanation.band).toBe("band");
    expect(choice.explanation.posteriorMeans.B).toBeGreaterThan(
      choice.explanation.posteriorMeans.A!,
    );
    // A band never seen starts from the pool's mean, not from nothing.
    const fresh = chooseLearned({ variants: AB, beliefs: state, band: "new", seed: "x" })!;
    expect(fresh.explanation.posteriorMeans.B).toBeGreaterThan(0.5);
    expect(fresh.explanation.samples).toEqual({ A: 0, B: 0 });
  });

  it("splits by the customer, not by chance, and honours the weights", () => {
    const split = [
      { key: "A", weight: 20 },
      { key: "B", weight: 80 },
    ];
    expect(chooseSplit(split, "customer-1", "step")).toBe(chooseSplit(split, "customer-1", "step"));
    let b = 0;
    for (let i = 0; i < 5_000; i += 1)
      if (chooseSplit(split, `customer-${i}`, "step") === "B") b += 1;
    expect(b / 5_000).toBeGreaterThan(0.77);
    expect(b / 5_000).toBeLessThan(0.83);
  });

  it("scores an outcome by the objective, within [0, 1]", () => {
    expect(rewardOf({ paid: true, churned: false, supportContacts: 0 }, DEFAULT_OBJECTIVE)).toBe(1);
    expect(rewardOf({ paid: true, churned: false, supportContacts: 2 }, DEFAULT_OBJECTIVE)).toBe(
      0.75,
    );
    expect(rewardOf({ paid: true, churned: true, supportContacts: 0 }, DEFAULT_OBJECTIVE)).toBe(0);
    expect(rewardOf({ paid: false, churned: false, supportContacts: 0 }, DEFAULT_OBJECTIVE)).toBe(
      0,
    );
    expect(parseObjective({ paidWithinDays: 7, churnPenalty: 0.5 })).toEqual({
      paidWithinDays: 7,
      churnPenalty: 0.5,
      supportPenalty: 0.25,
    });
    expect(parseObjective({ paidWithinDays: 5, churnPenalty: -1 })).toEqual(DEFAULT_OBJECTIVE);
  });
});
