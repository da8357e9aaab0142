import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignVariant, type WeightedVariant } from "@/lib/content/blocks/variant-assignment";
import { AppError } from "@/lib/errors/app-error";

const BLOCK = "6f1c1d8e-2f55-4d0e-9a51-0c7f0b1d2a11";

function variants(...weights: number[]): WeightedVariant[] {
  return weights.map((weight, index) => ({
    id: `variant-${index}`,
    key: String.fromCharCode(65 + index),
    weight,
  }));
}

/** Share of each variant key, in percent, over `count` random customers. */
function shares(list: WeightedVariant[], count: number): Record<string, number> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const chosen = assignVariant(randomUUID(), BLOCK, list);
    if (chosen) tally[chosen.key] = (tally[chosen.key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(tally).map(([key, n]) => [key, (n * 100) / count]));
}

describe("assignVariant", () => {
  it("gives a customer the same variant every time", () => {
    const list = variants(1, 1, 1);
    for (let i = 0; i < 200; i += 1) {
      const customer = randomUUID();
      const first = assignVariant(customer, BLOCK, list);
      expect(assignVariant(customer, BLOCK, list)).toEqual(first);
      expect(assignVariant(customer, BLOCK, structuredClone(list))).toEqual(first);
    }
  });

  it("does not depend on the order the variants are listed in", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (customer, weights, seed) => {
          const list = variants(...weights);
          const shuffled = fc.sample(fc.shuffledSubarray(list, { minLength: list.length }), {
            numRuns: 1,
            seed,
          })[0]!;
          expect(assignVariant(customer, BLOCK, shuffled)?.id).toBe(
            assignVariant(customer, BLOCK, list)?.id,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never chooses a variant of weight 0, and chooses nothing when all weigh 0", () => {
    const list = variants(0, 5, 0, 5);
    for (let i = 0; i < 2_000; i += 1) {
      expect(["B", "D"]).toContain(assignVariant(randomUUID(), BLOCK, list)?.key);
    }
    expect(assignVariant(randomUUID(), BLOCK, variants(0, 0))).toBeNull();
    expect(assignVariant(randomUUID(), BLOCK, [])).toBeNull();
  });

  it("hashes per block, so two blocks split the same customers independently", () => {
    const list = variants(1, 1);
    let same = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const customer = randomUUID();
      if (
        assignVariant(customer, "block-1", list)?.key ===
        assignVariant(customer, "block-2", list)?.key
      )
        same += 1;
    }
    // Independent 50/50 splits agree about half the time (±5 points is > 4 standard deviations).
    expect(Math.abs(same / 20 - 50)).toBeLessThan(5);
  });

  it.each([
    ["50/50", [50, 50]],
    ["70/20/10", [70, 20, 10]],
    ["1/1/1 by small weights", [1, 1, 1]],
  ])("splits 20 000 customers %s within ±2 percentage points", (_name, weights) => {
    const list = variants(...weights);
    const total = weights.reduce((a, b) => a + b, 0);
    const measured = shares(list, 20_000);
    for (const variant of list) {
      expect(Math.abs((measured[variant.key] ?? 0) - (variant.weight * 100) / total)).toBeLessThan(
        2,
      );
    }
  });

  it("refuses a negative or fractional weight", () => {
    expect(() => assignVariant("c", BLOCK, variants(1, -1))).toThrow(AppError);
    expect(() => assignVariant("c", BLOCK, variants(1, 0.5))).toThrow(AppError);
  });
});
