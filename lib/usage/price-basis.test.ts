import { describe, expect, it } from "vitest";
import type { VatGroup } from "@/lib/invoices/totals";
import {
  basisLabel,
  formatPricePerUnit,
  mainVatRate,
  onBasis,
  priceBasisOf,
  withVat,
} from "@/lib/usage/price-basis";

const group = (vatRate: number, netOre: number): VatGroup =>
  ({ vatRate, netOre, vatOre: Math.round((netOre * vatRate) / 100) }) as VatGroup;

describe("priceBasisOf and basisLabel", () => {
  it("shows a consumer prices with VAT and a business prices without, labelled in both languages", () => {
    expect(priceBasisOf({ isBusiness: false })).toBe("incl-vat");
    expect(priceBasisOf({ isBusiness: true })).toBe("excl-vat");
    expect(basisLabel("incl-vat", "sv")).toBe("inkl. moms");
    expect(basisLabel("excl-vat", "sv")).toBe("exkl. moms");
    expect(basisLabel("incl-vat", "en")).toBe("incl. VAT");
    expect(basisLabel("excl-vat", "en")).toBe("excl. VAT");
  });
});

describe("withVat", () => {
  it("adds VAT at the rate in whole units", () => {
    expect(withVat(10_000, 25)).toBe(12_500);
    expect(withVat(10_000, 12)).toBe(11_200);
    expect(withVat(50, 6)).toBe(53);
    expect(withVat(10_000, 0)).toBe(10_000);
  });

  it("rounds half away from zero, the same for negative amounts", () => {
    expect(withVat(2, 25)).toBe(3); // 2,5
    expect(withVat(-2, 25)).toBe(-3);
    expect(withVat(1, 12)).toBe(1); // 1,12
    expect(withVat(6, 25)).toBe(8); // 7,5
    expect(withVat(-6, 25)).toBe(-8);
  });

  it("stays exact beyond what a float multiplication would keep", () => {
    expect(withVat(2 ** 50 + 1, 25)).toBe(1_407_374_883_553_281); // (2^50 + 1) × 1,25 = …280,25
  });
});

describe("onBasis", () => {
  it("adds VAT only for the incl-VAT basis and only when there is a rate", () => {
    expect(onBasis(11_800, 25, "incl-vat")).toBe(14_750);
    expect(onBasis(11_800, 25, "excl-vat")).toBe(11_800);
    expect(onBasis(11_800, null, "incl-vat")).toBe(11_800);
    expect(onBasis(11_800, 0, "incl-vat")).toBe(11_800);
  });
});

describe("mainVatRate", () => {
  it("is the rate of the group with the largest taxable amount", () => {
    expect(mainVatRate([group(25, 10_000), group(6, 50_000), group(12, 20_000)])).toBe(6);
    expect(mainVatRate([group(12, 20_000), group(25, 20_001)])).toBe(25);
  });

  it("ignores 0 % and groups with nothing (or less than nothing) charged", () => {
    expect(mainVatRate([group(0, 900_000), group(25, 100)])).toBe(25);
    expect(mainVatRate([group(25, -50_000), group(6, 10)])).toBe(6);
  });

  it("is null when nothing is charged VAT", () => {
    expect(mainVatRate([])).toBeNull();
    expect(mainVatRate([group(0, 10_000)])).toBeNull();
    expect(mainVatRate([group(25, 0), group(12, -100)])).toBeNull();
  });
});

describe("formatPricePerUnit", () => {
  it("writes a price per unit in kronor with two decimals, Swedish and English", () => {
    expect(formatPricePerUnit(14_800, { locale: "sv", unit: "kWh" })).toBe("1,48\u00a0kr/kWh");
    expect(formatPricePerUnit(14_800, { locale: "en", unit: "kWh" })).toBe("SEK\u00a01.48/kWh");
    expect(formatPricePerUnit(200_000, { locale: "sv", unit: "GB" })).toBe("20,00\u00a0kr/GB");
    expect(formatPricePerUnit(12_345_600, { locale: "sv", unit: "mån" })).toBe(
      "1\u00a0234,56\u00a0kr/mån",
    );
  });

  it("rounds to whole öre once, half away from zero", () => {
    expect(formatPricePerUnit(14_790, { locale: "sv", unit: "kWh" })).toBe("1,48\u00a0kr/kWh");
    expect(formatPricePerUnit(14_750, { locale: "sv", unit: "kWh" })).toBe("1,48\u00a0kr/kWh");
    expect(formatPricePerUnit(14_749, { locale: "sv", unit: "kWh" })).toBe("1,47\u00a0kr/kWh");
    expect(formatPricePerUnit(-14_750, { locale: "sv", unit: "kWh" })).toBe(
      "\u22121,48\u00a0kr/kWh",
    );
    // Never four decimals, even where formatUnitPrice would show them.
    expect(formatPricePerUnit(4_390, { locale: "en", unit: "min" })).toBe("SEK\u00a00.44/min");
  });
});
