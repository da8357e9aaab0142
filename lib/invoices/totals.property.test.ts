import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeInvoiceTotals,
  type InvoiceLineInput,
  lineNetOre,
  VAT_RATES,
} from "@/lib/invoices/totals";

const line: fc.Arbitrary<InvoiceLineInput> = fc.record(
  {
    quantityMilli: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    unitPriceCentiOre: fc.integer({ min: -1_000_000_000, max: 10_000_000_000 }),
    discountOre: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    vatRate: fc.constantFrom(...VAT_RATES),
  },
  { requiredKeys: ["quantityMilli", "unitPriceCentiOre", "vatRate"] },
);
const lines = fc.array(line, { maxLength: 30 });

/**
 * The documented line rule (totals.ts, rule 1) written out independently, in BigInt: net öre =
 * quantityMilli × unitPriceCentiOre / 100 000 rounded half away from zero, then minus the
 * discount. Nothing from totals.ts or lib/money is used, so a change of rule in either shows.
 */
function referenceLineNet(quantityMilli: number, unitPriceCentiOre: number, discountOre: number) {
  const product = BigInt(quantityMilli) * BigInt(unitPriceCentiOre);
  const magnitude = product < 0n ? -product : product;
  const whole = magnitude / 100_000n;
  const rest = magnitude % 100_000n;
  const rounded = 2n * rest >= 100_000n ? whole + 1n : whole;
  return (product < 0n ? -rounded : rounded) - BigInt(discountOre);
}

// What the columns hold (32-bit integers): products reach 2^61, far past exact doubles.
const INT32 = 2_147_483_647;
const anyLine = fc.record({
  quantityMilli: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  unitPriceCentiOre: fc.integer({ min: -INT32, max: INT32 }),
  discountOre: fc.integer({ min: -INT32, max: INT32 }),
});
// Exact ties: half a unit at a price ending in 100 hundredths of an öre per 200 (x,5 öre).
const tieLine = fc.record({
  quantityMilli: fc.constantFrom(500, -500, 1500, -1500),
  unitPriceCentiOre: fc.integer({ min: -5_000_000, max: 5_000_000 }).map((k) => 200 * k + 100),
  discountOre: fc.integer({ min: -100_000, max: 100_000 }),
});
// Energy quantities and öre-fraction prices, the everyday case.
const energyLine = fc.record({
  quantityMilli: fc.integer({ min: 0, max: 5_000_000 }),
  unitPriceCentiOre: fc.integer({ min: 0, max: 30_000 }),
  discountOre: fc.constant(0),
});
const rounding = fc.boolean();

