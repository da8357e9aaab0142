import { describe, expect, it } from "vitest";
import {
  approximateAmountText,
  approximateKronor,
  offerHeadline,
  offerSummaryFigure,
  savingPlaceholderValue,
  yearlyDifference,
} from "@/lib/offers/offer-figures";

// formatMoney writes no-break spaces; the tests read them as spaces.
const plain = (text: string | null | undefined) => text?.replace(/\u00a0/g, " ");

describe("approximateKronor", () => {
  it.each([
    [116_219, "down", 115_000],
    [116_219, "up", 120_000],
    [99_999, "down", 99_000],
    [12_345, "down", 12_000],
    [12_345, "up", 13_000],
    [9_999, "down", 9_900],
    [9_901, "up", 10_000],
    [49, "down", 0],
    [1, "up", 100],
    [0, "down", 0],
  ] as const)("%i öre rounded %s is %i öre", (amount, direction, expected) => {
    expect(approximateKronor(amount, direction)).toBe(expected);
  });

  it("refuses fractions and negatives", () => {
    expect(() => approximateKronor(1.5, "down")).toThrow(RangeError);
    expect(() => approximateKronor(-1, "up")).toThrow(RangeError);
  });
});

describe("yearlyDifference", () => {
  it("says a saving rounded down and an extra cost rounded up, never under a krona", () => {
    expect(yearlyDifference(116_219)).toEqual({ kind: "saving", amountOre: 115_000 });
    expect(yearlyDifference(-31_201)).toEqual({ kind: "extraCost", amountOre: 32_000 });
    expect(yearlyDifference(-30)).toEqual({ kind: "extraCost", amountOre: 100 });
    expect(yearlyDifference(99)).toBeNull();
    expect(yearlyDifference(0)).toBeNull();
    expect(yearlyDifference(null)).toBeNull();
  });
});

describe("the saving in words", () => {
  it("is whole, round kronor in the page's one money format", () => {
    expect(plain(approximateAmountText(115_000, "sv"))).toBe("ca 1 150 kr");
    expect(approximateAmountText(115_000, "en")).toBe("about SEK\u00a01,150");
  });

  it("fills {{saving}} only with a real saving", () => {
    expect(plain(savingPlaceholderValue(116_219, "sv"))).toBe("ca 1 150 kr");
    expect(plain(savingPlaceholderValue(116_219, "en"))).toBe("about SEK 1,150");
    expect(savingPlaceholderValue(-20_000, "sv")).toBeUndefined();
    expect(savingPlaceholderValue(null, "sv")).toBeUndefined();
    expect(savingPlaceholderValue(50, "en")).toBeUndefined();
  });

  it("leads an offer with the saving unless the marketer's title already states it", () => {
    const options = { annualSavingOre: 116_219, planName: "Rörligt elpris", locale: "sv" } as const;
    expect(plain(offerHeadline({ ...options, isSavingInTitle: false }))).toBe(
      "Spara ca 1 150 kr per år med Rörligt elpris",
    );
    expect(offerHeadline({ ...options, isSavingInTitle: true })).toBeNull();
    expect(plain(offerHeadline({ ...options, locale: "en", isSavingInTitle: false }))).toBe(
      "Save about SEK 1,150 a year with Rörligt elpris",
    );
    expect(offerHeadline({ ...options, annualSavingOre: null, isSavingInTitle: false })).toBeNull();
  });

  it("says honestly when the offered plan would have cost more, whatever the title says", () => {
    const headline = offerHeadline({
      annualSavingOre: -31_201,
      planName: "Fast pris",
      locale: "sv",
      isSavingInTitle: true,
    });
    expect(plain(headline)).toBe("Med din förbrukning hade Fast pris kostat ca 320 kr mer per år");
    expect(
      plain(
        offerHeadline({
          annualSavingOre: -31_201,
          planName: "Fast pris",
          locale: "en",
          isSavingInTitle: false,
        }),
      ),
    ).toBe("With your usage, Fast pris would have cost about SEK 320 more a year");
  });

  it("repeats the same figure in the summary the customer confirms", () => {
    expect(plain(offerSummaryFigure(116_219, "sv"))).toBe(
      "Med din förbrukning sparar du ca 1 150 kr per år.",
    );
    expect(plain(offerSummaryFigure(-31_201, "en"))).toBe(
      "With your usage it costs about SEK 320 more a year.",
    );
    expect(offerSummaryFigure(null, "sv")).toBeNull();
  });
});
