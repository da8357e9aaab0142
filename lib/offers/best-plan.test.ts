import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  bestPlanFor,
  costOverMonthsOre,
  monthlyCostOre,
  type PricedPlan,
} from "@/lib/offers/best-plan";

function plan(code: string, overrides: Partial<PricedPlan> = {}): PricedPlan {
  return {
    id: `id-${code}`,
    code,
    name: code,
    kind: "ENERGY",
    monthlyFeeOre: 0,
    unitPriceCentiOre: 0,
    usageUnit: "KWH",
    includedQuantityMilli: null,
    vatRate: 25,
    ...overrides,
  };
}

// The demo energy catalogue (lib/demo/demo-catalogue.ts), prices excl. VAT.
const RORLIG = plan("EL-RORLIG", { monthlyFeeOre: 3_900, unitPriceCentiOre: 11_200 });
const FAST12 = plan("EL-FAST12", { monthlyFeeOre: 4_900, unitPriceCentiOre: 12_900 });
const GRON = plan("EL-GRON", { monthlyFeeOre: 2_900, unitPriceCentiOre: 11_800 });
const ENERGY = [RORLIG, FAST12, GRON];

const MOBIL20 = plan("MOBIL-20", {
  kind: "MOBILE",
  usageUnit: "GB",
  monthlyFeeOre: 15_920,
  unitPriceCentiOre: 160_000,
  includedQuantityMilli: 20_000,
});
const MOBIL50 = plan("MOBIL-50", {
  kind: "MOBILE",
  usageUnit: "GB",
  monthlyFeeOre: 24_920,
  unitPriceCentiOre: 100_000,
  includedQuantityMilli: 50_000,
});

const months = (count: number, kwh: number) => Array.from({ length: count }, () => kwh * 1000);

describe("monthlyCostOre", () => {
  it.each([
    ["fee plus every kWh", RORLIG, 100_000, 3_900 + 11_200],
    ["no usage, just the fee", RORLIG, 0, 3_900],
    ["a fraction of an öre rounds down below one half", RORLIG, 4, 3_900],
    ["half an öre rounds up", plan("X", { unitPriceCentiOre: 10_000 }), 5, 1],
    ["within the included amount", MOBIL20, 19_999, 15_920],
    ["exactly the included amount", MOBIL20, 20_000, 15_920],
    ["beyond it, per extra GB", MOBIL20, 25_500, 15_920 + 8_800],
    ["negative usage pays the fee only", RORLIG, -50_000, 3_900],
    ["a large month stays exact", RORLIG, 1_000_000_000, 3_900 + 112_000_000],
  ])("%s", (_name, priced, usage, expected) => {
    expect(monthlyCostOre(priced, usage)).toBe(expected);
  });

  it("sums month by month, each month rounded like its own invoice line", () => {
    const odd = plan("ODD", { unitPriceCentiOre: 100 });
    expect(costOverMonthsOre(odd, [500, 500, 500])).toBe(3);
    expect(monthlyCostOre(odd, 1_500)).toBe(2);
  });
});

