import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalToOre, digitsToOre, oreToDecimal } from "@/lib/bank-files/formats/amount";

describe("decimal amounts in bank files", () => {
  it.each([
    ["1234.5", 123450],
    ["1234.50", 123450],
    ["1234", 123400],
    ["0.29", 29],
    ["0.01", 1],
    ["0", 0],
    ["007.05", 705],
    ["9999999999999.99", 999999999999999],
  ])("reads %s as %i öre, never through a float", (text, ore) => {
    expect(decimalToOre(text)).toEqual({ ok: true, ore });
  });

  it.each([
    ["", "empty"],
    ["-5.00", "negative"],
    ["1.234", "more than two decimals"],
    ["12.500", "more than two decimals"],
    ["1,50", "not an amount"],
    ["1.", "not an amount"],
    [".5", "not an amount"],
    ["1e3", "not an amount"],
    ["+5", "not an amount"],
    [" 5", "not an amount"],
    ["0x10", "not an amount"],
    ["12345678901234.00", "too large"],
  ])("refuses %j (%s)", (text, reason) => {
    const result = decimalToOre(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  it("round-trips every whole number of öre through its decimal form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (ore) => {
        expect(decimalToOre(oreToDecimal(ore))).toEqual({ ok: true, ore });
      }),
    );
  });

  it("writes two decimals", () => {
    expect(oreToDecimal(5)).toBe("0.05");
    expect(oreToDecimal(123450)).toBe("1234.50");
    expect(() => oreToDecimal(-1)).toThrow();
    expect(() => oreToDecimal(1.5)).toThrow();
  });
});

describe("BgMax digit amounts (already öre)", () => {
  it("reads zero-padded digits", () => {
    expect(digitsToOre("000000000000120500")).toEqual({ ok: true, ore: 120500 });
    expect(digitsToOre("000000000000000000")).toEqual({ ok: true, ore: 0 });
  });

  it.each(["00000000000012050A", "000000000000 12050", "", "-00000000000012050"])(
    "refuses %j",
    (field) => {
      expect(digitsToOre(field).ok).toBe(false);
    },
  );
});
