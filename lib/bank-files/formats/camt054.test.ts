import { describe, expect, it } from "vitest";
import { parseCamt054 } from "@/lib/bank-files/formats/camt054";
import { failedControls } from "@/lib/bank-files/formats/types";
import {
  type CamtOptions,
  type GeneratorPayment,
  generateCamt054,
} from "@/tests/helpers/bank-file-generator";

const BANKGIRO = { bankgiro: "991-2346" };

const payments: GeneratorPayment[] = [
  {
    amountOre: 125_050,
    reference: { kind: "structured", value: "4711000123" },
    payerName: "Åsa Öberg & Co <AB>",
    payerAccount: "SE4550000000058398257466",
    bookingDate: "2026-12-11",
    valueDate: "2026-12-12",
    entryReference: "BG-REF-1",
    endToEndId: "E2E-1",
  },
  {
    amountOre: 9_900,
    reference: { kind: "unstructured", value: "Faktura 1042 dec" },
    payerName: "Nils",
    payerAccount: "8327-9,123 456 789-0",
    bookingDate: "2026-12-11",
    entryReference: "BG-REF-2",
  },
  { amountOre: 1, bookingDate: "2026-12-11", entryReference: "BG-REF-3" },
];

/** The same payments, all of one day, so an entry may hold several. */
const sameDay = payments.map(({ valueDate: _valueDate, ...payment }) => payment);

function parse(list: GeneratorPayment[], options: Partial<CamtOptions> = {}) {
  const file = generateCamt054(list, { account: BANKGIRO, ...options });
  return { file, parsed: parseCamt054(file.bytes) };
}

