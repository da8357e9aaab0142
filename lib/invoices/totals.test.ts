import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  computeInvoiceTotals,
  type InvoiceLineInput,
  isVatRate,
  lineNetOre,
  VAT_RATES,
} from "@/lib/invoices/totals";

function expectBadInput(call: () => unknown, messagePart: RegExp): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("BAD_INPUT");
  expect((caught as AppError).message).toMatch(messagePart);
}

describe("VAT rates", () => {
  it("are the Swedish rates 25, 12, 6 and 0 percent", () => {
    expect(VAT_RATES).toEqual([25, 12, 6, 0]);
  });

  it("isVatRate accepts exactly those", () => {
    for (const rate of [25, 12, 6, 0]) expect(isVatRate(rate)).toBe(true);
    for (const other of [24, 13, 7, 1, -25, 25.0001, Number.NaN, "25", null]) {
      expect(isVatRate(other)).toBe(false);
    }
  });
});

describe("lineNetOre", () => {
  it("multiplies thousandths of a unit by the unit price", () => {
    // 2 h × 950,00 kr = 1 900,00 kr
    expect(lineNetOre({ quantityMilli: 2000, unitPriceCentiOre: 9_500_000 })).toBe(190000);
    // 0,5 × 99,99 kr = 49,995 kr → 50,00 kr (half öre rounds away from zero)
    expect(lineNetOre({ quantityMilli: 500, unitPriceCentiOre: 999_900 })).toBe(5000);
  });

  it("rounds the line to whole öre half away from zero", () => {
    // 0,333 × 1,00 kr = 33,3 öre → 33; 0,335 × 1,00 kr = 33,5 öre → 34
    expect(lineNetOre({ quantityMilli: 333, unitPriceCentiOre: 10_000 })).toBe(33);
    expect(lineNetOre({ quantityMilli: 335, unitPriceCentiOre: 10_000 })).toBe(34);
    expect(lineNetOre({ quantityMilli: -335, unitPriceCentiOre: 10_000 })).toBe(-34);
    expect(lineNetOre({ quantityMilli: 335, unitPriceCentiOre: -10_000 })).toBe(-34);
  });

  it("subtracts the discount after rounding", () => {
    // 1 × 249,00 kr − 24,90 kr = 224,10 kr
    expect(
      lineNetOre({ quantityMilli: 1000, unitPriceCentiOre: 2_490_000, discountOre: 2490 }),
    ).toBe(22410);
  });

  it("supports credit lines and discount lines", () => {
    expect(lineNetOre({ quantityMilli: -2000, unitPriceCentiOre: 1_000_000 })).toBe(-20000);
    expect(lineNetOre({ quantityMilli: 1000, unitPriceCentiOre: -500_000 })).toBe(-5000);
    expect(lineNetOre({ quantityMilli: 0, unitPriceCentiOre: 500_000 })).toBe(0);
  });

  it("stays exact when quantity × price passes 2^53", () => {
    // 3 302 791,873 units × 15 219 775,63 kr: the exact product is 5 026 775 125 964 745 499
    // thousandths of an öre, so 0,499 öre rounds down. A float product (spacing 1 024 up there)
    // is …745 728 and would round up instead.
    expect(lineNetOre({ quantityMilli: 3_302_791_873, unitPriceCentiOre: 152_197_756_300 })).toBe(
      5_026_775_125_964_745,
    );
  });

  it("accepts the negated discount a credit line carries, mirroring the original line", () => {
    // Original: 1 × 249,00 kr − 24,90 kr = 224,10 kr; credit: −249,00 kr + 24,90 kr = −224,10 kr
    expect(
      lineNetOre({ quantityMilli: -1000, unitPriceCentiOre: 2_490_000, discountOre: -2490 }),
    ).toBe(-22410);
  });

  it("rejects non-integers and overflow", () => {
    expectBadInput(
      () => lineNetOre({ quantityMilli: 1.5, unitPriceCentiOre: 10_000 }),
      /quantityMilli/,
    );
    expectBadInput(
      () => lineNetOre({ quantityMilli: 1, unitPriceCentiOre: 0.1 }),
      /unitPriceCentiOre/,
    );
    expectBadInput(
      () => lineNetOre({ quantityMilli: 1, unitPriceCentiOre: 100, discountOre: Number.NaN }),
      /discountOre/,
    );
    expectBadInput(
      () =>
        lineNetOre({
          quantityMilli: Number.MAX_SAFE_INTEGER,
          unitPriceCentiOre: Number.MAX_SAFE_INTEGER,
        }),
      /too large/,
    );
  });
});

