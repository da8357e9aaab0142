import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBgMax } from "@/lib/bank-files/formats/bgmax";
import { parseCamt054 } from "@/lib/bank-files/formats/camt054";
import { parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import { type BankEntry, failedControls } from "@/lib/bank-files/formats/types";
import { generateOcr } from "@/lib/references/ocr";
import {
  type BgMaxBreak,
  type CamtBreak,
  type GeneratedBankFile,
  type GeneratorPayment,
  generateBgMax,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";

/**
 * Generate → parse gives back the same payments, for any list of payments: both formats, both
 * camt versions, every way the generator can lay a camt file out.
 */

// Text a payer might type: Swedish letters, XML's special characters, inner spaces; never
// leading or trailing blanks (files are read trimmed) and only what ISO-8859-1 carries.
const LETTERS =
  "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789 &<>\"'-/.,:;#+()";
const text = (maxLength: number) =>
  fc
    .string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength })
    .filter((value) => value.trim() === value && !value.includes("  "));

const ocr = fc.bigInt({ min: 1n, max: 10n ** 18n }).map((base) => generateOcr(base.toString()));
const reference = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: "none" as const, value: null }),
  ocr.map((value) => ({ kind: "structured" as const, value })),
  text(25).map((value) => ({ kind: "unstructured" as const, value })),
);
const bankgiro = fc.integer({ min: 1_000_000, max: 99_999_999 }).map(String);

const payment = fc.record(
  {
    amountOre: fc.integer({ min: 1, max: 1_000_000_000 }),
    bookingDate: fc.constantFrom("2026-12-10", "2026-12-11", "2026-12-14"),
    reference,
    payerName: text(35),
    payerAccount: fc.oneof(bankgiro, fc.constant("SE4550000000058398257466")),
    extraReferences: fc.array(fc.oneof(ocr, text(25)), { maxLength: 3 }),
    isDebit: fc.boolean(),
  },
  { requiredKeys: ["amountOre", "bookingDate"] },
);
const payments = fc.array(payment, { maxLength: 25 });

function expectedReference(item: GeneratorPayment) {
  return item.reference?.kind === "none" || !item.reference
    ? { kind: "none", value: null }
    : item.reference;
}

function commonFields(entry: BankEntry) {
  return {
    amountOre: entry.amountOre,
    bookingDate: entry.bookingDate,
    reference: entry.reference,
    extraReferences: entry.extraReferences,
    payerName: entry.payerName,
    isDebit: entry.isDebit,
    entryReference: entry.entryReference,
  };
}

function expected(list: GeneratorPayment[], file: GeneratedBankFile) {
  return list.map((item, index) => ({
    amountOre: item.amountOre,
    bookingDate: item.bookingDate,
    reference: expectedReference(item),
    extraReferences: item.extraReferences ?? [],
    payerName: item.payerName ?? null,
    isDebit: item.isDebit ?? false,
    entryReference: file.entryReferences[index],
  }));
}

const camtLayout = fc.record({
  version: fc.constantFrom("02" as const, "08" as const),
  transactionsPerEntry: fc.integer({ min: 1, max: 4 }),
  referencesAt: fc.constantFrom("TxDtls" as const, "Ntry" as const, "NtryRef" as const),
  batchTotals: fc.boolean(),
  summary: fc.boolean(),
  entriesPerNotification: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  dateTimes: fc.boolean(),
  namespacePrefix: fc.constantFrom(undefined, "ns2"),
  messageId: fc.stringMatching(/^[A-Z0-9-]{1,20}$/),
});

/**
 * BgMax deposits must not go below zero: a deposit (a run of one date's payments, at most
 * `perDeposit` long, as the generator cuts them) whose deductions outweigh its payments gets none.
 */
function withPositiveDeposits(
  list: GeneratorPayment[],
  perDeposit = Number.POSITIVE_INFINITY,
): GeneratorPayment[] {
  const deposits: GeneratorPayment[][] = [];
  for (const item of list) {
    const last = deposits.at(-1);
    if (last && last[0]!.bookingDate === item.bookingDate && last.length < perDeposit)
      last.push(item);
    else deposits.push([item]);
  }
  return deposits.flatMap((deposit) => {
    const net = deposit.reduce(
      (sum, item) => sum + (item.isDebit ? -item.amountOre : item.amountOre),
      0,
    );
    return net < 0 ? deposit.map((item) => ({ ...item, isDebit: false })) : deposit;
  });
}

/** The same date's payments next to each other, as a bank's deposits are. */
const byDate = (list: GeneratorPayment[]) =>
  [...list].sort((a, b) => a.bookingDate.localeCompare(b.bookingDate));

