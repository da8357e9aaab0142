import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  amountCreditLine,
  type CreditableLine,
  type CreditNoteLine,
  creditedQuantities,
  mirrorLines,
  partialCreditLines,
  remainingQuantityMilli,
} from "@/lib/invoices/credit-note-lines";
import { computeInvoiceTotals, lineNetOre } from "@/lib/invoices/totals";

function line(overrides: Partial<CreditableLine> = {}): CreditableLine {
  return {
    vatExemptionReason: null,
    id: "line-1",
    position: 1,
    kind: "USAGE",
    description: "Samtal",
    descriptionEn: null,
    quantityMilli: 12_345,
    unit: "min",
    unitPriceCentiOre: 4900,
    vatRate: 25,
    discountOre: 0,
    periodStart: null,
    periodEnd: null,
    ...overrides,
  };
}

const credit = (text = { description: "Kreditering", descriptionEn: "Credit" }) => ({
  ...text,
  roundToWholeKrona: false,
});
const totalsOf = (lines: CreditNoteLine[], roundToWholeKrona = false) =>
  computeInvoiceTotals(lines, { roundToWholeKrona });

describe("amountCreditLine", () => {
  it("splits 100,00 kr including 25 % VAT into net 80,00 and VAT 20,00", () => {
    const result = amountCreditLine({ ...credit(), amountOre: 10_000, vatRate: 25 });
    expect(result).toMatchObject({
      position: 0,
      kind: "CREDIT",
      description: "Kreditering",
      descriptionEn: "Credit",
      quantityMilli: -1000,
      unitPriceCentiOre: 800_000,
      vatRate: 25,
    });
    expect(totalsOf([result])).toMatchObject({
      netOre: -8_000,
      vatOre: -2_000,
      roundingOre: 0,
      totalOre: -10_000,
    });
  });

  it("hits every reachable amount exactly at every rate, with and without öresutjämning", () => {
    let reached = 0;
    for (const vatRate of [25, 12, 6, 0]) {
      for (const amountOre of [1, 99, 100, 4_999, 12_345, 99_900, 123_456_700]) {
        for (const roundToWholeKrona of [false, true]) {
          let result: CreditNoteLine;
          try {
            result = amountCreditLine({ ...credit(), amountOre, vatRate, roundToWholeKrona });
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            continue;
          }
          expect(totalsOf([result], roundToWholeKrona).totalOre).toBe(-amountOre);
          reached++;
        }
      }
    }
    // Of the 56 cases only the 16 odd-öre amounts under öresutjämning cannot be reached.
    expect(reached).toBe(40);
  });

  it("whole kronor always work when the organisation rounds to whole kronor", () => {
    for (const vatRate of [25, 12, 6, 0]) {
      for (let kronor = 1; kronor <= 300; kronor++) {
        const result = amountCreditLine({
          ...credit(),
          amountOre: kronor * 100,
          vatRate,
          roundToWholeKrona: true,
        });
        expect(totalsOf([result], true).totalOre).toBe(-kronor * 100);
      }
    }
  });

  it("refuses an amount no whole-öre split reaches, naming the nearest that do", () => {
    // At 25 %: net 80,01 gives VAT 20,00 (100,01); net 80,02 gives VAT 20,01 (100,03).
    const error = (() => {
      try {
        amountCreditLine({ ...credit(), amountOre: 10_002, vatRate: 25 });
      } catch (caught) {
        return caught as AppError;
      }
      throw new Error("expected a refusal");
    })();
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/100,01\skr or 100,03\skr/);
    expect(error.details).toEqual({ nearestBelowOre: 10_001, nearestAboveOre: 10_003 });
  });

  it("labels compensation as such", () => {
    const result = amountCreditLine({
      ...credit({ description: "Kompensation", descriptionEn: "Compensation" }),
      amountOre: 5_000,
      vatRate: 25,
    });
    expect(result).toMatchObject({ description: "Kompensation", descriptionEn: "Compensation" });
  });
});

describe("partialCreditLines", () => {
  const discounted = line({
    id: "line-2",
    position: 2,
    kind: "SUBSCRIPTION",
    quantityMilli: 3_000,
    unitPriceCentiOre: 33_300,
    discountOre: 100,
  });

  it("credits a whole line as its mirror", () => {
    const [result] = partialCreditLines([discounted], new Map(), [{ lineId: "line-2" }]);
    expect(result).toEqual(mirrorLines([discounted])[0]);
  });

  it("parts of a line add up to exactly the line's net, whatever the parts", () => {
    for (const parts of [
      [1, 2_999],
      [1_000, 1_000, 1_000],
      [7, 1_493, 1_500],
      [2_999, 1],
    ]) {
      const taken: CreditNoteLine[] = [];
      for (const part of parts) {
        const credited = creditedQuantities(taken);
        const [next] = partialCreditLines([discounted], credited, [
          { lineId: "line-2", quantityMilli: part },
        ]);
        taken.push(next!);
      }
      const netSum = taken.reduce((sum, credit) => sum + lineNetOre(credit), 0);
      expect(netSum).toBe(-lineNetOre(discounted));
      expect(remainingQuantityMilli(discounted, creditedQuantities(taken))).toBe(0);
    }
  });

  it("credits a negative line in its own direction", () => {
    const refundLine = line({
      id: "line-3",
      position: 3,
      quantityMilli: -2_000,
      unitPriceCentiOre: 50_000,
    });
    const [result] = partialCreditLines([refundLine], new Map(), [
      { lineId: "line-3", quantityMilli: 500 },
    ]);
    expect(result).toMatchObject({ quantityMilli: 500, position: 3 });
    expect(remainingQuantityMilli(refundLine, creditedQuantities([result!]))).toBe(1_500);
  });

  it("refuses more than remains of a line, a line credited in full and a foreign line", () => {
    const usage = line();
    const credited = creditedQuantities([{ position: 1, quantityMilli: -12_000 }]);
    expect(() =>
      partialCreditLines([usage], credited, [{ lineId: "line-1", quantityMilli: 346 }]),
    ).toThrow(/Only 0.345 min of line 1 \(Samtal\) remain uncredited/);
    const all = creditedQuantities([{ position: 1, quantityMilli: -12_345 }]);
    expect(() => partialCreditLines([usage], all, [{ lineId: "line-1" }])).toThrow(
      /Nothing is left to credit on line 1/,
    );
    expect(() => partialCreditLines([usage], new Map(), [{ lineId: "elsewhere" }])).toThrow(
      /not a line of this invoice/,
    );
  });

  it("does not count amount credits (position 0) against any line", () => {
    expect(creditedQuantities([{ position: 0, quantityMilli: -1000 }]).size).toBe(0);
  });
});
