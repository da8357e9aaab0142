import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { isLuhnValid, luhnCheckDigit } from "@/lib/references/luhn";

describe("luhnCheckDigit", () => {
  it("matches the textbook example 7992739871 → 3", () => {
    // Weights from the right 2,1,2,…: 1·2=2, 7, 8·2=16→7, 9, 3·2=6, 7, 2·2=4, 9, 9·2=18→9, 7
    // sum 67 → check (10 − 7) = 3
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });

  it("matches Swedish identifiers published with their check digit", () => {
    expect(luhnCheckDigit("5050105")).toBe(5); // bankgiro 5050-1055
    expect(luhnCheckDigit("556016068")).toBe(0); // org.nr 556016-0680 (Ericsson)
    expect(luhnCheckDigit("202100544")).toBe(8); // org.nr 202100-5448 (Skatteverket)
    expect(luhnCheckDigit("0")).toBe(0);
    expect(luhnCheckDigit("1")).toBe(8); // 1·2 = 2 → 8
    expect(luhnCheckDigit("5")).toBe(9); // 5·2 = 10 → 1 → 9
  });

  it("rejects anything but digits", () => {
    for (const bad of ["", "12a", "12 34", "-1", "1.0", "١٢"]) {
      expect(() => luhnCheckDigit(bad)).toThrow(AppError);
    }
  });
});

describe("isLuhnValid", () => {
  it("accepts known valid numbers", () => {
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("4111111111111111")).toBe(true); // Visa test card
    expect(isLuhnValid("50501055")).toBe(true);
    expect(isLuhnValid("0")).toBe(true);
  });

  it("rejects numbers with a wrong check digit", () => {
    for (let d = 0; d <= 9; d++) {
      if (d !== 3) expect(isLuhnValid(`7992739871${d}`)).toBe(false);
    }
  });

  it("returns false, never throws, for non-digit input", () => {
    expect(isLuhnValid("")).toBe(false);
    expect(isLuhnValid("5050-1055")).toBe(false);
    expect(isLuhnValid(" 50501055")).toBe(false);
    expect(isLuhnValid(undefined as unknown as string)).toBe(false);
  });

  it("accepts exactly one check digit for every payload (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 30 }),
        (payload) => {
          const check = luhnCheckDigit(payload);
          for (let d = 0; d <= 9; d++) {
            expect(isLuhnValid(`${payload}${d}`)).toBe(d === check);
          }
        },
      ),
    );
  });
});