describe.each(["02", "08"] as const)("camt.054.001.%s", (version) => {
  it("reads the header, the receiving bankgiro and every payment field", () => {
    const { parsed } = parse(payments, {
      version,
      messageId: "MSG-42",
      createdAt: "2026-12-12T06:30:00+01:00",
    });
    expect(parsed).toMatchObject({
      format: "CAMT054",
      version: `camt.054.001.${version}`,
      messageId: "MSG-42",
      isTest: false,
      accounts: [{ bankgiro: "9912346" }],
      ignoredEntries: [],
    });
    expect(parsed.createdAt?.toISOString()).toBe("2026-12-12T05:30:00.000Z");
    expect(failedControls(parsed)).toEqual([]);
    expect(parsed.entries).toHaveLength(3);
    expect(parsed.entries[0]).toMatchObject({
      entryReference: "BG-REF-1",
      amountOre: 125_050,
      currency: "SEK",
      bookingDate: "2026-12-11",
      valueDate: "2026-12-12",
      reference: { kind: "structured", value: "4711000123" },
      extraReferences: [],
      payerName: "Åsa Öberg & Co <AB>",
      payerAccount: "SE4550000000058398257466",
      receivingAccount: { bankgiro: "9912346" },
      isDebit: false,
      endToEndId: "E2E-1",
      location: "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]",
    });
    expect(parsed.entries[1]).toMatchObject({
      reference: { kind: "unstructured", value: "Faktura 1042 dec" },
      payerAccount: "8327-9,123 456 789-0",
      endToEndId: "NOTPROVIDED",
    });
    expect(parsed.entries[2]).toMatchObject({
      amountOre: 1,
      reference: { kind: "none", value: null },
      payerName: null,
      payerAccount: null,
    });
  });

  it("reads an entry holding many transactions (multi-entry) as one payment each", () => {
    const { parsed, file } = parse(sameDay, {
      version,
      transactionsPerEntry: 10,
      batchTotals: true,
    });
    expect(file.text.match(/<Ntry>/g)).toHaveLength(1);
    expect(parsed.entries.map((entry) => entry.amountOre)).toEqual([125_050, 9_900, 1]);
    expect(parsed.entries.map((entry) => entry.location)).toEqual([
      "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]",
      "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]",
      "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[3]",
    ]);
    expect(failedControls(parsed)).toEqual([]);
  });

  it("reads an entry without transaction details as the payment itself", () => {
    const { parsed, file } = parse(payments, { version, withoutTxDtls: true });
    expect(file.text).not.toContain("<TxDtls>");
    expect(
      parsed.entries.map((entry) => [entry.entryReference, entry.amountOre, entry.reference.kind]),
    ).toEqual([
      ["BG-REF-1", 125_050, "none"],
      ["BG-REF-2", 9_900, "none"],
      ["BG-REF-3", 1, "none"],
    ]);
    expect(failedControls(parsed)).toEqual([]);
  });

  it("takes the entry's AcctSvcrRef with the transaction's number when the transaction has none", () => {
    const { parsed, file } = parse(sameDay, {
      version,
      transactionsPerEntry: 2,
      referencesAt: "Ntry",
    });
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual([
      "BG-REF-1/1",
      "BG-REF-1/2",
      "BG-REF-3/1",
    ]);
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual(file.entryReferences);
  });

  it("falls back to the notification's Id with the NtryRef, and says so", () => {
    const { parsed, file } = parse(sameDay, {
      version,
      transactionsPerEntry: 2,
      referencesAt: "NtryRef",
      messageId: "M",
    });
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual([
      "M-N1/1/1",
      "M-N1/1/2",
      "M-N1/2/1",
    ]);
    expect(file.entryReferences).toEqual(["M-N1/1/1", "M-N1/1/2", "M-N1/2/1"]);
    expect(parsed.controls).toContainEqual(
      expect.objectContaining({ name: "references from NtryRef", ok: true, level: "info" }),
    );
  });

  it("reads booking dates written as DtTm, and a namespace prefix", () => {
    const { parsed, file } = parse(payments, { version, dateTimes: true, namespacePrefix: "ns2" });
    expect(file.text).toContain("<ns2:Ntry>");
    expect(file.text).toContain("<DtTm>".replace("<", "<ns2:"));
    expect(parsed.entries[0]).toMatchObject({ bookingDate: "2026-12-11", valueDate: "2026-12-12" });
    expect(failedControls(parsed)).toEqual([]);
  });

  it("reports debits as such, never as payments to book", () => {
    const { parsed } = parse(
      [payments[0]!, { amountOre: 700, bookingDate: "2026-12-11", isDebit: true }],
      { version },
    );
    expect(parsed.entries.map((entry) => entry.isDebit)).toEqual([false, true]);
    expect(failedControls(parsed)).toEqual([]);
  });

  it("leaves entries the bank has not booked out, listing them and saying why", () => {
    const list: GeneratorPayment[] = [
      payments[0]!,
      { amountOre: 500, bookingDate: "2026-12-11", status: "PDNG", entryReference: "PENDING-1" },
      { amountOre: 600, bookingDate: "2026-12-11", status: "INFO" },
    ];
    const { parsed } = parse(list, { version });
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual(["BG-REF-1"]);
    expect(parsed.ignoredEntries).toEqual([
      {
        location: "Ntfctn[1]/Ntry[2]",
        reason: "status PDNG: not booked by the bank",
        amountOre: 500,
        isDebit: false,
        reference: "2",
      },
      {
        location: "Ntfctn[1]/Ntry[3]",
        reason: "status INFO: not booked by the bank",
        amountOre: 600,
        isDebit: false,
        reference: "3",
      },
    ]);
    expect(parsed.controls).toContainEqual(
      expect.objectContaining({
        name: "entries not booked",
        ok: true,
        level: "info",
        detail: expect.stringContaining("1 × status PDNG"),
      }),
    );
    // The summary describes every entry in the message, booked or not.
    expect(failedControls(parsed)).toEqual([]);
  });

  it("leaves reversals out: they undo a booking, nobody paid", () => {
    const xml = parse(payments, { version }).file.text.replace(
      "<CdtDbtInd>CRDT</CdtDbtInd><Sts>",
      "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts>",
    );
    const parsed = parseCamt054(xml);
    expect(parsed.entries.map((entry) => entry.entryReference)).toEqual(["BG-REF-2", "BG-REF-3"]);
    expect(parsed.ignoredEntries).toEqual([
      expect.objectContaining({
        location: "Ntfctn[1]/Ntry[1]",
        reason: "a reversal (RvslInd), not a payment",
      }),
    ]);
  });

  it("reads several notifications, each with its own controls", () => {
    const { parsed } = parse(payments, { version, entriesPerNotification: 2 });
    expect(parsed.entries.map((entry) => entry.location)).toEqual([
      "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]",
      "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]",
      "Ntfctn[2]/Ntry[1]/NtryDtls[1]/TxDtls[1]",
    ]);
    expect(parsed.controls.map((control) => control.name)).toContain(
      "Ntfctn[2]/TxsSummry/TtlNtries/NbOfNtries",
    );
    expect(parsed.accounts).toEqual([{ bankgiro: "9912346" }]);
  });

  it("reads an IBAN as the receiving account", () => {
    const { parsed } = parse(payments, { version, account: { iban: "SE3550000000054910000003" } });
    expect(parsed.accounts).toEqual([{ iban: "SE3550000000054910000003" }]);
    expect(parsed.entries[0]!.receivingAccount).toEqual({ iban: "SE3550000000054910000003" });
  });

  it("says so when a notification has no summary to check against", () => {
    const { parsed } = parse(payments, { version, summary: false });
    expect(parsed.controls).toContainEqual(
      expect.objectContaining({ name: "Ntfctn[1]/TxsSummry", ok: true, level: "info" }),
    );
    expect(failedControls(parsed)).toEqual([]);
  });

  it("accepts text as well as bytes", () => {
    const { file } = parse(payments, { version });
    expect(parseCamt054(file.text).entries).toHaveLength(3);
  });
});

