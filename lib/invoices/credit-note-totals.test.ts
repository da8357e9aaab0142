import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  type CreditableLine,
  creditedQuantities,
  mirrorLines,
  partialCreditLines,
  remainingQuantityMilli,
} from "./credit-note-lines";
import { type CreditNoteTotals, computeCreditNoteTotals } from "./credit-note-totals";
import { computeInvoiceTotals, type InvoiceTotals, VAT_RATES } from "./totals";

const line = (position: number, over: Partial<CreditableLine> = {}): CreditableLine => ({
  id: `line-${position}`,
  position,
  kind: "OTHER",
  description: `Rad ${position}`,
  descriptionEn: null,
  quantityMilli: 1000,
  unit: "st",
  unitPriceCentiOre: 404_800,
  vatRate: 25,
  vatExemptionReason: null,
  discountOre: 0,
  periodStart: null,
  periodEnd: null,
  ...over,
});

function creditInTurn(
  lines: CreditableLine[],
  requests: Array<Array<{ lineId: string; quantityMilli?: number }>>,
  roundToWholeKrona: boolean,
) {
  const invoice = computeInvoiceTotals(lines, { roundToWholeKrona });
  const notes: CreditNoteTotals[] = [];
  const creditLines: Array<{ position: number; quantityMilli: number }> = [];
  for (const requested of requests) {
    const note = partialCreditLines(lines, creditedQuantities(creditLines), requested);
    notes.push(computeCreditNoteTotals(note, { invoice, earlier: notes, roundToWholeKrona }));
    creditLines.push(...note);
  }
  return { invoice, notes };
}

const sumAt = (notes: InvoiceTotals[], rate: number, field: "netOre" | "vatOre") =>
  notes.reduce(
    (sum, note) => sum + (note.vatGroups.find((g) => g.vatRate === rate)?.[field] ?? 0),
    0,
  );

describe("credit note totals", () => {
  it("credits two lines of 40,48 kr at 25 % one by one under öresutjämning, reversing all the VAT", () => {
    const lines = [line(1), line(2)];
    const { invoice, notes } = creditInTurn(
      lines,
      [[{ lineId: "line-1" }], [{ lineId: "line-2" }]],
      true,
    );
    expect(invoice).toMatchObject({
      netOre: 8096,
      vatOre: 2024,
      roundingOre: -20,
      totalOre: 10_100,
    });
    expect(notes[0]).toMatchObject({
      netOre: -4048,
      vatOre: -1012,
      totalOre: -5100,
      completesInvoice: false,
    });
    // The second takes back exactly what is left: VAT to the öre, total to the invoice's.
    expect(notes[1]).toMatchObject({
      netOre: -4048,
      vatOre: -1012,
      totalOre: -5000,
      completesInvoice: true,
    });
    expect(sumAt(notes, 25, "vatOre")).toBe(-invoice.vatOre);
    expect(notes.reduce((sum, note) => sum + note.totalOre, 0)).toBe(-invoice.totalOre);
  });

  it("mirrors a whole invoice exactly in one credit note", () => {
    const lines = [
      line(1),
      line(2, { vatRate: 12, unitPriceCentiOre: 333_300, quantityMilli: 1500 }),
    ];
    const invoice = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const note = computeCreditNoteTotals(mirrorLines(lines), {
      invoice,
      earlier: [],
      roundToWholeKrona: true,
    });
    expect(note.vatGroups).toEqual(
      invoice.vatGroups.map((group) => ({
        ...group,
        netOre: -group.netOre,
        vatOre: -group.vatOre,
      })),
    );
    expect(note.totalOre).toBe(-invoice.totalOre);
  });

  it("refuses to credit more than was charged at a rate, and any 0 % credit where nothing was", () => {
    const lines = [line(1)];
    const invoice = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const amount = (netOre: number, vatRate: number) => [
      { quantityMilli: -1000, unitPriceCentiOre: netOre * 100, vatRate },
    ];
    expect(() =>
      computeCreditNoteTotals(amount(4049, 25), { invoice, earlier: [], roundToWholeKrona: true }),
    ).toThrow(/more than the invoice charged at 25 %/);
    const fee = (() => {
      try {
        computeCreditNoteTotals(amount(6000, 0), { invoice, earlier: [], roundToWholeKrona: true });
      } catch (error) {
        return error as AppError;
      }
      return null;
    })();
    expect(fee).toBeInstanceOf(AppError);
    expect(fee!.message).toMatch(/reminder fee .* fee waiver/);
    expect(() =>
      computeCreditNoteTotals(amount(1000, 12), { invoice, earlier: [], roundToWholeKrona: true }),
    ).toThrow(/Nothing on this invoice was charged at 12 %/);
  });

  it("adds up to the invoice per rate however its lines are credited in parts (property)", () => {
    const arbitraryLine = fc.record({
      quantityMilli: fc.integer({ min: 1, max: 50_000 }),
      unitPriceCentiOre: fc.integer({ min: 1, max: 5_000_000 }),
      vatRate: fc.constantFrom(...VAT_RATES.filter((rate) => rate !== 0)),
      discountPercent: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryLine, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 }),
        (specs, roundToWholeKrona, splits) => {
          const lines = specs.map((spec, index) =>
            line(index + 1, {
              quantityMilli: spec.quantityMilli,
              unitPriceCentiOre: spec.unitPriceCentiOre,
              vatRate: spec.vatRate,
              discountOre: Math.floor(
                ((spec.quantityMilli * spec.unitPriceCentiOre) / 100_000) *
                  (spec.discountPercent / 100),
              ),
            }),
          );
          const invoice = computeInvoiceTotals(lines, { roundToWholeKrona });
          if (invoice.totalOre <= 0) return;
          const notes: CreditNoteTotals[] = [];
          const credited: Array<{ position: number; quantityMilli: number }> = [];
          // Credit each line in 1–3 parts, in turn, until nothing is left.
          let split = 0;
          for (const current of lines) {
            const parts = splits[split++ % splits.length]!;
            for (let part = parts; part >= 1; part--) {
              const remaining = remainingQuantityMilli(current, creditedQuantities(credited));
              if (remaining <= 0) break;
              const take = part === 1 ? remaining : Math.max(1, Math.floor(remaining / part));
              const noteLines = partialCreditLines(lines, creditedQuantities(credited), [
                { lineId: current.id, quantityMilli: take },
              ]);
              notes.push(
                computeCreditNoteTotals(noteLines, { invoice, earlier: notes, roundToWholeKrona }),
              );
              credited.push(...noteLines);
            }
          }
          for (const group of invoice.vatGroups) {
            expect(0 - sumAt(notes, group.vatRate, "netOre")).toBe(group.netOre);
            expect(0 - sumAt(notes, group.vatRate, "vatOre")).toBe(group.vatOre);
          }
          expect(0 - notes.reduce((sum, note) => sum + note.totalOre, 0)).toBe(invoice.totalOre);
          expect(notes.at(-1)!.completesInvoice).toBe(true);
          for (const note of notes) {
            // Each note's VAT is within an öre per rate of its own net's.
            for (const group of note.vatGroups) {
              const own = Math.round((group.netOre * group.vatRate) / 100);
              expect(Math.abs(group.vatOre - own)).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