describe("computeInvoiceTotals, hand-checked", () => {
  /*
   * A: 2 h consulting × 950,00 kr at 25 %        = 1 900,00 kr   (190 000 öre)
   * B: 1,5 kg × 33,33 kr at 12 % = 49,995 kr      →    50,00 kr   (  5 000 öre, half up)
   * C: 1 book × 249,00 kr − 24,90 kr at 6 %       =   224,10 kr   ( 22 410 öre)
   * VAT 25 %: 190 000 × 0,25 = 47 500 öre
   * VAT 12 %:   5 000 × 0,12 =    600 öre
   * VAT  6 %:  22 410 × 0,06 =  1 344,6 öre → 1 345 öre
   * net 217 410, VAT 49 445, gross 266 855 (2 668,55 kr)
   * öresutjämning: 2 668,55 → 2 669,00 kr, so rounding +45 öre
   */
  const lines: InvoiceLineInput[] = [
    { quantityMilli: 1500, unitPriceCentiOre: 333_300, vatRate: 12 },
    { quantityMilli: 1000, unitPriceCentiOre: 2_490_000, discountOre: 2490, vatRate: 6 },
    { quantityMilli: 2000, unitPriceCentiOre: 9_500_000, vatRate: 25 },
  ];

  it("computes the three-rate example with öresutjämning", () => {
    expect(computeInvoiceTotals(lines, { roundToWholeKrona: true })).toEqual({
      vatGroups: [
        { vatRate: 25, netOre: 190000, vatOre: 47500 },
        { vatRate: 12, netOre: 5000, vatOre: 600 },
        { vatRate: 6, netOre: 22410, vatOre: 1345 },
      ],
      netOre: 217410,
      vatOre: 49445,
      grossOre: 266855,
      roundingOre: 45,
      totalOre: 266900,
    });
  });

  it("leaves the total exact without öresutjämning", () => {
    const totals = computeInvoiceTotals(lines, { roundToWholeKrona: false });
    expect(totals.grossOre).toBe(266855);
    expect(totals.roundingOre).toBe(0);
    expect(totals.totalOre).toBe(266855);
  });

  it("computes VAT once per rate, not per line", () => {
    // Three lines of 0,10 kr at 25 %: per line 2,5 öre → 3 each = 9 öre; on the 30 öre total
    // it is 7,5 öre → 8 öre. The per-rate figure is the one we must show.
    const tiny: InvoiceLineInput = { quantityMilli: 1000, unitPriceCentiOre: 1000, vatRate: 25 };
    const totals = computeInvoiceTotals([tiny, tiny, tiny], { roundToWholeKrona: false });
    expect(totals.vatGroups).toEqual([{ vatRate: 25, netOre: 30, vatOre: 8 }]);
    expect(totals.totalOre).toBe(38);
  });

  it("rounds exactly 50 öre away from zero for invoices and credit notes alike", () => {
    // 0,40 kr + 25 % = 0,50 kr → 1 kr (+50); the credit note mirrors it: −0,50 → −1 kr (−50)
    const invoice = computeInvoiceTotals(
      [{ quantityMilli: 1000, unitPriceCentiOre: 4000, vatRate: 25 }],
      {
        roundToWholeKrona: true,
      },
    );
    expect(invoice).toMatchObject({ grossOre: 50, roundingOre: 50, totalOre: 100 });
    const credit = computeInvoiceTotals(
      [{ quantityMilli: -1000, unitPriceCentiOre: 4000, vatRate: 25 }],
      {
        roundToWholeKrona: true,
      },
    );
    expect(credit).toMatchObject({ grossOre: -50, roundingOre: -50, totalOre: -100 });
  });

  it("rounds 49 öre down and 51 öre up", () => {
    const at0 = (ore: number) =>
      computeInvoiceTotals([{ quantityMilli: 1000, unitPriceCentiOre: ore * 100, vatRate: 0 }], {
        roundToWholeKrona: true,
      });
    expect(at0(10049)).toMatchObject({ roundingOre: -49, totalOre: 10000 });
    expect(at0(10051)).toMatchObject({ roundingOre: 49, totalOre: 10100 });
    expect(at0(10000)).toMatchObject({ roundingOre: 0, totalOre: 10000 });
  });

  it("nets credit and discount lines within a rate", () => {
    // 10 × 100,00 kr − 2 × 100,00 kr (credit) + 1 × −50,00 kr (discount) = 750,00 kr
    // VAT 12 % of 750,00 = 90,00 kr
    const totals = computeInvoiceTotals(
      [
        { quantityMilli: 10000, unitPriceCentiOre: 1_000_000, vatRate: 12 },
        { quantityMilli: -2000, unitPriceCentiOre: 1_000_000, vatRate: 12 },
        { quantityMilli: 1000, unitPriceCentiOre: -500_000, vatRate: 12 },
      ],
      { roundToWholeKrona: true },
    );
    expect(totals).toEqual({
      vatGroups: [{ vatRate: 12, netOre: 75000, vatOre: 9000 }],
      netOre: 75000,
      vatOre: 9000,
      grossOre: 84000,
      roundingOre: 0,
      totalOre: 84000,
    });
  });

  it("keeps a 0 % group with zero VAT and lists only rates in use", () => {
    const totals = computeInvoiceTotals(
      [
        { quantityMilli: 1000, unitPriceCentiOre: 1_000_000, vatRate: 0 },
        { quantityMilli: 1000, unitPriceCentiOre: 1_000_000, vatRate: 6 },
      ],
      { roundToWholeKrona: false },
    );
    expect(totals.vatGroups).toEqual([
      { vatRate: 6, netOre: 10000, vatOre: 600 },
      { vatRate: 0, netOre: 10000, vatOre: 0 },
    ]);
  });

  it("returns zeros for an invoice without lines", () => {
    expect(computeInvoiceTotals([], { roundToWholeKrona: true })).toEqual({
      vatGroups: [],
      netOre: 0,
      vatOre: 0,
      grossOre: 0,
      roundingOre: 0,
      totalOre: 0,
    });
  });
});