describe("references in every position", () => {
  const structured = { kind: "structured", value: "4711000123" } as const;

  it.each(["02", "08"] as const)(
    "keeps further references beside the OCR (camt.054.001.%s)",
    (version) => {
      const list: GeneratorPayment[] = [
        {
          amountOre: 100,
          bookingDate: "2026-12-11",
          reference: structured,
          extraReferences: ["F-1001", "F-1002"],
        },
        {
          amountOre: 100,
          bookingDate: "2026-12-11",
          reference: { kind: "unstructured", value: "hej" },
          extraReferences: ["F-7"],
        },
        { amountOre: 100, bookingDate: "2026-12-11", extraReferences: ["F-8"] },
      ];
      const rfrd = parse(list, { version }).parsed.entries;
      expect(rfrd.map((entry) => [entry.reference, entry.extraReferences])).toEqual([
        [structured, ["F-1001", "F-1002"]],
        [{ kind: "unstructured", value: "hej" }, ["F-7"]],
        [{ kind: "none", value: null }, ["F-8"]],
      ]);
      const creditorRefs = parse([{ ...list[0]!, extraReferences: ["4711000131", "4711000149"] }], {
        version,
        extraReferencesAsCreditorReferences: true,
      }).parsed.entries;
      expect(creditorRefs[0]).toMatchObject({
        reference: structured,
        extraReferences: ["4711000131", "4711000149"],
      });
    },
  );

  it("keeps free text beside a structured reference, and joins Ustrd lines", () => {
    const xml = generateCamt054(
      [{ amountOre: 100, bookingDate: "2026-12-11", reference: structured }],
      {
        account: BANKGIRO,
      },
    ).text.replace("<RmtInf>", "<RmtInf><Ustrd>Avser faktura</Ustrd><Ustrd>1042</Ustrd>");
    expect(parseCamt054(xml).entries[0]).toMatchObject({
      reference: structured,
      extraReferences: ["Avser faktura 1042"],
    });
    const onlyText = xml.replace(/<Strd>.*<\/Strd>/, "");
    expect(parseCamt054(onlyText).entries[0]!.reference).toEqual({
      kind: "unstructured",
      value: "Avser faktura 1042",
    });
  });

  it("keeps the entry's and the transaction's additional information", () => {
    const xml = generateCamt054(
      [{ amountOre: 100, bookingDate: "2026-12-11", information: ["Inbetalning", "bankgiro"] }],
      { account: BANKGIRO },
    ).text.replace("</NtryDtls>", "</NtryDtls><AddtlNtryInf>BG 991-2346</AddtlNtryInf>");
    expect(parseCamt054(xml).entries[0]!.information).toEqual([
      "BG 991-2346",
      "Inbetalning bankgiro",
    ]);
  });

  it("marks a payment as Swish when the bank's own code or its additional information says so, never from the payer's text", () => {
    const ocr = { kind: "unstructured" as const, value: "4000000000031" };
    const xml = generateCamt054(
      [
        { amountOre: 100, bookingDate: "2026-12-11", reference: ocr, proprietaryCode: "SWISH" },
        {
          amountOre: 200,
          bookingDate: "2026-12-11",
          reference: ocr,
          information: ["Swish från 46701234567"],
        },
        {
          amountOre: 300,
          bookingDate: "2026-12-11",
          reference: ocr,
          proprietaryCode: "Swish Handel",
        },
        // The payer's own message may say anything; a code that only contains the letters is no signal.
        {
          amountOre: 400,
          bookingDate: "2026-12-11",
          reference: { kind: "unstructured", value: "swish" },
        },
        { amountOre: 500, bookingDate: "2026-12-11", reference: ocr, proprietaryCode: "SWISHX1" },
        { amountOre: 600, bookingDate: "2026-12-11", reference: ocr },
      ],
      { account: BANKGIRO },
    ).text;
    const entries = parseCamt054(xml).entries;
    expect(entries.map((entry) => entry.channel)).toEqual([
      "swish",
      "swish",
      "swish",
      null,
      null,
      null,
    ]);
    expect(entries[0]!.formatDetails.proprietaryTransactionCode).toBe("SWISH");
    // The entry's own code counts for every transaction in it.
    const onEntry = generateCamt054(
      [{ amountOre: 100, bookingDate: "2026-12-11", reference: ocr }],
      {
        account: BANKGIRO,
      },
    ).text.replace(
      "<SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn>",
      "<SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn><Prtry><Cd>SWISH-IN</Cd></Prtry>",
    );
    expect(parseCamt054(onEntry).entries[0]!.channel).toBe("swish");
  });

  it("decodes character references and CDATA in text", () => {
    const xml = generateCamt054([{ amountOre: 100, bookingDate: "2026-12-11", payerName: "x" }], {
      account: BANKGIRO,
    }).text.replace("<Nm>x</Nm>", "<Nm>J&#246;rgen<![CDATA[ & <Co>]]></Nm>");
    expect(parseCamt054(xml).entries[0]!.payerName).toBe("Jörgen & <Co>");
  });
});
