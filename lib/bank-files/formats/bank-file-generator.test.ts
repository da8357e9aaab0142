import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  type GeneratorPayment,
  generateBgMax,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";

/** The generator itself: what it writes must be a valid file of its format, whatever the input. */

/** XML 1.0 has no way to write most control characters, escaped or not. */
function xmlCarries(value: string): boolean {
  return [...value].every((char) => {
    const code = char.codePointAt(0)!;
    return (
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
    );
  });
}

describe("the camt.054 generator", () => {
  it("writes well-formed XML whatever the text, escaping it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }).filter(xmlCarries), (value) => {
        const file = generateCamt054(
          [
            {
              amountOre: 1,
              bookingDate: "2026-12-11",
              payerName: value,
              reference: { kind: "unstructured", value },
            },
          ],
          { account: { bankgiro: "9912346" }, messageId: "M&1" },
        );
        expect(XMLValidator.validate(file.text)).toBe(true);
        expect(file.bytes.toString("utf8")).toBe(file.text);
      }),
    );
  });

  it("refuses text XML cannot carry instead of writing a broken file", () => {
    expect(() =>
      generateCamt054([{ amountOre: 1, bookingDate: "2026-12-11", payerName: "a\u0001b" }], {
        account: { bankgiro: "9912346" },
      }),
    ).toThrow(/XML cannot carry/);
  });

  it("needs a receiving account", () => {
    expect(() => generateCamt054([], { account: {} })).toThrow(/bankgiro number or an IBAN/);
  });
});

describe("the BgMax generator", () => {
  const payments: GeneratorPayment[] = [
    {
      amountOre: 100,
      bookingDate: "2026-12-11",
      payerName: "Łukasz Żółć",
      reference: { kind: "unstructured", value: "Fakt 12" },
    },
    { amountOre: 50, bookingDate: "2026-12-11", isDebit: true, information: ["återbetalning"] },
  ];

  it("writes exact 80-character ISO-8859-1 records", () => {
    const file = generateBgMax(payments, { account: { bankgiro: "9912346" } });
    const records = file.text.split("\r\n");
    expect(records.pop()).toBe("");
    expect(records.every((record) => record.length === 80)).toBe(true);
    expect(file.bytes.length).toBe(file.text.length);
    // What ISO-8859-1 cannot carry becomes "?", as banks print it; what it can stays one byte.
    expect(records.find((record) => record.startsWith("26"))!.trimEnd()).toBe("26?ukasz ?ó??");
    expect(file.bytes.includes(0xe5)).toBe(true);
  });

  it("refuses what does not fit its fields", () => {
    const account = { bankgiro: "9912346" };
    expect(() =>
      generateBgMax(
        [{ ...payments[0]!, reference: { kind: "unstructured", value: "x".repeat(26) } }],
        { account },
      ),
    ).toThrow(/longer than the 25 positions/);
    expect(() => generateBgMax([{ ...payments[0]!, amountOre: 10 ** 18 }], { account })).toThrow(
      /does not fit 18 digits/,
    );
    expect(() => generateBgMax([{ ...payments[1]! }], { account })).toThrow(
      /deposit of 2026-12-11 would be negative/,
    );
    expect(() => generateBgMax(payments, { account: {} })).toThrow(/receiving bankgiro/);
  });
});
