import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisTicks, COUNT_AXIS, USAGE_AXIS } from "@/lib/charts/axis-ticks";

describe("axisTicks for usage (thousandths)", () => {
  const ticks = (max: number) => axisTicks(max, USAGE_AXIS);

  it("picks 1, 2 or 5 × 10^n steps", () => {
    expect(ticks(41_500)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(ticks(4_000)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(ticks(4_001)).toEqual([0, 2_000, 4_000, 6_000]);
    expect(ticks(1_000)).toEqual([0, 500, 1_000]);
    expect(ticks(0)).toEqual([0, 500, 1_000]);
    expect(ticks(-3)).toEqual([0, 500, 1_000]);
    expect(ticks(1)).toEqual([0, 1, 2]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
  });

  it("gives 3–5 ticks from 0 that reach the maximum without wasting the plot", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 1e13 }), (max) => {
        const result = ticks(max);
        expect(result.length).toBeGreaterThanOrEqual(3);
        expect(result.length).toBeLessThanOrEqual(5);
        expect(result[0]).toBe(0);
        const step = result[1]!;
        expect(String(step)).toMatch(/^[125]0*$/);
        expect(result).toEqual(result.map((_, index) => index * step));
        expect(result.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(result.at(-1)! - step).toBeLessThan(max);
        expect(result.at(-1)!).toBeLessThan(1.625 * max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("axisTicks for counts", () => {
  const ticks = (max: number) => axisTicks(max, COUNT_AXIS);

  it("gives 2–6 ticks of whole round steps reaching the largest count", () => {
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(6)).toEqual([0, 2, 4, 6]);
    expect(ticks(37)).toEqual([0, 10, 20, 30, 40]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (max) => {
        const result = ticks(max);
        expect(result.length).toBeGreaterThanOrEqual(2);
        expect(result.length).toBeLessThanOrEqual(6);
        expect(result.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(result.at(-1)! - result[1]!).toBeLessThan(max);
      }),
    );
  });
});
