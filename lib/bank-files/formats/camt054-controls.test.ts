import { describe, expect, it } from "vitest";
import { parseCamt054 } from "@/lib/bank-files/formats/camt054";
import { failedControls } from "@/lib/bank-files/formats/types";
import {
  type CamtBreak,
  type GeneratorPayment,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";

/** Every control fails when, and only when, the file breaks what it checks. */

const payments: GeneratorPayment[] = [
  {
    amountOre: 10_000,
    bookingDate: "2026-12-11",
    reference: { kind: "structured", value: "4711000123" },
  },
  { amountOre: 2_550, bookingDate: "2026-12-11" },
  { amountOre: 700, bookingDate: "2026-12-11", isDebit: true },
  { amountOre: 333, bookingDate: "2026-12-12" },
];

const cases: Array<[CamtBreak, string]> = [
  ["TtlNtries.NbOfNtries", "Ntfctn[1]/TxsSummry/TtlNtries/NbOfNtries"],
  ["TtlNtries.Sum", "Ntfctn[1]/TxsSummry/TtlNtries/Sum"],
  ["TtlNtries.net", "Ntfctn[1]/TxsSummry/TtlNtries/net"],
  ["TtlCdtNtries.NbOfNtries", "Ntfctn[1]/TxsSummry/TtlCdtNtries/NbOfNtries"],
  ["TtlCdtNtries.Sum", "Ntfctn[1]/TxsSummry/TtlCdtNtries/Sum"],
  ["TtlDbtNtries.NbOfNtries", "Ntfctn[1]/TxsSummry/TtlDbtNtries/NbOfNtries"],
  ["TtlDbtNtries.Sum", "Ntfctn[1]/TxsSummry/TtlDbtNtries/Sum"],
  ["TxDtls.sum", "TxDtls add up to their Ntry"],
  ["Btch.NbOfTxs", "NtryDtls/Btch totals"],
  ["Btch.TtlAmt", "NtryDtls/Btch totals"],
];

describe.each(["02", "08"] as const)("camt.054.001.%s controls", (version) => {
  const options = {
    account: { bankgiro: "9912346" },
    version,
    transactionsPerEntry: 2,
    batchTotals: true,
  };

  it("all pass on a file that agrees with itself", () => {
    const parsed = parseCamt054(generateCamt054(payments, options).bytes);
    expect(failedControls(parsed)).toEqual([]);
    expect(parsed.controls.map((control) => control.name)).toEqual([
      ...cases.slice(0, 7).map(([, name]) => name),
      "TxDtls add up to their Ntry",
      "NtryDtls/Btch totals",
      "one currency",
      "entry references unique",
    ]);
  });

  it.each(cases)("%s breaks exactly the control %s", (broken, name) => {
    const parsed = parseCamt054(generateCamt054(payments, { ...options, break: [broken] }).bytes);
    const failed = failedControls(parsed);
    expect(failed.map((control) => control.name)).toEqual([name]);
    expect(failed[0]!.level).toBe("check");
    expect(failed[0]!.detail).toMatch(/says|add up|holds/);
  });

  it("quotes what the summary says against what the file holds", () => {
    const parsed = parseCamt054(
      generateCamt054(payments, { ...options, break: ["TtlNtries.NbOfNtries", "TtlCdtNtries.Sum"] })
        .bytes,
    );
    expect(failedControls(parsed).map((control) => control.detail)).toEqual([
      "says 4, the notification has 3 entries",
      "says 12983 öre, the credit entries add up to 12883 öre",
    ]);
  });

  it("fails when amounts are in more than one currency", () => {
    const parsed = parseCamt054(
      generateCamt054(
        [...payments, { amountOre: 100, bookingDate: "2026-12-12", currency: "EUR" }],
        options,
      ).bytes,
    );
    expect(failedControls(parsed)).toEqual([
      { name: "one currency", ok: false, detail: "the file mixes EUR, SEK", level: "check" },
    ]);
  });

  it("fails when a transaction's currency differs from its entry's", () => {
    const xml = generateCamt054(payments, options).text.replace(
      version === "08"
        ? '<Amt Ccy="SEK">25.50</Amt><CdtDbtInd>'
        : '<TxAmt><Amt Ccy="SEK">25.50</Amt>',
      version === "08"
        ? '<Amt Ccy="NOK">25.50</Amt><CdtDbtInd>'
        : '<TxAmt><Amt Ccy="NOK">25.50</Amt>',
    );
    expect(failedControls(parseCamt054(xml)).map((control) => control.name)).toEqual([
      "one currency",
    ]);
  });

  it("fails when two payments carry the same reference", () => {
    const list = payments.map((payment, index) => ({
      ...payment,
      entryReference: index < 2 ? "SAME" : `R${index}`,
    }));
    const failed = failedControls(parseCamt054(generateCamt054(list, options).bytes));
    expect(failed.map((control) => control.name)).toEqual(["entry references unique"]);
    expect(failed[0]!.detail).toContain("SAME (Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[2])");
  });
});

describe("many findings", () => {
  it("make one control that quotes the first five", () => {
    const list = Array.from({ length: 8 }, (_, index) => ({
      amountOre: 100 + index,
      bookingDate: "2026-12-11",
    }));
    const xml = generateCamt054(list, {
      account: { bankgiro: "9912346" },
      summary: false,
    }).text.replace(
      /<Amt Ccy="SEK">[\d.]+<\/Amt><CdtDbtInd>/g,
      '<Amt Ccy="SEK">9.99</Amt><CdtDbtInd>',
    );
    const failed = failedControls(parseCamt054(xml));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.name).toBe("TxDtls add up to their Ntry");
    expect(failed[0]!.detail).toMatch(/; and 3 more$/);
  });
});
