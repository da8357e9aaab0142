import { describe, expect, it } from "vitest";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { moneyUnitOf, showValueFact } from "@/lib/invoice-page/value-facts";
import type { PriceBasis } from "@/lib/usage/price-basis";

type Fact = Parameters<typeof showValueFact>[0];

function fact(overrides: Partial<Fact>): Fact {
  return {
    key: "fact",
    labelSv: "Kostnad",
    labelEn: "Cost",
    valueMilli: 0,
    unit: "kr",
    comparisonMilli: null,
    comparisonLabelSv: null,
    comparisonLabelEn: null,
    ...overrides,
  };
}

function show(
  value: Fact,
  locale: "sv" | "en",
  basis: PriceBasis = "incl-vat",
  vatRate: number | null = 25,
) {
  return showValueFact(value, { locale, t: invoiceMessages[locale], basis, vatRate });
}

describe("moneyUnitOf", () => {
  it("reads kronor and öre, alone or per unit, in any case and spacing", () => {
    expect(moneyUnitOf("kr")?.per).toBeNull();
    expect(moneyUnitOf(" SEK ")?.per).toBeNull();
    expect(moneyUnitOf("öre/kWh")?.per).toBe("kWh");
    expect(moneyUnitOf("ÖRE / kWh")?.per).toBe("kWh");
    expect(moneyUnitOf("kr/GB")?.per).toBe("GB");
    expect(moneyUnitOf("kr/Mbit/s")?.per).toBe("Mbit/s");
  });

  it("converts thousandths of a krona or an öre to hundredths of an öre", () => {
    expect(moneyUnitOf("kr")!.toCentiOre(1_000)).toBe(10_000); // 1 kr
    expect(moneyUnitOf("sek")!.toCentiOre(1)).toBe(10);
    expect(moneyUnitOf("öre/kWh")!.toCentiOre(118_250)).toBe(11_825); // 118,25 öre
    expect(moneyUnitOf("öre/kWh")!.toCentiOre(118_255)).toBe(11_826); // half away from zero
    expect(moneyUnitOf("öre/kWh")!.toCentiOre(-118_255)).toBe(-11_826);
  });

  it("is null for anything that is not money", () => {
    for (const unit of ["kWh", "%", "Mbit/s", "kronor", "krona/kWh", "", "GB kr", "st"]) {
      expect(moneyUnitOf(unit)).toBeNull();
    }
  });
});

