import { describe, expect, it } from "vitest";
import { emptyVariant, newBlockDraft, withNewVariant } from "@/components/marketing/block-draft";

const shares = (weights: number[]) => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.round((weight / total) * 100));
};

describe("adding a variant", () => {
  it("gives a new block's B the same weight as A: 50/50, not 67/33", () => {
    const [a] = newBlockDraft("INFORMATION").variants;
    const variants = withNewVariant([a!]);
    expect(variants.map((variant) => variant.key)).toEqual(["A", "B"]);
    expect(shares(variants.map((variant) => variant.weight))).toEqual([50, 50]);
  });

  it("keeps adding equal shares: A, B and C a third each", () => {
    const variants = withNewVariant(withNewVariant([emptyVariant("A", 100)]));
    expect(variants.map((variant) => variant.weight)).toEqual([100, 100, 100]);
  });

  it("gives the new variant an equal share while a chosen split keeps its proportions", () => {
    const variants = withNewVariant([emptyVariant("A", 70), emptyVariant("B", 30)]);
    expect(variants.map((variant) => variant.weight)).toEqual([70, 30, 50]);
    expect(shares(variants.map((variant) => variant.weight))).toEqual([47, 20, 33]);
  });

  it("ignores switched-off variants, and starts at 50 when none is on", () => {
    expect(
      withNewVariant([emptyVariant("A", 80), emptyVariant("B", 0)]).map((v) => v.weight),
    ).toEqual([80, 0, 80]);
    expect(withNewVariant([emptyVariant("A", 0)]).map((v) => v.weight)).toEqual([0, 50]);
  });
});
