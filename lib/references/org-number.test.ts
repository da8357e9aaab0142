import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { luhnCheckDigit } from "@/lib/references/luhn";
import {
  formatOrgNumber,
  isValidLegalPersonOrgNumber,
  isValidOrgNumber,
  vatNumberFromOrgNumber,
  vatNumberMatchesOrgNumber,
} from "@/lib/references/org-number";

/*
 * Hand checks, weights 2,1,2,1,2,1,2,1,2 on the first nine digits (products above 9 minus 9),
 * check digit = (10 − sum mod 10) mod 10:
 * 556036-0793  widely used example AB: 5·2→1 5 6·2→3 0 3·2 6 0 7 9·2→9 = 37 → 3 ✓
 * 212000-0142  Stockholms stad: 4 1 4 0 0 0 0 1 8 = 18 → 2 ✓
 * 202100-5448  Skatteverket: 4 0 4 1 0 0 5·2→1 4 4·2 = 22 → 8 ✓
 * 556016-0680  Telefonaktiebolaget LM Ericsson: 1 5 3 0 2 6 0 6 8·2→7 = 30 → 0 ✓
 * 556703-7485  Spotify AB: 1 5 3 7 0 3 7·2→5 4 8·2→7 = 35 → 5 ✓
 * 556036-0794  same as the first with the check digit changed ✗
 */
describe("isValidOrgNumber", () => {
  it.each([
    "556036-0793",
    "5560360793",
    "212000-0142",
    "202100-5448",
    "556016-0680",
    "556703-7485",
    " 556036-0793 ",
    "16556036-0793",
    "165560360793",
    "162120000142",
    // Sole trader: Skatteverket's example personnummer 19121212-1212 ("Tolvan"):
    // 1·2 2 1·2 2 1·2 2 1·2 2 1·2 = 18 → 2 ✓
    "19121212-1212",
    "20121212-1212",
  ])("accepts %j", (value) => {
    expect(isValidOrgNumber(value)).toBe(true);
  });

  it.each([
    ["556036-0794", "wrong check digit"],
    ["212000-0143", "wrong check digit"],
    ["55603-60793", "hyphen in the wrong place"],
    ["556036 0793", "space instead of hyphen"],
    ["556036--0793", "two hyphens"],
    ["556036079", "9 digits"],
    ["55603607930", "11 digits"],
    ["175560360793", "12 digits with an unknown prefix"],
    ["556036-079a", "letter"],
    ["", "empty"],
  ])("rejects %j (%s)", (value) => {
    expect(isValidOrgNumber(value)).toBe(false);
  });
});

describe("formatOrgNumber", () => {
  it("writes NNNNNN-NNNN", () => {
    expect(formatOrgNumber("5560360793")).toBe("556036-0793");
    expect(formatOrgNumber("16556036-0793")).toBe("556036-0793");
    expect(formatOrgNumber("212000-0142")).toBe("212000-0142");
  });

  it("throws BAD_INPUT for invalid numbers", () => {
    expect(() => formatOrgNumber("556036-0794")).toThrow(AppError);
    expect(() => formatOrgNumber("556036-0794")).toThrow(/not a valid Swedish organisation number/);
  });
});

describe("vatNumberFromOrgNumber", () => {
  it("builds SE + 10 digits + 01", () => {
    expect(vatNumberFromOrgNumber("556036-0793")).toBe("SE556036079301");
    expect(vatNumberFromOrgNumber("202100-5448")).toBe("SE202100544801"); // Skatteverket's own
    expect(vatNumberFromOrgNumber("162120000142")).toBe("SE212000014201");
  });

  it("refuses invalid organisation numbers", () => {
    expect(() => vatNumberFromOrgNumber("212000-0143")).toThrow(AppError);
  });

  it("works for every valid number (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 9, maxLength: 9 }),
        (body) => {
          const org = `${body}${luhnCheckDigit(body)}`;
          expect(isValidOrgNumber(org)).toBe(true);
          expect(formatOrgNumber(org)).toBe(`${org.slice(0, 6)}-${org.slice(6)}`);
          expect(vatNumberFromOrgNumber(formatOrgNumber(org))).toBe(`SE${org}01`);
        },
      ),
    );
  });
});

describe("legal persons and VAT numbers", () => {
  it("tells a legal person's number (third digit 2 or more) from a personnummer", () => {
    expect(isValidLegalPersonOrgNumber("556036-0793")).toBe(true);
    expect(isValidLegalPersonOrgNumber("212000-0142")).toBe(true);
    expect(isValidLegalPersonOrgNumber("202100-5448")).toBe(true);
    // Tolvan Tolvansson's personnummer: a sole trader's number, not a legal person's.
    expect(isValidLegalPersonOrgNumber("19121212-1212")).toBe(false);
    expect(isValidLegalPersonOrgNumber("121212-1212")).toBe(false);
    expect(isValidLegalPersonOrgNumber("556036-0794")).toBe(false);
  });

  it("accepts only SE + the organisation number + 01 as its VAT number", () => {
    expect(vatNumberMatchesOrgNumber("SE556036079301", "556036-0793")).toBe(true);
    expect(vatNumberMatchesOrgNumber("se 5560 3607 9301", "5560360793")).toBe(true);
    expect(vatNumberMatchesOrgNumber("SE556036079302", "556036-0793")).toBe(false);
    expect(vatNumberMatchesOrgNumber("SE212000014201", "556036-0793")).toBe(false);
    expect(vatNumberMatchesOrgNumber("SE556036079301", "556036-0794")).toBe(false);
    for (const digits of ["5560360793", "2120000142", "5567037485"]) {
      expect(vatNumberMatchesOrgNumber(vatNumberFromOrgNumber(digits), digits)).toBe(true);
    }
  });
});
