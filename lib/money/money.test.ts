import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  formatMoney,
  formatMoneyCompact,
  formatMoneyPlain,
  formatQuantity,
  formatUnitPrice,
  formatWholeKronor,
  type Locale,
  parseMoney,
  parseUnitPrice,
  SUPPORTED_CURRENCIES,
} from "@/lib/money/money";

const NBSP = "\u00A0";
const NNBSP = "\u202F";
const MINUS = "\u2212";

function expectBadInput(call: () => unknown, messagePart?: RegExp): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("BAD_INPUT");
  if (messagePart) expect((caught as AppError).message).toMatch(messagePart);
}

describe("SUPPORTED_CURRENCIES", () => {
  it("lists SEK only", () => {
    expect(SUPPORTED_CURRENCIES).toEqual(["SEK"]);
  });
});

describe("formatMoney (sv)", () => {
  it("writes CLDR Swedish currency format with U+00A0 grouping and before kr", () => {
    expect(formatMoney(123450, { locale: "sv" })).toBe(`1${NBSP}234,50${NBSP}kr`);
    expect(formatMoney(123456789, { locale: "sv" })).toBe(`1${NBSP}234${NBSP}567,89${NBSP}kr`);
  });

  it("always shows two öre digits, including for small and zero amounts", () => {
    expect(formatMoney(0, { locale: "sv" })).toBe(`0,00${NBSP}kr`);
    expect(formatMoney(5, { locale: "sv" })).toBe(`0,05${NBSP}kr`);
    expect(formatMoney(50, { locale: "sv" })).toBe(`0,50${NBSP}kr`);
    expect(formatMoney(100, { locale: "sv" })).toBe(`1,00${NBSP}kr`);
    expect(formatMoney(99999, { locale: "sv" })).toBe(`999,99${NBSP}kr`);
    expect(formatMoney(100000, { locale: "sv" })).toBe(`1${NBSP}000,00${NBSP}kr`);
  });

  it("uses the real minus sign U+2212 for negatives and no sign for zero", () => {
    expect(formatMoney(-123450, { locale: "sv" })).toBe(`${MINUS}1${NBSP}234,50${NBSP}kr`);
    expect(formatMoney(-1, { locale: "sv" })).toBe(`${MINUS}0,01${NBSP}kr`);
    expect(formatMoney(-0, { locale: "sv" })).toBe(`0,00${NBSP}kr`);
  });

  it("never emits U+202F, whatever the runtime ICU prefers", () => {
    expect(formatMoney(123456789, { locale: "sv" })).not.toContain(NNBSP);
  });

  it("formats the extremes of the safe integer range exactly", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, { locale: "sv" })).toBe(
      `90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}kr`,
    );
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, { locale: "sv" })).toBe(
      `${MINUS}90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}kr`,
    );
  });

  it("can leave out the currency", () => {
    expect(formatMoney(123450, { locale: "sv", withCurrency: false })).toBe(`1${NBSP}234,50`);
  });
});

describe("formatMoney (en)", () => {
  it("writes SEK before the amount with comma grouping and a decimal point", () => {
    expect(formatMoney(123450, { locale: "en" })).toBe(`SEK${NBSP}1,234.50`);
    expect(formatMoney(123450, { locale: "en", currency: "SEK" })).toBe(`SEK${NBSP}1,234.50`);
    expect(formatMoney(0, { locale: "en" })).toBe(`SEK${NBSP}0.00`);
  });

  it("puts an ASCII minus in front of the currency code for negatives", () => {
    expect(formatMoney(-123450, { locale: "en" })).toBe(`-SEK${NBSP}1,234.50`);
  });

  it("can leave out the currency", () => {
    expect(formatMoney(-123450, { locale: "en", withCurrency: false })).toBe("-1,234.50");
  });
});

