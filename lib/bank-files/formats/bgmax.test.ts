import { describe, expect, it } from "vitest";
import { parseBgMax } from "@/lib/bank-files/formats/bgmax";
import { failedControls } from "@/lib/bank-files/formats/types";
import { type GeneratorPayment, generateBgMax } from "@/tests/helpers/bank-file-generator";

/** Pads a record to its 80 positions, so the tests below show only what they are about. */
const rec = (content: string) => {
  expect(content.length).toBeLessThanOrEqual(80);
  return content.padEnd(80, " ");
};
const file = (...records: string[]) => `${records.map(rec).join("\r\n")}\r\n`;

/** TK20–23: positions 3–12 sender bankgiro, 13–37 reference, 38–55 amount, 56 code, 57 channel, 58–69 serial, 70 image, 71 deduction code. */
function payment(
  type: string,
  fields: {
    sender?: string;
    reference?: string;
    amount: number;
    code: number;
    serial: string;
    deduction?: string;
  },
) {
  const reference = fields.reference ?? "";
  const aligned = fields.code === 2 ? reference.padStart(25) : reference.padEnd(25);
  return `${type}${(fields.sender ?? "0").padStart(10, "0")}${aligned}${String(fields.amount).padStart(18, "0")}${fields.code}1${fields.serial}0${fields.deduction ?? ""}`;
}

/** TK15: 3–37 bank account, 38–45 date, 46–50 serial, 51–68 amount, 69–71 currency, 72–79 payments, 80 type. */
function deposit(date: string, serial: string, amount: number, payments: number, currency = "SEK") {
  return `15${"12345678901".padStart(35, "0")}${date}${serial}${String(amount).padStart(18, "0")}${currency}${String(payments).padStart(8, "0")}`;
}

// One deposit of two payments and a deduction, with every kind of detail record after the first.
const handMade = file(
  "01BGMAX               0120261211063015123456T",
  "050009912346          SEK",
  payment("20", {
    sender: "5551234",
    reference: "4711000123",
    amount: 125_050,
    code: 2,
    serial: "123456789012",
  }),
  payment("22", {
    sender: "5551234",
    reference: "4711000131",
    amount: 0,
    code: 2,
    serial: "123456789012",
  }),
  payment("23", {
    sender: "5551234",
    reference: "F-99",
    amount: 5_000,
    code: 3,
    serial: "123456789012",
  }),
  "25Betalning avser två fakturor",
  `26${"Åsa Öberg".padEnd(35)}c/o Lund`,
  `27${"Storgatan 1".padEnd(35)}123 45`,
  `28${"Västerås".padEnd(35)}${"Sverige".padEnd(35)}SE`,
  "29005561234567",
  payment("20", { reference: "Faktura 1042", amount: 9_900, code: 3, serial: "123456789013" }),
  payment("21", {
    sender: "5551234",
    amount: 1_000,
    code: 0,
    serial: "123456789014",
    deduction: "1",
  }),
  deposit("20261211", "00007", 133_950, 3),
  "7000000002000000010000000200000001",
);

describe("a BgMax file read record by record", () => {
  const parsed = parseBgMax(Buffer.from(handMade, "latin1"));

  it("reads the start record and the receiving bankgiro", () => {
    expect(parsed).toMatchObject({
      format: "BGMAX",
      version: "01",
      messageId: null,
      isTest: true,
      accounts: [{ bankgiro: "9912346" }],
      ignoredEntries: [],
    });
    // 06:30:15.123456 Swedish winter time is 05:30:15.123 UTC.
    expect(parsed.createdAt?.toISOString()).toBe("2026-12-11T05:30:15.123Z");
    expect(failedControls(parsed)).toEqual([]);
  });

  it("reads a payment with its extra references, information, name, address and org number", () => {
    expect(parsed.entries[0]).toEqual({
      entryReference: "9912346:2026-12-11:123456789012",
      amountOre: 125_050,
      currency: "SEK",
      bookingDate: "2026-12-11",
      valueDate: null,
      reference: { kind: "structured", value: "4711000123" },
      extraReferences: ["4711000131", "F-99"],
      payerName: "Åsa Öberg",
      payerAccount: "5551234",
      receivingAccount: { bankgiro: "9912346" },
      isDebit: false,
      endToEndId: null,
      information: ["Betalning avser två fakturor"],
      channel: null,
      payerAddress: {
        street: "Storgatan 1",
        postalCode: "123 45",
        city: "Västerås",
        country: "Sverige",
        countryCode: "SE",
        extraName: "c/o Lund",
      },
      payerOrgNumber: "005561234567",
      location: "line 3",
      formatDetails: {
        recordType: "20",
        referenceCode: "2",
        paymentChannel: "1",
        bgcSerial: "123456789012",
        imageMark: "0",
        depositSerial: "00007",
      },
    });
    expect(parsed.extraReferenceRecords).toEqual([
      {
        entryReference: "9912346:2026-12-11:123456789012",
        value: "4711000131",
        amountOre: 0,
        isNegative: false,
        referenceCode: "2",
      },
      {
        entryReference: "9912346:2026-12-11:123456789012",
        value: "F-99",
        amountOre: 5000,
        isNegative: true,
        referenceCode: "3",
      },
    ]);
  });

  it("reads free text as an unstructured reference and a deduction as a debit", () => {
    expect(parsed.entries[1]).toMatchObject({
      reference: { kind: "unstructured", value: "Faktura 1042" },
      payerAccount: null,
      isDebit: false,
      amountOre: 9_900,
      entryReference: "9912346:2026-12-11:123456789013",
    });
    expect(parsed.entries[2]).toMatchObject({
      isDebit: true,
      amountOre: 1_000,
      reference: { kind: "none", value: null },
      formatDetails: expect.objectContaining({ recordType: "21", deductionCode: "1" }),
    });
  });
});

