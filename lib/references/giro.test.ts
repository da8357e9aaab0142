import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  formatBankgiro,
  formatPlusgiro,
  isValidBankgiro,
  isValidPlusgiro,
} from "@/lib/references/giro";
import { luhnCheckDigit } from "@/lib/references/luhn";

/*
 * Hand checks (Luhn, weights 1,2,1,2,… from the right, products above 9 have 9 subtracted):
 * 5050-1055  Skatteverket's bankgiro for tax account payments:
 *            5 + 5·2→1 + 0 + 1·2 + 0 + 5·2→1 + 0 + 5·2→1 = 10 ✓
 * 991-2346   example bankgiro in Bankgirot's "10-modul" guide:
 *            6 + 4·2 + 3 + 2·2 + 1 + 9·2→9 + 9 = 40 ✓
 * 5555-5551  Bankgirot example: 1 + 1 + 5 + 1 + 5 + 1 + 5 + 1 = 20 ✓
 * 900-1629   WaterAid's published bankgiro: 9 + 2·2 + 6 + 1·2 + 0 + 0 + 9 = 30 ✓
 * 5050-1056  last digit changed: sum 11 ✗
 */
describe("isValidBankgiro", () => {
  it.each(["5050-1055", "50501055", "991-2346", "9912346", "5555-5551", "900-1629", " 5050-1055 "])(
    "accepts %j",
    (bg) => {
      expect(isValidBankgiro(bg)).toBe(true);
    },
  );

  it.each([
    ["5050-1056", "wrong check digit"],
    ["991-2345", "wrong check digit"],
    ["5050-105", "hyphen in the wrong place"],
    ["50-501055", "hyphen in the wrong place"],
    ["505010-55", "hyphen in the wrong place"],
    ["5050 1055", "space instead of hyphen"],
    ["5050--1055", "two hyphens"],
    ["123456", "too short"],
    ["123456789", "too long (a valid Luhn 9-digit string is still no bankgiro)"],
    ["5050-105a", "letter"],
    ["", "empty"],
  ])("rejects %j (%s)", (bg) => {
    expect(isValidBankgiro(bg)).toBe(false);
  });

  it("rejects a 9-digit Luhn-valid number", () => {
    expect(isValidBankgiro(`12345678${luhnCheckDigit("12345678")}`)).toBe(false);
  });
});

describe("formatBankgiro", () => {
  it("puts the hyphen before the last four digits", () => {
    expect(formatBankgiro("50501055")).toBe("5050-1055");
    expect(formatBankgiro("9912346")).toBe("991-2346");
    expect(formatBankgiro("991-2346")).toBe("991-2346");
  });

  it("throws BAD_INPUT for invalid numbers", () => {
    expect(() => formatBankgiro("50501056")).toThrow(AppError);
    expect(() => formatBankgiro("50501056")).toThrow(/not a valid bankgiro/);
  });
});

/*
 * 90 19 50-6  Radiohjälpen's published PlusGiro:
 *             6 + 0·2 + 5 + 9·2→9 + 1 + 0·2 + 9 = 30 ✓
 * 90 01 62-9  WaterAid's published PlusGiro: 9 + 2·2 + 6 + 1·2 + 0 + 0 + 9 = 30 ✓
 * 90 20 03-3  3 + 3·2 + 0 + 0 + 2 + 0 + 9 = 20 ✓
 * 90 01 22-8  sometimes quoted for Radiohjälpen, but 8 + 2·2 + 2 + 1·2 + 0 + 0 + 9 = 25 ✗;
 *             the digit that would make 900122 valid is 3.
 * 4-2         2-digit minimum: 2 + 4·2 = 10 ✓
 */
describe("isValidPlusgiro", () => {
  it.each([
    "90 19 50-6",
    "901950-6",
    "9019506",
    "90 01 62-9",
    "902003-3",
    "4-2",
    "42",
    "1234567-4",
  ])("accepts %j", (pg) => {
    expect(isValidPlusgiro(pg)).toBe(true);
  });

  it.each([
    ["90 01 22-8", "wrong check digit"],
    ["90 19 50-7", "wrong check digit"],
    ["0", "too short"],
    [`12345678${luhnCheckDigit("12345678")}`, "9 digits is too long"],
    ["90 19 5-06", "hyphen not before the check digit"],
    ["90  19 50-6", "double space"],
    ["90-19-50-6", "several hyphens"],
    ["90 19 50-", "dangling hyphen"],
    ["PG 90 19 50-6", "letters"],
    ["", "empty"],
  ])("rejects %j (%s)", (pg) => {
    expect(isValidPlusgiro(pg)).toBe(false);
  });
});

describe("formatPlusgiro", () => {
  it("groups the body in pairs from the right and hyphenates the check digit", () => {
    expect(formatPlusgiro("9019506")).toBe("90 19 50-6");
    expect(formatPlusgiro("90 19 50-6")).toBe("90 19 50-6");
    expect(formatPlusgiro("42")).toBe("4-2");
    // 123455: 5 + 5·2→1 + 4 + 3·2 + 2 + 1·2 = 20 ✓
    expect(formatPlusgiro("12345-5")).toBe("1 23 45-5");
    // 12345674: 4 + 7·2→5 + 6 + 5·2→1 + 4 + 3·2 + 2 + 1·2 = 30 ✓
    expect(formatPlusgiro("12345674")).toBe("1 23 45 67-4");
  });

  it("throws BAD_INPUT for invalid numbers", () => {
    expect(() => formatPlusgiro("90 01 22-8")).toThrow(/not a valid PlusGiro/);
  });

  it("round-trips every valid number through its display form (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 7 }),
        (body) => {
          const pg = `${body}${luhnCheckDigit(body)}`;
          const shown = formatPlusgiro(pg);
          expect(shown).toMatch(/^\d{1,2}(?: \d\d)*-\d$/);
          expect(isValidPlusgiro(shown)).toBe(true);
          expect(shown.replace(/[ -]/g, "")).toBe(pg);
        },
      ),
    );
  });
});

describe("bankgiro property", () => {
  it("every 7–8 digit Luhn number is a bankgiro and formats back to itself", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 6, maxLength: 7 }),
        (body) => {
          const bg = `${body}${luhnCheckDigit(body)}`;
          expect(isValidBankgiro(bg)).toBe(true);
          expect(formatBankgiro(bg).replace("-", "")).toBe(bg);
          expect(isValidBankgiro(formatBankgiro(bg))).toBe(true);
        },
      ),
    );
  });
});