describe("bestPlanFor", () => {
  it("moves a small user from the variable price to the low-fee green plan", () => {
    const result = bestPlanFor({
      currentPlan: RORLIG,
      plans: ENERGY,
      monthlyUsageMilli: months(12, 100),
    });
    expect(result).toEqual({
      bestPlan: GRON,
      isCurrentPlanBest: false,
      currentCostOre: 12 * 15_100,
      bestCostOre: 12 * 14_700,
      annualSavingOre: 4_800,
      annualSavingInclVatOre: 6_000,
      monthsConsidered: 12,
    });
  });

  it("moves a large user from the green plan to the lower unit price", () => {
    const result = bestPlanFor({
      currentPlan: GRON,
      plans: ENERGY,
      monthlyUsageMilli: months(12, 1_000),
    });
    expect(result?.bestPlan).toBe(RORLIG);
    expect(result?.annualSavingOre).toBe(12 * 5_000);
  });

  it("keeps the current plan when it is already the cheapest: saving 0", () => {
    const result = bestPlanFor({
      currentPlan: RORLIG,
      plans: ENERGY,
      monthlyUsageMilli: months(12, 1_000),
    });
    expect(result).toMatchObject({ bestPlan: RORLIG, isCurrentPlanBest: true, annualSavingOre: 0 });
    expect(result?.annualSavingInclVatOre).toBe(0);
  });

  it("keeps the current plan on a tie: an equal price is no reason to switch", () => {
    const twin = plan("TWIN", { monthlyFeeOre: 3_900, unitPriceCentiOre: 11_200 });
    const result = bestPlanFor({
      currentPlan: RORLIG,
      plans: [twin, RORLIG],
      monthlyUsageMilli: months(3, 300),
    });
    expect(result?.bestPlan).toBe(RORLIG);
  });

  it("between equally cheap others, takes the lower fee, then the code, whatever their order", () => {
    const current = plan("CUR", { monthlyFeeOre: 10_000 });
    const a = plan("B-LOWFEE", { monthlyFeeOre: 1_000, unitPriceCentiOre: 1000 });
    const b = plan("A-HIGHFEE", { monthlyFeeOre: 2_000 });
    const c = plan("A-LOWFEE", { monthlyFeeOre: 1_000, unitPriceCentiOre: 1000 });
    const usage = months(1, 100);
    for (const plans of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      expect(bestPlanFor({ currentPlan: current, plans, monthlyUsageMilli: usage })?.bestPlan).toBe(
        c,
      );
    }
  });

  it("scales fewer than twelve months to a year", () => {
    const result = bestPlanFor({
      currentPlan: RORLIG,
      plans: ENERGY,
      monthlyUsageMilli: months(3, 100),
    });
    expect(result).toMatchObject({ monthsConsidered: 3, annualSavingOre: 4_800 });
    const seven = bestPlanFor({
      currentPlan: RORLIG,
      plans: ENERGY,
      monthlyUsageMilli: months(7, 100),
    });
    expect(seven?.annualSavingOre).toBe(4_800);
  });

  it("scales to a year with one rounding, half away from zero", () => {
    const current = plan("CUR", { monthlyFeeOre: 1_000, unitPriceCentiOre: 100 });
    const flat = plan("FLAT", { monthlyFeeOre: 1_000 });
    // One öre over eight months is 1,5 öre a year: rounded up in magnitude to 2.
    const half = bestPlanFor({
      currentPlan: current,
      plans: [flat],
      monthlyUsageMilli: [1_000, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(half).toMatchObject({ bestPlan: flat, annualSavingOre: 2, annualSavingInclVatOre: 2 });
    // 5 005 öre net is 6 256,25 with VAT → 6 256; 5 000 → 6 250. Six öre in five months: 14,4 → 14.
    const dearer = plan("DEAR", { monthlyFeeOre: 1_001 });
    const inclVat = bestPlanFor({
      currentPlan: dearer,
      plans: [flat],
      monthlyUsageMilli: [0, 0, 0, 0, 0],
    });
    expect(inclVat).toMatchObject({ annualSavingOre: 12, annualSavingInclVatOre: 14 });
  });

  it("weighs the included amount: a big bundle pays off only for a big user", () => {
    const mobile = [MOBIL20, MOBIL50];
    expect(
      bestPlanFor({ currentPlan: MOBIL20, plans: mobile, monthlyUsageMilli: [25_000] })?.bestPlan,
    ).toBe(MOBIL20);
    const heavy = bestPlanFor({
      currentPlan: MOBIL20,
      plans: mobile,
      monthlyUsageMilli: [30_000, 30_000],
    });
    expect(heavy).toMatchObject({ bestPlan: MOBIL50, annualSavingOre: 12 * 7_000 });
    const light = bestPlanFor({ currentPlan: MOBIL50, plans: mobile, monthlyUsageMilli: [5_000] });
    expect(light).toMatchObject({ bestPlan: MOBIL20, annualSavingOre: 12 * 9_000 });
  });

  it("only compares plans of the same kind priced in the same unit (or flat)", () => {
    const cheapMobile = plan("M", { kind: "MOBILE", monthlyFeeOre: 1 });
    const cheapInGb = plan("GB", { usageUnit: "GB", monthlyFeeOre: 1, unitPriceCentiOre: 100 });
    const flat = plan("FLAT", { usageUnit: null, monthlyFeeOre: 14_000 });
    const result = bestPlanFor({
      currentPlan: RORLIG,
      plans: [cheapMobile, cheapInGb, flat, ...ENERGY],
      monthlyUsageMilli: months(12, 100),
    });
    expect(result?.bestPlan).toBe(flat);
    const flatCurrent = plan("FIBER-1000", {
      kind: "BROADBAND",
      usageUnit: null,
      monthlyFeeOre: 43_920,
    });
    const slower = plan("FIBER-100", { kind: "BROADBAND", usageUnit: null, monthlyFeeOre: 26_320 });
    const metered = plan("FIBER-M", {
      kind: "BROADBAND",
      usageUnit: "GB",
      monthlyFeeOre: 1,
      unitPriceCentiOre: 100,
    });
    const broadband = bestPlanFor({
      currentPlan: flatCurrent,
      plans: [metered, slower],
      monthlyUsageMilli: [400_000],
    });
    expect(broadband).toMatchObject({ bestPlan: slower, annualSavingOre: 12 * 17_600 });
  });

  it("has nothing to say without usage, and refuses fractional usage", () => {
    expect(bestPlanFor({ currentPlan: RORLIG, plans: ENERGY, monthlyUsageMilli: [] })).toBeNull();
    expect(() =>
      bestPlanFor({ currentPlan: RORLIG, plans: ENERGY, monthlyUsageMilli: [1.5] }),
    ).toThrow(AppError);
  });

  it("never beats the best plan: minimal, non-negative, order-independent (property)", () => {
    const planArb = fc.record({
      code: fc.string({ minLength: 1, maxLength: 4 }),
      monthlyFeeOre: fc.integer({ min: 0, max: 100_000 }),
      unitPriceCentiOre: fc.integer({ min: 0, max: 500_000 }),
      includedQuantityMilli: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        planArb,
        fc.uniqueArray(planArb, { selector: (p) => p.code, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 12 }),
        (currentFields, others, usage) => {
          const current = plan(`cur-${currentFields.code}`, currentFields);
          const plans = others.map((fields) => plan(fields.code, fields));
          const result = bestPlanFor({ currentPlan: current, plans, monthlyUsageMilli: usage })!;
          expect(result.annualSavingOre).toBeGreaterThanOrEqual(0);
          for (const candidate of [current, ...plans]) {
            expect(result.bestCostOre).toBeLessThanOrEqual(costOverMonthsOre(candidate, usage));
          }
          const reversed = bestPlanFor({
            currentPlan: current,
            plans: [...plans].reverse(),
            monthlyUsageMilli: usage,
          });
          expect(reversed?.bestPlan.code).toBe(result.bestPlan.code);
          expect(Number.isSafeInteger(result.annualSavingInclVatOre)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
