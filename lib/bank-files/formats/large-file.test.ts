import { describe, expect, it } from "vitest";
import { parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import { failedControls } from "@/lib/bank-files/formats/types";
import { generateOcr } from "@/lib/references/ocr";
import {
  type GeneratedBankFile,
  type GeneratorPayment,
  generateBgMax,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";

/**
 * A large file reads whole: every payment comes back, in order, with its reference. (How fast a
 * file of 100,000 reads is measured by `npm run bench:bank-import`, not here.)
 */

const COUNT = 10_000;

const payments: GeneratorPayment[] = Array.from({ length: COUNT }, (_, index) => ({
  amountOre: 10_000 + (index % 50_000),
  bookingDate: index < COUNT / 2 ? "2026-12-10" : "2026-12-11",
  reference:
    index % 10 === 9
      ? { kind: "unstructured", value: `Faktura ${1000 + index}` }
      : { kind: "structured", value: generateOcr(100_000 + index) },
  payerName: `Kund ${index}`,
  payerAccount: index % 2 === 0 ? "SE4550000000058398257466" : String(5_000_000 + index),
}));

function measure(_label: string, generate: () => GeneratedBankFile) {
  const generated = generate();
  const parsed = parseBankFile(generated.format, generated.bytes);
  expect(failedControls(parsed)).toEqual([]);
  expect(parsed.entries).toHaveLength(COUNT);
  expect(parsed.entries.at(-1)!.entryReference).toBe(generated.entryReferences.at(-1));
  expect(parsed.entries[9]!.reference).toEqual(payments[9]!.reference);
}

describe("a file of 10,000 payments", () => {
  it("camt.054.001.08, one entry per payment", () => {
    measure("camt.054.001.08", () =>
      generateCamt054(payments, { account: { bankgiro: "9912346" }, version: "08" }),
    );
  }, 300_000);

  it("camt.054.001.02, a hundred payments per entry", () => {
    measure("camt.054.001.02 multi-entry", () =>
      generateCamt054(payments, {
        account: { bankgiro: "9912346" },
        version: "02",
        transactionsPerEntry: 100,
      }),
    );
  }, 300_000);

  it("BgMax", () => {
    measure("BgMax", () => generateBgMax(payments, { account: { bankgiro: "9912346" } }));
  }, 300_000);
});