describe("formatMoney agrees with the platform's CLDR data", () => {
  // Intl is only the oracle here (floats are fine in a test for amounts far below 2^53 / 100).
  const amounts = [0, 1, 99, 100, 123450, -123450, 100000000, 987654321, -5];
  it.each(amounts)("sv-SE %i öre", (ore) => {
    const intl = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK" })
      .format(ore / 100)
      .replaceAll(NNBSP, NBSP);
    expect(formatMoney(ore, { locale: "sv" })).toBe(intl);
  });
  it.each(amounts)("en %i öre", (ore) => {
    const intl = new Intl.NumberFormat("en", { style: "currency", currency: "SEK" }).format(
      ore / 100,
    );
    expect(formatMoney(ore, { locale: "en" })).toBe(intl);
  });
});

describe("formatMoney rejects invalid input", () => {
  it.each([0.5, 1.005, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "%s öre",
    (value) => {
      expectBadInput(() => formatMoney(value, { locale: "sv" }), /safe integer/);
      expectBadInput(() => formatMoneyPlain(value, "en"), /safe integer/);
    },
  );

  it("rejects unknown locales and currencies", () => {
    expectBadInput(() => formatMoney(1, { locale: "de" as Locale }), /locale/);
    expectBadInput(() => formatMoney(1, { locale: "sv", currency: "EUR" as "SEK" }), /currency/);
  });
});

describe("formatMoneyPlain", () => {
  it("formats without currency for tables", () => {
    expect(formatMoneyPlain(123450, "sv")).toBe(`1${NBSP}234,50`);
    expect(formatMoneyPlain(123450, "en")).toBe("1,234.50");
    expect(formatMoneyPlain(-7, "sv")).toBe(`${MINUS}0,07`);
    expect(formatMoneyPlain(-7, "en")).toBe("-0.07");
  });
});

describe("formatQuantity", () => {
  it("shows thousandths with trailing zeros trimmed", () => {
    expect(formatQuantity(1234567, "sv")).toBe(`1${NBSP}234,567`);
    expect(formatQuantity(1234567, "en")).toBe("1,234.567");
    expect(formatQuantity(2000, "sv")).toBe("2");
    expect(formatQuantity(1500, "sv")).toBe("1,5");
    expect(formatQuantity(1500, "en")).toBe("1.5");
    expect(formatQuantity(1250, "sv")).toBe("1,25");
    expect(formatQuantity(1, "sv")).toBe("0,001");
    expect(formatQuantity(0, "sv")).toBe("0");
    expect(formatQuantity(1000000000, "en")).toBe("1,000,000");
  });

  it("marks credit quantities with the locale's minus sign", () => {
    expect(formatQuantity(-1500, "sv")).toBe(`${MINUS}1,5`);
    expect(formatQuantity(-2000, "en")).toBe("-2");
  });

  it("rejects non-integers", () => {
    expectBadInput(() => formatQuantity(1.5, "sv"), /safe integer/);
  });
});

describe("parseMoney accepts", () => {
  it.each([
    ["1 234,50", 123450],
    ["1234,50", 123450],
    ["1234.50", 123450],
    ["1,234.50", 123450],
    ["1.234,50", 123450],
    ["1 234", 123400],
    ["12,5", 1250],
    ["12.5", 1250],
    ["0,05", 5],
    ["0", 0],
    ["1234", 123400],
    ["1,234,567.89", 123456789],
    ["1 234 567,89", 123456789],
    [`1${NBSP}234,50`, 123450],
    [`1${NNBSP}234,50`, 123450],
    [`1\u2009234,50`, 123450],
    ["  1 234,50  ", 123450],
    ["1 234,50 kr", 123450],
    ["1234kr", 123400],
    ["1234 KR", 123400],
    ["SEK 1,234.50", 123450],
    ["sek1234", 123400],
    ["1234 SEK", 123400],
    ["kr 12", 1200],
    ["-12,50", -1250],
    [`${MINUS}12,50`, -1250],
    [`${MINUS}1${NBSP}234,50${NBSP}kr`, -123450],
    [`-SEK${NBSP}1,234.50`, -123450],
    ["SEK -1,234.50", -123450],
    ["- 5", -500],
    ["007,50", 750],
    ["90 071 992 547 409,91", Number.MAX_SAFE_INTEGER],
    ["-90 071 992 547 409,91", -Number.MAX_SAFE_INTEGER],
  ])("%j → %i öre", (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it("returns plain zero, never −0, for a negative zero", () => {
    expect(Object.is(parseMoney("-0,00"), 0)).toBe(true);
  });

  it("reads a comma followed by three digits as grouping without a locale or in English", () => {
    expect(parseMoney("1,234")).toBe(123400);
    expect(parseMoney("1,234", { locale: "en" })).toBe(123400);
    expect(parseMoney("1.234")).toBe(123400);
    expect(parseMoney("1.234", { locale: "sv" })).toBe(123400);
  });

  it("lets the other decimal separator through when only 1–2 digits follow", () => {
    expect(parseMoney("1234.50", { locale: "sv" })).toBe(123450);
    expect(parseMoney("12,5", { locale: "en" })).toBe(1250);
  });
});

describe("parseMoney rejects", () => {
  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["kr", /no digits/],
    ["-", /no digits/],
    ["12,345", /more than 2 decimals/, "sv" as const],
    ["12.345", /more than 2 decimals/, "en" as const],
    ["1,2345", /more than 2 decimals/],
    ["1.005", /more than 2 decimals/, "en" as const],
    ["12abc", /letters/],
    ["abc", /letters/],
    ["1e5", /letters/],
    ["0x10", /letters/],
    ["Infinity", /letters/],
    ["NaN", /letters/],
    ["--5", /letters/],
    ["5-", /letters/],
    ["+5", /letters/],
    ["SEK 12 kr", /letters/],
    ["12 Mkr", /letters/],
    ["1,234,50", /more than one decimal separator/],
    ["1.2.3", /more than one decimal separator/],
    ["1,23.45", /digit groups/],
    ["12 34", /digit groups/],
    ["1234 567", /digit groups/],
    ["1 234.567,50", /mixes/],
    [",50", /wrong place/],
    ["12,", /wrong place/],
    ["1  234", /wrong place/],
    ["1,,5", /wrong place/],
    ["90 071 992 547 409,92", /too large/],
    ["99999999999999999999", /too large/],
  ])("%j", (input, message, locale?: Locale) => {
    expectBadInput(() => parseMoney(input, { locale }), message);
  });

  it("names the offending input in the message", () => {
    expectBadInput(() => parseMoney("12,345", { locale: "sv" }), /"12,345"/);
  });

  it("rejects non-string input and unknown locales", () => {
    expectBadInput(() => parseMoney(12 as unknown as string), /text/);
    expectBadInput(() => parseMoney("12", { locale: "fi" as Locale }), /locale/);
  });
});

describe("unit prices below an öre", () => {
  it("shows energy prices per kWh in öre with two decimals, others in kronor", () => {
    expect(formatUnitPrice(4_390, { locale: "sv", unit: "kWh" })).toBe("43,90\u00A0öre/kWh");
    expect(formatUnitPrice(10_937, { locale: "sv", unit: "kWh" })).toBe("109,37\u00A0öre/kWh");
    expect(formatUnitPrice(10_937, { locale: "en", unit: "kWh" })).toBe("SEK\u00A01.0937/kWh");
    expect(formatUnitPrice(4_390, { locale: "en", unit: "kWh" })).toBe("SEK\u00A00.4390/kWh");
    expect(formatUnitPrice(200_000, { locale: "sv", unit: "GB" })).toBe("20,00\u00A0kr/GB");
    expect(formatUnitPrice(1_234, { locale: "sv", unit: "min" })).toBe("0,1234\u00A0kr/min");
    expect(formatUnitPrice(3_192_000, { locale: "en", unit: "mo" })).toBe("SEK\u00A0319.20/mo");
    expect(formatUnitPrice(-500_000, { locale: "sv" })).toBe("\u221250,00\u00A0kr");
  });

  it("parses typed prices with up to four decimals into hundredths of an öre", () => {
    expect(parseUnitPrice("0,4390", { locale: "sv" })).toBe(4_390);
    expect(parseUnitPrice("0,439", { locale: "sv" })).toBe(4_390);
    expect(parseUnitPrice("1,0937", { locale: "sv" })).toBe(10_937);
    expect(parseUnitPrice("129", { locale: "sv" })).toBe(1_290_000);
    expect(parseUnitPrice("118.25", { locale: "en" })).toBe(1_182_500);
    expect(parseUnitPrice("1,234", { locale: "en" })).toBe(12_340_000);
    expect(parseUnitPrice("-0,0050", { locale: "sv" })).toBe(-50);
    expect(() => parseUnitPrice("0,12345", { locale: "sv" })).toThrow(AppError);
  });
});

describe("formatMoneyCompact", () => {
  it("writes whole kronor without decimals, Swedish and English", () => {
    expect(formatMoneyCompact(3_600, { locale: "sv" })).toBe(`36${NBSP}kr`);
    expect(formatMoneyCompact(3_600, { locale: "en" })).toBe(`SEK${NBSP}36`);
    expect(formatMoneyCompact(123_400, { locale: "sv" })).toBe(`1${NBSP}234${NBSP}kr`);
    expect(formatMoneyCompact(10_000_000, { locale: "sv" })).toBe(`100${NBSP}000${NBSP}kr`);
    expect(formatMoneyCompact(10_000_000, { locale: "en" })).toBe(`SEK${NBSP}100,000`);
    expect(formatMoneyCompact(0, { locale: "sv" })).toBe(`0${NBSP}kr`);
    expect(formatMoneyCompact(-3_600, { locale: "sv" })).toBe(`${MINUS}36${NBSP}kr`);
    expect(formatMoneyCompact(-3_600, { locale: "en" })).toBe(`-SEK${NBSP}36`);
  });

  it("writes anything else exactly as formatMoney does, öre and all", () => {
    for (const ore of [3_650, 3_601, 3_610, 1, -3_650, 123_456_789]) {
      for (const locale of ["sv", "en"] as const) {
        expect(formatMoneyCompact(ore, { locale })).toBe(formatMoney(ore, { locale }));
      }
    }
    expect(formatMoneyCompact(3_650, { locale: "sv" })).toBe(`36,50${NBSP}kr`);
  });

  it("rejects what formatMoney rejects", () => {
    expectBadInput(() => formatMoneyCompact(36.5, { locale: "sv" }), /safe integer/);
    expectBadInput(() => formatMoneyCompact(3_600, { locale: "de" as Locale }), /locale/);
  });
});

describe("formatWholeKronor", () => {
  it("rounds to whole kronor, half away from zero", () => {
    expect(formatWholeKronor(116_219, { locale: "sv" })).toBe(`1${NBSP}162${NBSP}kr`);
    expect(formatWholeKronor(116_249, { locale: "sv" })).toBe(`1${NBSP}162${NBSP}kr`);
    expect(formatWholeKronor(116_250, { locale: "sv" })).toBe(`1${NBSP}163${NBSP}kr`);
    expect(formatWholeKronor(116_250, { locale: "en" })).toBe(`SEK${NBSP}1,163`);
    expect(formatWholeKronor(-116_250, { locale: "sv" })).toBe(`${MINUS}1${NBSP}163${NBSP}kr`);
    expect(formatWholeKronor(-116_249, { locale: "en" })).toBe(`-SEK${NBSP}1,162`);
    expect(formatWholeKronor(115_000, { locale: "sv" })).toBe(`1${NBSP}150${NBSP}kr`);
  });

  it("writes less than half a krona as 0, never as minus zero", () => {
    expect(formatWholeKronor(49, { locale: "sv" })).toBe(`0${NBSP}kr`);
    expect(formatWholeKronor(-49, { locale: "sv" })).toBe(`0${NBSP}kr`);
    expect(formatWholeKronor(-49, { locale: "en" })).toBe(`SEK${NBSP}0`);
    expect(formatWholeKronor(50, { locale: "sv" })).toBe(`1${NBSP}kr`);
    expect(formatWholeKronor(-50, { locale: "sv" })).toBe(`${MINUS}1${NBSP}kr`);
  });

  it("rejects an amount that is not a whole number of öre", () => {
    expectBadInput(() => formatWholeKronor(116_219.5, { locale: "sv" }), /safe integer/);
    expectBadInput(() => formatWholeKronor(Number.NaN, { locale: "en" }), /safe integer/);
  });
});
