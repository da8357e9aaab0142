import { describe, expect, it } from "vitest";
import { parseBgMax } from "@/lib/bank-files/formats/bgmax";
import { failedControls } from "@/lib/bank-files/formats/types";
import { AppError } from "@/lib/errors/app-error";
import {
  type BgMaxBreak,
  type GeneratorPayment,
  generateBgMax,
} from "@/tests/helpers/bank-file-generator";

const payments: GeneratorPayment[] = [
  {
    amountOre: 10_000,
    bookingDate: "2026-12-10",
    reference: { kind: "structured", value: "4711000123" },
    payerName: "Anna",
  },
  { amountOre: 2_000, bookingDate: "2026-12-10", isDebit: true },
  {
    amountOre: 500,
    bookingDate: "2026-12-11",
    reference: { kind: "unstructured", value: "faktura 7" },
    extraReferences: ["4711000131"],
  },
];
const account = { bankgiro: "9912346" };
const good = generateBgMax(payments, { account }).text;
const lines = good.split("\r\n");

/** The good file with line `number` (1-based) replaced. */
function withLine(number: number, replace: (line: string) => string): string {
  return lines.map((line, index) => (index === number - 1 ? replace(line) : line)).join("\r\n");
}

function refusal(content: string): AppError {
  try {
    parseBgMax(content);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_INPUT");
    expect((error as AppError).details).toMatchObject({ format: "BGMAX" });
    return error as AppError;
  }
  throw new Error("the file was read, but it should have been refused");
}

describe("records that cannot be read", () => {
  it("the good file is read (the cases below each break one thing)", () => {
    expect(lines.slice(0, 4).map((line) => line.slice(0, 2))).toEqual(["01", "05", "20", "26"]);
    expect(failedControls(parseBgMax(good))).toEqual([]);
  });

  it.each([
    [
      "a short line",
      withLine(3, (line) => line.trimEnd()),
      /\(line 3\): the record is 70 characters, not 80/,
    ],
    ["a long line", withLine(4, (line) => `${line} `), /\(line 4\): the record is 81 characters/],
    [
      "a non-digit amount",
      withLine(3, (line) => `${line.slice(0, 50)}12O45${line.slice(55)}`),
      /line 3, TK20 positions 38–55\): the amount: the amount field "000000000000012O45" is not all digits/,
    ],
    [
      "a blank amount",
      withLine(3, (line) => `${line.slice(0, 37)}${" ".repeat(18)}${line.slice(55)}`),
      /the amount field .* is not all digits/,
    ],
    [
      "a letter in a deposit amount",
      withLine(6, (line) => `${line.slice(0, 60)}X${line.slice(61)}`),
      /line 6, TK15 positions 51–68/,
    ],
    [
      "a reference code that is not 0–5",
      withLine(3, (line) => `${line.slice(0, 55)}7${line.slice(56)}`),
      /reference code "7" is not 0–5/,
    ],
    [
      "an OCR (code 2) with letters",
      withLine(3, (line) => `${line.slice(0, 12)}${"4711A00123".padStart(25)}${line.slice(37)}`),
      /reference code 2 \(a checked OCR\) but the reference "4711A00123" is not digits/,
    ],
    [
      "a serial number with a blank",
      withLine(3, (line) => `${line.slice(0, 60)} ${line.slice(61)}`),
      /BGC serial number/,
    ],
    [
      "a record without a transaction code",
      withLine(3, (line) => `X${line.slice(1)}`),
      /two-digit transaction code/,
    ],
    [
      "a deposit date that is no date",
      withLine(6, (line) => `${line.slice(0, 37)}20261332${line.slice(45)}`),
      /payment date "20261332" is not a date/,
    ],
    [
      "a currency that is not a code",
      withLine(2, (line) => `${line.slice(0, 22)}se ${line.slice(25)}`),
      /"se " is not a currency code/,
    ],
    [
      "a layout other than BGMAX",
      withLine(1, (line) => `01BGMIN${line.slice(7)}`),
      /names layout "BGMIN", not BGMAX/,
    ],
    [
      "an unknown layout version",
      withLine(1, (line) => `${line.slice(0, 22)}02${line.slice(24)}`),
      /layout version 02 is unknown/,
    ],
    [
      "an impossible timestamp",
      withLine(1, (line) => `${line.slice(0, 24)}20261340${line.slice(32)}`),
      /timestamp/,
    ],
    [
      "a test mark other than T/P",
      withLine(1, (line) => `${line.slice(0, 44)}X${line.slice(45)}`),
      /test mark is "X"/,
    ],
    [
      "an empty line inside the file",
      withLine(4, () => ""),
      /\(line 4\): the record is 0 characters/,
    ],
    ["an empty file", "", /the file is empty/],
  ])("refuses %s", (_case, content, message) => {
    expect(refusal(content).message).toMatch(message);
  });

  it("hints at UTF-8 when a file was re-encoded", () => {
    const utf8AsLatin1 = Buffer.from(
      generateBgMax([{ ...payments[0]!, payerName: "Åsa" }], { account }).text,
      "utf8",
    ).toString("latin1");
    expect(refusal(utf8AsLatin1).message).toMatch(
      /81 characters, not 80 \(it looks UTF-8 encoded; BgMax is ISO-8859-1\)/,
    );
  });

  it("refuses a payment outside a deposit and details that follow no payment", () => {
    const withoutOpening = lines.filter((line) => !line.startsWith("05")).join("\r\n");
    expect(refusal(withoutOpening).message).toMatch(
      /\(line 2\): a TK20 payment record outside a deposit/,
    );
    const orphanName = withLine(2, (line) => `${line}\r\n${"26Anna".padEnd(80)}`);
    expect(refusal(orphanName).message).toMatch(
      /\(line 3\): a TK26 record that follows no payment/,
    );
    const depositFirst = withLine(2, (line) => `${lines[5]}\r\n${line}`);
    expect(refusal(depositFirst).message).toMatch(
      /\(line 2\): a TK15 deposit record without a TK05/,
    );
  });
});