describe("showValueFact: money", () => {
  const cost = fact({
    key: "cost",
    labelSv: "Kostnad för förbrukningen exkl. moms",
    labelEn: "Cost of what you used (excl. VAT)",
    valueMilli: 1_762_020, // 1 762,02 kr without VAT
    unit: "kr",
    comparisonMilli: 1_909_220, // 1 909,22 kr without VAT
    comparisonLabelSv: "Fast pris exkl. moms",
    comparisonLabelEn: "Fixed price",
  });

  it("shows a consumer the sum with VAT in whole kronor, labelled, with a verdict in words", () => {
    expect(show(cost, "sv")).toEqual({
      key: "cost",
      label: "Kostnad för förbrukningen",
      value: "2\u00a0203\u00a0kr",
      basis: "inkl. moms",
      comparison: {
        label: "Fast pris",
        value: "2\u00a0387\u00a0kr",
        verdict: "184\u00a0kr billigare",
        bars: { value: 92, comparison: 100 },
      },
    });
    expect(show(cost, "en")).toEqual({
      key: "cost",
      label: "Cost of what you used",
      value: "SEK\u00a02,203",
      basis: "incl. VAT",
      comparison: {
        label: "Fixed price",
        value: "SEK\u00a02,387",
        verdict: "SEK\u00a0184 cheaper",
        bars: { value: 92, comparison: 100 },
      },
    });
  });

  it("shows a business the sum without VAT, labelled so", () => {
    const shown = show(cost, "sv", "excl-vat");
    expect(shown.value).toBe("1\u00a0762\u00a0kr");
    expect(shown.basis).toBe("exkl. moms");
    expect(shown.comparison?.value).toBe("1\u00a0909\u00a0kr");
    expect(shown.comparison?.verdict).toBe("147\u00a0kr billigare");
  });

  it("keeps the öre of a sum below 100 kr, and says no basis when nothing is charged VAT", () => {
    const small = fact({ valueMilli: 36_500 });
    expect(show(small, "sv", "excl-vat", null)).toMatchObject({
      value: "36,50\u00a0kr",
      basis: null,
    });
    expect(show(fact({ valueMilli: 50_000 }), "en", "excl-vat", null).value).toBe("SEK\u00a050");
    // No rate: a consumer's figure is as given, not with VAT made up.
    expect(show(fact({ valueMilli: 80_000 }), "sv", "incl-vat", null)).toMatchObject({
      value: "80\u00a0kr",
      basis: null,
    });
    expect(show(fact({ valueMilli: 80_000 }), "sv", "incl-vat", 25).value).toBe("100\u00a0kr");
  });

  it("shows a price per unit in kronor with two decimals, dearer above its comparison", () => {
    const price = fact({
      labelSv: "Ditt elpris",
      labelEn: "Your price",
      valueMilli: 118_250, // 118,25 öre/kWh
      unit: "öre/kWh",
      comparisonMilli: 95_000,
      comparisonLabelSv: "Fast pris",
      comparisonLabelEn: "Fixed price",
    });
    expect(show(price, "sv", "excl-vat")).toMatchObject({
      value: "1,18\u00a0kr/kWh",
      basis: "exkl. moms",
      comparison: {
        value: "0,95\u00a0kr/kWh",
        verdict: "0,23\u00a0kr/kWh dyrare",
        bars: { value: 100, comparison: 80 },
      },
    });
    expect(show(price, "en", "excl-vat").comparison?.verdict).toBe(
      "SEK\u00a00.23/kWh more expensive",
    );
    // With VAT for a consumer: 147,81 öre and 118,75 öre.
    expect(show(price, "sv")).toMatchObject({
      value: "1,48\u00a0kr/kWh",
      comparison: { value: "1,19\u00a0kr/kWh", verdict: "0,29\u00a0kr/kWh dyrare" },
    });
  });

  it("says the same price when the two differ by less than half an öre", () => {
    const price = fact({
      valueMilli: 118_250,
      unit: "öre/kWh",
      comparisonMilli: 118_290,
      comparisonLabelSv: "Fast pris",
      comparisonLabelEn: "Fixed price",
    });
    expect(show(price, "sv").comparison?.verdict).toBe("Samma pris");
    expect(show(price, "en").comparison?.verdict).toBe("The same price");
    const justUnder = { ...price, comparisonMilli: 118_740 }; // 0,49 öre apart without VAT
    expect(show(justUnder, "sv", "excl-vat").comparison?.verdict).toBe("Samma pris");
    const halfAnOre = { ...price, comparisonMilli: 118_750 };
    expect(show(halfAnOre, "sv", "excl-vat").comparison?.verdict).toBe(
      "0,01\u00a0kr/kWh billigare",
    );
  });

  it("draws no bars for a negative value, and empty bars when both are nothing", () => {
    const refund = fact({
      valueMilli: -50_000,
      comparisonMilli: 10_000,
      comparisonLabelSv: "Förra månaden",
      comparisonLabelEn: "Last month",
    });
    expect(show(refund, "sv", "excl-vat").comparison).toEqual({
      label: "Förra månaden",
      value: "10\u00a0kr",
      verdict: "60\u00a0kr billigare",
      bars: null,
    });
    expect(show(refund, "sv", "excl-vat").value).toBe("\u221250\u00a0kr");
    const nothing = { ...refund, valueMilli: 0, comparisonMilli: 0 };
    expect(show(nothing, "sv").comparison?.bars).toEqual({ value: 0, comparison: 0 });
  });

  it("shows no comparison without a label in the page's language", () => {
    const onlySwedish = fact({
      valueMilli: 1_000,
      comparisonMilli: 2_000,
      comparisonLabelSv: "Fast",
    });
    expect(show(onlySwedish, "sv").comparison).not.toBeNull();
    expect(show(onlySwedish, "en").comparison).toBeNull();
    expect(
      show(fact({ valueMilli: 1_000, comparisonLabelSv: "Fast" }), "sv").comparison,
    ).toBeNull();
  });
});