describe("computeInvoiceTotals rejects bad lines, naming the index", () => {
  const ok: InvoiceLineInput = { quantityMilli: 1000, unitPriceCentiOre: 10_000, vatRate: 25 };

  it("rejects VAT rates that are not Swedish", () => {
    for (const rate of [8, 24, 12.5, -25]) {
      expectBadInput(
        () =>
          computeInvoiceTotals([ok, { ...ok, vatRate: rate }], {
            roundToWholeKrona: false,
          }),
        /index 1 .*VAT rate/,
      );
    }
  });

  it("rejects fractional or non-finite quantities and prices", () => {
    const opts = { roundToWholeKrona: false };
    expectBadInput(
      () => computeInvoiceTotals([{ ...ok, quantityMilli: 1.5 }], opts),
      /index 0 .*quantityMilli/,
    );
    expectBadInput(
      () => computeInvoiceTotals([ok, ok, { ...ok, unitPriceCentiOre: 99.9 }], opts),
      /index 2 .*unitPriceCentiOre/,
    );
    expectBadInput(
      () => computeInvoiceTotals([{ ...ok, unitPriceCentiOre: Number.POSITIVE_INFINITY }], opts),
      /index 0 .*unitPriceCentiOre/,
    );
    expectBadInput(
      () => computeInvoiceTotals([ok, { ...ok, discountOre: 0.5 }], opts),
      /index 1 .*discountOre/,
    );
  });

  it("puts the line index in the error details too", () => {
    try {
      computeInvoiceTotals([ok, ok, ok, { ...ok, quantityMilli: 0.1 }], {
        roundToWholeKrona: false,
      });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details).toMatchObject({ lineIndex: 3, field: "quantityMilli" });
    }
  });

  it("rejects sums that no longer fit a safe integer", () => {
    // 100 units at MAX_SAFE_INTEGER / 100 öre each: one line is the largest safe net, two are not.
    const huge: InvoiceLineInput = {
      quantityMilli: 100_000,
      unitPriceCentiOre: Number.MAX_SAFE_INTEGER,
      vatRate: 0,
    };
    expectBadInput(
      () => computeInvoiceTotals([huge, huge], { roundToWholeKrona: false }),
      /too large/,
    );
  });
});