describe("BgMax controls", () => {
  const cases: Array<[BgMaxBreak, string, RegExp]> = [
    ["TK70.payments", "TK70 payment count", /TK70 says 3, the file has 2 TK20 payment records/],
    [
      "TK70.deductions",
      "TK70 deduction count",
      /TK70 says 2, the file has 1 TK21 deduction records/,
    ],
    [
      "TK70.extraReferences",
      "TK70 extra reference count",
      /TK70 says 2, the file has 1 TK22\/TK23/,
    ],
    ["TK70.deposits", "TK70 deposit count", /TK70 says 3, the file has 2 TK15 deposit records/],
    [
      "TK15.amount",
      "TK15 deposit sum",
      /TK15 at line \d+ says 8001 öre, its payments less deductions are 8000 öre/,
    ],
    ["TK15.count", "TK15 payment count", /says 3 payments, the deposit has 2/],
    ["TK15.currency", "TK15 currency", /is in EUR, its TK05 \(line 2\) in SEK/],
    ["missingTK70", "TK70 last", /there is no TK70 end record: the file may be cut off/],
    ["missingTK01", "TK01 first", /there is no TK01 start record/],
  ];

  it.each(cases)("%s breaks exactly the control %s", (broken, name, detail) => {
    const parsed = parseBgMax(generateBgMax(payments, { account, break: [broken] }).bytes);
    const failed = failedControls(parsed);
    expect(failed.map((control) => control.name)).toEqual([name]);
    expect(failed[0]!.detail).toMatch(detail);
  });

  it("a deposit never closed fails, and its payments have no date", () => {
    const parsed = parseBgMax(generateBgMax(payments, { account, break: ["missingTK15"] }).bytes);
    expect(failedControls(parsed).map((control) => [control.name, control.detail])).toEqual([
      [
        "TK05 closed by TK15",
        "the TK05 at line 7 is not closed by a TK15 before the TK70 at line 10",
      ],
      ["TK70 deposit count", "TK70 says 2, the file has 1 TK15 deposit records"],
    ]);
    expect(parsed.entries[2]).toMatchObject({
      bookingDate: null,
      entryReference: "9912346::000000000003",
    });
  });

  it("a TK05 inside an open deposit fails the same control", () => {
    const content = lines
      .filter((line, index) => !(line.startsWith("15") && index < 6))
      .join("\r\n");
    const failed = failedControls(parseBgMax(content));
    expect(failed.map((control) => control.name)).toContain("TK05 closed by TK15");
    expect(failed.find((control) => control.name === "TK05 closed by TK15")!.detail).toMatch(
      /before a TK05 at line \d+/,
    );
  });

  it("records after TK70, a second TK70 and a TK01 that is not first fail their controls", () => {
    const after = parseBgMax(`${good}${"40".padEnd(80)}\r\n`);
    expect(failedControls(after).map((control) => control.name)).toContain("TK70 last");
    const twice = parseBgMax(`${good}${lines.at(-2)}\r\n`);
    expect(failedControls(twice).find((control) => control.name === "TK70 last")!.detail).toMatch(
      /a second TK70/,
    );
    const late = parseBgMax([lines[1], lines[0], ...lines.slice(2)].join("\r\n"));
    expect(failedControls(late).find((control) => control.name === "TK01 first")!.detail).toMatch(
      /at line 2, not first/,
    );
  });

  it("a reference used twice fails", () => {
    const list = payments.map((payment) => ({
      ...payment,
      bookingDate: "2026-12-10",
      isDebit: false,
      entryReference: "42",
    }));
    const failed = failedControls(parseBgMax(generateBgMax(list, { account }).bytes));
    expect(failed.map((control) => control.name)).toEqual(["entry references unique"]);
  });
});