describe("reference codes", () => {
  const withCode = (code: number, reference: string) =>
    file(
      "01BGMAX               0120261211063015123456P",
      "050009912346          SEK",
      `200000000000${reference.padEnd(25)}000000000000001000${code}11234567890120`,
      deposit("20261211", "00001", 1_000, 1),
      "7000000001000000000000000000000001",
    );

  it.each([
    [0, "", { kind: "none", value: null }, []],
    [1, "", { kind: "none", value: null }, []],
    [0, "stray text", { kind: "none", value: null }, ["stray text"]],
    [2, "4711000123", { kind: "structured", value: "4711000123" }, []],
    [3, "Fakt 1042, 1043", { kind: "unstructured", value: "Fakt 1042, 1043" }, []],
    [4, "INV-1042", { kind: "unstructured", value: "INV-1042" }, []],
    [5, "4711000124", { kind: "unstructured", value: "4711000124" }, []],
    [3, "", { kind: "none", value: null }, []],
  ])("code %i with %j", (code, reference, expected, extra) => {
    const entry = parseBgMax(withCode(code, reference)).entries[0]!;
    expect(entry.reference).toEqual(expected);
    expect(entry.extraReferences).toEqual(extra);
    expect(entry.formatDetails.referenceCode).toBe(String(code));
  });

  it("reads a right-aligned OCR reference", () => {
    expect(parseBgMax(withCode(2, "           4711000123")).entries[0]!.reference.value).toBe(
      "4711000123",
    );
  });
});

describe("generated BgMax files", () => {
  const payments: GeneratorPayment[] = [
    {
      amountOre: 10_000,
      bookingDate: "2026-12-10",
      reference: { kind: "structured", value: "4711000123" },
      payerName: "Anna",
      payerAccount: "5551234",
    },
    { amountOre: 2_000, bookingDate: "2026-12-10", isDebit: true },
    {
      amountOre: 500,
      bookingDate: "2026-12-11",
      reference: { kind: "unstructured", value: "faktura 7" },
      extraReferences: ["4711000131", "F 8"],
    },
  ];

  it("read back with a deposit per date", () => {
    const generated = generateBgMax(payments, {
      account: { bankgiro: "991-2346" },
      firstSerial: 500,
    });
    const parsed = parseBgMax(generated.bytes);
    expect(failedControls(parsed)).toEqual([]);
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual(generated.entryReferences);
    expect(generated.entryReferences).toEqual([
      "9912346:2026-12-10:000000000500",
      "9912346:2026-12-10:000000000501",
      "9912346:2026-12-11:000000000502",
    ]);
    expect(
      parsed.entries.map((entry) => [
        entry.bookingDate,
        entry.isDebit,
        entry.formatDetails.depositSerial,
      ]),
    ).toEqual([
      ["2026-12-10", false, "00001"],
      ["2026-12-10", true, "00001"],
      ["2026-12-11", false, "00002"],
    ]);
    expect(parsed.entries[2]!.extraReferences).toEqual(["4711000131", "F 8"]);
  });

  it("keep a payment's numeric entryReference as its BGC serial number", () => {
    const generated = generateBgMax([{ ...payments[0]!, entryReference: "77" }], {
      account: { bankgiro: "9912346" },
    });
    expect(parseBgMax(generated.bytes).entries[0]!.entryReference).toBe(
      "9912346:2026-12-10:000000000077",
    );
  });

  it("read with LF line endings and from text", () => {
    const generated = generateBgMax(payments, {
      account: { bankgiro: "9912346" },
      lineEnding: "\n",
    });
    expect(parseBgMax(generated.text).entries).toHaveLength(3);
  });

  it("skip record types the manual does not define, saying so", () => {
    const parsed = parseBgMax(
      generateBgMax(payments, { account: { bankgiro: "9912346" }, unknownRecord: true }).bytes,
    );
    expect(failedControls(parsed)).toEqual([]);
    expect(parsed.controls).toContainEqual({
      name: "unknown record type TK40",
      ok: true,
      level: "info",
      detail: expect.stringContaining("2 record(s)"),
    });
    expect(parsed.entries).toHaveLength(3);
  });

  it("carry the test mark and a PlusGiro number", () => {
    const parsed = parseBgMax(
      generateBgMax(payments, {
        account: { bankgiro: "9912346", plusgiro: "90 19 50-6" },
        isTest: true,
      }).bytes,
    );
    expect(parsed.isTest).toBe(true);
    expect(parsed.accounts).toEqual([{ bankgiro: "9912346", plusgiro: "9019506" }]);
  });

  it("decode ISO-8859-1 bytes", () => {
    const generated = generateBgMax([{ ...payments[0]!, payerName: "Örjan Ågren-Älv" }], {
      account: { bankgiro: "9912346" },
    });
    expect(generated.bytes.includes(0xd6)).toBe(true);
    expect(parseBgMax(generated.bytes).entries[0]!.payerName).toBe("Örjan Ågren-Älv");
  });
});