describe("showValueFact: figures that are not money", () => {
  const usage = fact({
    key: "usage",
    labelSv: "Förbrukning",
    labelEn: "Usage",
    valueMilli: 1_493_456,
    unit: "kWh",
    comparisonMilli: 1_309_000,
    comparisonLabelSv: "Förra året",
    comparisonLabelEn: "Last year",
  });

  it("shows the figure at a readable precision with a verdict in words and bars on one scale", () => {
    expect(show(usage, "sv")).toEqual({
      key: "usage",
      label: "Förbrukning",
      value: "1\u00a0493\u00a0kWh",
      basis: null,
      comparison: {
        label: "Förra året",
        value: "1\u00a0309\u00a0kWh",
        verdict: "184\u00a0kWh högre",
        bars: { value: 100, comparison: 88 },
      },
    });
    expect(show(usage, "en").comparison?.verdict).toBe("184\u00a0kWh higher");
    const less = { ...usage, valueMilli: 1_309_000, comparisonMilli: 1_493_456 };
    expect(show(less, "sv").comparison).toMatchObject({
      verdict: "184\u00a0kWh lägre",
      bars: { value: 88, comparison: 100 },
    });
  });

  it("gives a difference in percent as percentage points", () => {
    const uptime = fact({
      labelSv: "Tillgänglighet",
      labelEn: "Uptime",
      valueMilli: 99_874,
      unit: "%",
      comparisonMilli: 99_500,
      comparisonLabelSv: "Utlovat",
      comparisonLabelEn: "Promised",
    });
    expect(show(uptime, "sv")).toMatchObject({
      value: "99,87\u00a0%",
      basis: null,
      comparison: { value: "99,5\u00a0%", verdict: "0,37 procentenheter högre" },
    });
    expect(show(uptime, "en").comparison?.verdict).toBe("0.37 percentage points higher");
    // One point is one: "1 procentenhet", not "1 procentenheter".
    const renewable = fact({
      key: "renewable",
      labelSv: "Förnybar el",
      labelEn: "Renewable",
      valueMilli: 67_000,
      unit: "%",
      comparisonMilli: 68_000,
      comparisonLabelSv: "Svensk elmix",
      comparisonLabelEn: "Swedish mix",
    });
    expect(show(renewable, "sv").comparison?.verdict).toBe("1 procentenhet lägre");
    expect(show(renewable, "en").comparison?.verdict).toBe("1 percentage point lower");
  });

  it("says the same when the difference rounds to nothing", () => {
    const uptime = fact({
      valueMilli: 99_874,
      unit: "%",
      comparisonMilli: 99_871,
      comparisonLabelSv: "Utlovat",
      comparisonLabelEn: "Promised",
    });
    expect(show(uptime, "sv").comparison?.verdict).toBe("Lika");
    expect(show(uptime, "en").comparison?.verdict).toBe("The same");
    const usageSame = { ...usage, comparisonMilli: usage.valueMilli + 4 };
    expect(show(usageSame, "sv").comparison?.verdict).toBe("Lika");
  });

  it("keeps a label that is not about money as written", () => {
    const shown = show(fact({ labelSv: "Data inkl. moms", unit: "GB", valueMilli: 1_000 }), "sv");
    expect(shown.label).toBe("Data inkl. moms");
    expect(shown.value).toBe("1\u00a0GB");
  });
});
