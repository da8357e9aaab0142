import { describe, expect, it } from "vitest";
import { formatRate, rateOf, wilsonInterval } from "@/lib/content/analytics/wilson-interval";

describe("wilsonInterval", () => {
  it("matches the published values for 5 of 10 and 0 of 10", () => {
    // Reference values: Wilson (1927), as tabulated by Newcombe (1998), method 3.
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
  });

  it("matches 81 of 263 (Newcombe's example)", () => {
    const interval = wilsonInterval(81, 263)!;
    expect(interval.low).toBeCloseTo(0.2553, 4);
    expect(interval.high).toBeCloseTo(0.3662, 4);
  });

  it("is symmetric: k of n mirrors n − k of n", () => {
    const a = wilsonInterval(3, 40)!;
    const b = wilsonInterval(37, 40)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it("always contains the observed share and stays within [0, 1]", () => {
    for (const trials of [1, 2, 7, 50, 1000]) {
      for (
        let successes = 0;
        successes <= trials;
        successes += Math.max(1, Math.floor(trials / 7))
      ) {
        const { low, high } = wilsonInterval(successes, trials)!;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(successes / trials + 1e-12);
        expect(high).toBeGreaterThanOrEqual(successes / trials - 1e-12);
      }
    }
  });

  it("narrows as the sample grows", () => {
    const small = wilsonInterval(10, 100)!;
    const large = wilsonInterval(1000, 10_000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("has no interval without trials, and caps successes at the trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 0)).toBeNull();
    expect(wilsonInterval(12, 10)).toEqual(wilsonInterval(10, 10));
    expect(wilsonInterval(10, 10)!.high).toBe(1);
  });
});

describe("rateOf and formatRate", () => {
  it("formats a share with its interval, and a dash before any trial", () => {
    expect(formatRate(rateOf(5, 10))).toBe("50.0 % (23.7–76.3 %)");
    expect(formatRate(rateOf(0, 0))).toBe("–");
    expect(rateOf(0, 0)).toMatchObject({ rate: null, low: null, high: null });
  });
});