describe("invoice totals properties", () => {
  it("each line's net is the documented rule computed independently in BigInt", () => {
    fc.assert(
      fc.property(fc.oneof(anyLine, tieLine, energyLine), (input) => {
        const expected = referenceLineNet(
          input.quantityMilli,
          input.unitPriceCentiOre,
          input.discountOre,
        );
        expect(BigInt(lineNetOre(input))).toBe(expected);
        // The same net reaches the totals: one line's group is that line.
        const totals = computeInvoiceTotals([{ ...input, vatRate: 25 }], {
          roundToWholeKrona: false,
        });
        expect(BigInt(totals.netOre)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // The rule's own examples: 43,90 öre/kWh × 412,345 kWh = 18 101,9455 öre → 18 102;
    // a tie (0,5 kWh × 1,00 öre = 0,5 öre) rounds away from zero on both sides.
    expect(lineNetOre({ quantityMilli: 412_345, unitPriceCentiOre: 4_390 })).toBe(18_102);
    expect(lineNetOre({ quantityMilli: 500, unitPriceCentiOre: 100 })).toBe(1);
    expect(lineNetOre({ quantityMilli: -500, unitPriceCentiOre: 100 })).toBe(-1);
  });

  it("total = net + VAT + rounding, and gross = net + VAT", () => {
    fc.assert(
      fc.property(lines, rounding, (input, roundToWholeKrona) => {
        const t = computeInvoiceTotals(input, { roundToWholeKrona });
        expect(t.grossOre).toBe(t.netOre + t.vatOre);
        expect(t.totalOre).toBe(t.netOre + t.vatOre + t.roundingOre);
      }),
    );
  });

  it("net equals the sum of the group nets and the sum of the line nets", () => {
    fc.assert(
      fc.property(lines, rounding, (input, roundToWholeKrona) => {
        const t = computeInvoiceTotals(input, { roundToWholeKrona });
        const groupNets = t.vatGroups.reduce((sum, g) => sum + g.netOre, 0);
        const lineNets = input.reduce((sum, l) => sum + lineNetOre(l), 0);
        const groupVats = t.vatGroups.reduce((sum, g) => sum + g.vatOre, 0);
        expect(t.netOre).toBe(groupNets);
        expect(t.netOre).toBe(lineNets);
        expect(t.vatOre).toBe(groupVats);
      }),
    );
  });

  it("öresutjämning stays within ±50 öre and lands on whole kronor", () => {
    fc.assert(
      fc.property(lines, (input) => {
        const t = computeInvoiceTotals(input, { roundToWholeKrona: true });
        expect(Math.abs(t.roundingOre)).toBeLessThanOrEqual(50);
        expect(Math.abs(t.totalOre % 100)).toBe(0);
        // A tie is the only case with |rounding| = 50, and it must move away from zero.
        if (Math.abs(t.roundingOre) === 50) {
          expect(Math.sign(t.roundingOre)).toBe(Math.sign(t.grossOre));
        }
      }),
    );
  });

  it("without öresutjämning the total is the gross, untouched", () => {
    fc.assert(
      fc.property(lines, (input) => {
        const t = computeInvoiceTotals(input, { roundToWholeKrona: false });
        expect(t.roundingOre).toBe(0);
        expect(t.totalOre).toBe(t.grossOre);
      }),
    );
  });

  it("line order does not matter", () => {
    fc.assert(
      fc.property(
        lines.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }),
          ),
        ),
        rounding,
        ([input, shuffled], roundToWholeKrona) => {
          expect(computeInvoiceTotals(shuffled, { roundToWholeKrona })).toEqual(
            computeInvoiceTotals(input, { roundToWholeKrona }),
          );
        },
      ),
    );
  });

  it("each group's VAT is within half an öre of net × rate / 100 (exact rational check)", () => {
    fc.assert(
      fc.property(lines, (input) => {
        const t = computeInvoiceTotals(input, { roundToWholeKrona: false });
        for (const g of t.vatGroups) {
          const error = 100n * BigInt(g.vatOre) - BigInt(g.netOre) * BigInt(g.vatRate);
          expect(error <= 50n && error >= -50n).toBe(true);
        }
      }),
    );
  });

  it("groups are unique, sorted by rate descending and only for rates in use", () => {
    fc.assert(
      fc.property(lines, (input) => {
        const rates = computeInvoiceTotals(input, { roundToWholeKrona: false }).vatGroups.map(
          (g) => g.vatRate,
        );
        const expected = [...new Set(input.map((l) => l.vatRate))].sort((a, b) => b - a);
        expect(rates).toEqual(expected);
      }),
    );
  });

  it("a credit note (quantities and discounts negated) mirrors every figure exactly", () => {
    fc.assert(
      fc.property(lines, rounding, (input, roundToWholeKrona) => {
        const credit = input.map((l) => ({
          ...l,
          quantityMilli: -l.quantityMilli,
          discountOre: l.discountOre === undefined ? undefined : -l.discountOre,
        }));
        const original = computeInvoiceTotals(input, { roundToWholeKrona });
        const mirrored = computeInvoiceTotals(credit, { roundToWholeKrona });
        const negate = (n: number) => (n === 0 ? 0 : -n);
        expect(mirrored).toEqual({
          vatGroups: original.vatGroups.map((g) => ({
            vatRate: g.vatRate,
            netOre: negate(g.netOre),
            vatOre: negate(g.vatOre),
          })),
          netOre: negate(original.netOre),
          vatOre: negate(original.vatOre),
          grossOre: negate(original.grossOre),
          roundingOre: negate(original.roundingOre),
          totalOre: negate(original.totalOre),
        });
      }),
    );
  });
});