describe("camt.054 round trip", () => {
  it("gives back every payment of any list, in any layout", () => {
    fc.assert(
      fc.property(payments, camtLayout, (list, layout) => {
        const file = generateCamt054(list, { account: { bankgiro: "9912346" }, ...layout });
        const parsed = parseCamt054(file.bytes);
        expect(failedControls(parsed)).toEqual([]);
        expect(parsed.entries.map(commonFields)).toEqual(expected(list, file));
        expect(parsed.entries.map((entry) => entry.payerAccount)).toEqual(
          list.map((item) => item.payerAccount ?? null),
        );
        expect(
          parsed.entries.every(
            (entry) => entry.valueDate === entry.bookingDate && entry.currency === "SEK",
          ),
        ).toBe(true);
        expect(new Set(parsed.entries.map((entry) => entry.entryReference)).size).toBe(list.length);
        expect(parsed.messageId).toBe(layout.messageId);
      }),
    );
  });

  it("gives back amounts, dates and references of entries without transaction details", () => {
    fc.assert(
      fc.property(payments, fc.constantFrom("02" as const, "08" as const), (list, version) => {
        const file = generateCamt054(list, {
          account: { iban: "SE3550000000054910000003" },
          version,
          withoutTxDtls: true,
        });
        const parsed = parseCamt054(file.bytes);
        expect(failedControls(parsed)).toEqual([]);
        expect(
          parsed.entries.map((entry) => [
            entry.amountOre,
            entry.bookingDate,
            entry.isDebit,
            entry.entryReference,
          ]),
        ).toEqual(
          list.map((item, index) => [
            item.amountOre,
            item.bookingDate,
            item.isDebit ?? false,
            file.entryReferences[index],
          ]),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("fails exactly the control a broken figure belongs to", () => {
    const breaks: Array<[CamtBreak, RegExp]> = [
      ["TtlNtries.NbOfNtries", /TtlNtries\/NbOfNtries$/],
      ["TtlNtries.Sum", /TtlNtries\/Sum$/],
      ["TtlNtries.net", /TtlNtries\/net$/],
      ["TtlCdtNtries.NbOfNtries", /TtlCdtNtries\/NbOfNtries$/],
      ["TtlCdtNtries.Sum", /TtlCdtNtries\/Sum$/],
      ["TtlDbtNtries.NbOfNtries", /TtlDbtNtries\/NbOfNtries$/],
      ["TtlDbtNtries.Sum", /TtlDbtNtries\/Sum$/],
      ["TxDtls.sum", /^TxDtls add up to their Ntry$/],
      ["Btch.NbOfTxs", /^NtryDtls\/Btch totals$/],
      ["Btch.TtlAmt", /^NtryDtls\/Btch totals$/],
    ];
    fc.assert(
      fc.property(
        fc.array(payment, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...breaks),
        camtLayout,
        (list, [broken, name], layout) => {
          const file = generateCamt054(list, {
            ...layout,
            account: { bankgiro: "9912346" },
            summary: true,
            batchTotals: true,
            entriesPerNotification: undefined,
            break: [broken],
          });
          const failed = failedControls(parseCamt054(file.bytes));
          expect(failed).toHaveLength(1);
          expect(failed[0]!.name).toMatch(name);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("BgMax round trip", () => {
  it("gives back every payment of any list", () => {
    fc.assert(
      fc.property(
        payments,
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (raw, isTest, perDeposit) => {
          const list = withPositiveDeposits(byDate(raw), perDeposit);
          const file = generateBgMax(list, {
            account: { bankgiro: "991-2346" },
            isTest,
            paymentsPerDeposit: perDeposit,
          });
          const parsed = parseBgMax(file.bytes);
          expect(failedControls(parsed)).toEqual([]);
          expect(parsed.isTest).toBe(isTest);
          expect(parsed.entries.map(commonFields)).toEqual(expected(list, file));
          expect(parsed.entries.map((entry) => entry.payerAccount)).toEqual(
            list.map((item) =>
              item.payerAccount && /^\d+$/.test(item.payerAccount) ? item.payerAccount : null,
            ),
          );
          expect(parsed.extraReferenceRecords.map((extra) => extra.value)).toEqual(
            list.flatMap((item) => item.extraReferences ?? []),
          );
          expect(new Set(parsed.entries.map((entry) => entry.entryReference)).size).toBe(
            list.length,
          );
        },
      ),
    );
  });

  it("keeps free text under every text reference code", () => {
    fc.assert(
      fc.property(text(25), fc.constantFrom(3 as const, 4 as const, 5 as const), (value, code) => {
        const file = generateBgMax(
          [
            {
              amountOre: 100,
              bookingDate: "2026-12-10",
              reference: { kind: "unstructured", value },
              bgmaxReferenceCode: code,
            },
          ],
          { account: { bankgiro: "9912346" } },
        );
        expect(parseBgMax(file.bytes).entries[0]!.reference).toEqual({
          kind: "unstructured",
          value,
        });
      }),
      { numRuns: 30 },
    );
  });

  it("fails exactly the control a broken figure belongs to", () => {
    const breaks: Array<[BgMaxBreak, string]> = [
      ["TK70.payments", "TK70 payment count"],
      ["TK70.deductions", "TK70 deduction count"],
      ["TK70.extraReferences", "TK70 extra reference count"],
      ["TK70.deposits", "TK70 deposit count"],
      ["TK15.amount", "TK15 deposit sum"],
      ["TK15.count", "TK15 payment count"],
      ["TK15.currency", "TK15 currency"],
      ["missingTK01", "TK01 first"],
      ["missingTK70", "TK70 last"],
    ];
    fc.assert(
      fc.property(
        fc.array(payment, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...breaks),
        (raw, [broken, name]) => {
          const list = withPositiveDeposits(byDate(raw));
          const failed = failedControls(
            parseBgMax(
              generateBgMax(list, { account: { bankgiro: "9912346" }, break: [broken] }).bytes,
            ),
          );
          expect(failed.map((control) => control.name)).toEqual([name]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("either format through parseBankFile", () => {
  it("reads the same payments from camt.054 and BgMax", () => {
    fc.assert(
      fc.property(payments, (raw) => {
        const list = withPositiveDeposits(byDate(raw));
        const fromCamt = parseBankFile(
          "CAMT054",
          generateCamt054(list, { account: { bankgiro: "9912346" } }).bytes,
        );
        const fromBgMax = parseBankFile(
          "BGMAX",
          generateBgMax(list, { account: { bankgiro: "9912346" } }).bytes,
        );
        const comparable = (entry: BankEntry) => {
          const { entryReference: _reference, ...fields } = commonFields(entry);
          return { ...fields, receivingAccount: entry.receivingAccount };
        };
        expect(fromCamt.entries.map(comparable)).toEqual(fromBgMax.entries.map(comparable));
      }),
      { numRuns: 40 },
    );
  });
});
