import { describe, expect, it } from "vitest";
import { parseCamt054 } from "@/lib/bank-files/formats/camt054";
import { AppError } from "@/lib/errors/app-error";
import { type GeneratorPayment, generateCamt054 } from "@/tests/helpers/bank-file-generator";

/**
 * A camt.054 file that cannot be trusted is refused whole, with a message that says what is wrong
 * and where. Each case starts from a good generated file and breaks one thing.
 */

const payments: GeneratorPayment[] = [
  {
    amountOre: 10_000,
    bookingDate: "2026-12-11",
    reference: { kind: "structured", value: "4711000123" },
    payerName: "Anna",
  },
  {
    amountOre: 2_550,
    bookingDate: "2026-12-11",
    reference: { kind: "unstructured", value: "faktura 7" },
  },
];

const good02 = generateCamt054(payments, { account: { bankgiro: "9912346" }, version: "02" }).text;
const good08 = generateCamt054(payments, { account: { bankgiro: "9912346" }, version: "08" }).text;

function refusal(xml: string | Uint8Array): AppError {
  try {
    parseCamt054(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_INPUT");
    expect((error as AppError).details).toMatchObject({ format: "CAMT054" });
    return error as AppError;
  }
  throw new Error("the file was read, but it should have been refused");
}

describe("XML that is not well-formed", () => {
  it.each([
    [
      "a mismatched closing tag",
      good02.replace("</NtryRef>", "</NtryReff>"),
      /malformed: Expected closing tag 'NtryRef'/,
    ],
    ["an unclosed root", good02.replace("</Document>", ""), /malformed/],
    ["a bare ampersand", good02.replace("<Nm>Anna</Nm>", "<Nm>Anna & Bo</Nm>"), /malformed/],
    ["a less-than sign in text", good02.replace("<Nm>Anna</Nm>", "<Nm>a < b</Nm>"), /malformed/],
    ["an unquoted attribute", good02.replace('Ccy="SEK"', "Ccy=SEK"), /malformed/],
    [
      "a repeated attribute",
      good02.replace('Ccy="SEK"', 'Ccy="SEK" Ccy="EUR"'),
      /malformed: Attribute 'Ccy' is repeated/,
    ],
    ["text after the root", `${good02}trailing`, /malformed|content after the root element/],
    ["a second root", `${good02}<Document/>`, /malformed|content after the root element/],
    ["nothing at all", "", /empty/],
    ["not XML", "01BGMAX               01", /does not start with an XML element/],
  ])("refuses %s", (_case, xml, message) => {
    expect(refusal(xml).message).toMatch(message);
  });

  it("names the line and column of a syntax error", () => {
    const error = refusal(good02.replace("</NtryRef>", "</NtryReff>"));
    expect(error.message).toMatch(/\(line \d+, column \d+\)/);
    expect(error.details).toMatchObject({
      location: expect.stringMatching(/^line \d+, column \d+$/),
    });
  });
});

describe("entities and DTDs (XXE, billion laughs)", () => {
  const withDoctype = (doctype: string, use: string) =>
    good02
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<?xml version="1.0" encoding="UTF-8"?>${doctype}`,
      )
      .replace("<Nm>Anna</Nm>", `<Nm>${use}</Nm>`);

  it("refuses an external entity (XXE) before anything is parsed", () => {
    const xml = withDoctype(
      '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      "&xxe;",
    );
    expect(refusal(xml).message).toMatch(/DOCTYPE declaration/);
  });

  it("refuses entity expansion (billion laughs)", () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level += 1) {
      lol.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? "" : level - 1};`.repeat(10)}">`);
    }
    const xml = withDoctype(`<!DOCTYPE Document [${lol.join("")}]>`, "&lol9;");
    expect(refusal(xml).message).toMatch(/DOCTYPE declaration/);
  });

  it("refuses any DOCTYPE, even a harmless one", () => {
    expect(refusal(withDoctype("<!DOCTYPE Document>", "Anna")).message).toMatch(/DOCTYPE/);
  });

  it("refuses an entity the file never declared", () => {
    expect(refusal(good02.replace("<Nm>Anna</Nm>", "<Nm>&nbsp;Anna</Nm>")).message).toMatch(
      /entity &nbsp; is not defined/,
    );
  });
});

describe("the wrong document", () => {
  it.each([
    ["camt.053 (a statement)", "camt.053.001.02", /not camt\.054/],
    ["another camt.054 version", "camt.054.001.04", /camt\.054 version we do not read/],
    ["pain.001", "pain.001.001.03", /not camt\.054/],
  ])("refuses %s", (_case, id, message) => {
    const xml = good02.replace("camt.054.001.02", id);
    const error = refusal(xml);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`urn:iso:std:iso:20022:tech:xsd:${id}`);
    expect(error.message).toContain(
      "camt.054.001.02 or urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
    );
  });

  it("refuses a Document without a namespace", () => {
    expect(refusal(good02.replace(/ xmlns="[^"]*"/, "")).message).toMatch(/declares no namespace/);
  });

  it("refuses a namespace on another prefix than the root's", () => {
    const xml = good02.replace('<Document xmlns="', '<Document xmlns:x="');
    expect(refusal(xml).message).toMatch(/declares no namespace/);
  });

  it("refuses the wrong root element", () => {
    const xml = good02.replace("<Document ", "<Dokument ").replace("</Document>", "</Dokument>");
    expect(refusal(xml).message).toMatch(
      /root element is Dokument; a camt\.054 file's is Document/,
    );
  });

  it("refuses another message inside the right Document", () => {
    const xml = good02.replaceAll("BkToCstmrDbtCdtNtfctn>", "BkToCstmrStmt>");
    expect(refusal(xml).message).toMatch(
      /Document must hold BkToCstmrDbtCdtNtfctn .* it holds BkToCstmrStmt/,
    );
  });

  it("refuses a message without notifications or without a header", () => {
    expect(refusal(good02.replace(/<Ntfctn>[\s\S]*<\/Ntfctn>/, "")).message).toMatch(
      /holds no Ntfctn/,
    );
    expect(refusal(good02.replace(/<GrpHdr>.*<\/GrpHdr>/, "")).message).toMatch(
      /GrpHdr is missing/,
    );
  });

  it("refuses UTF-16 and a declared encoding other than UTF-8", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good02, "utf16le")]);
    expect(refusal(utf16).message).toMatch(/UTF-16/);
    const latin = Buffer.from(
      good02.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      "latin1",
    );
    expect(refusal(latin).message).toMatch(/only UTF-8/);
  });
});

describe("entries that cannot be read", () => {
  it.each([
    [
      "more than two decimals",
      (xml: string) => xml.replace(">100.00</Amt>", ">100.001</Amt>"),
      /Amt: the amount "100\.001" has more than two decimals/,
    ],
    [
      "a negative amount",
      (xml: string) => xml.replace(">100.00</Amt>", ">-100.00</Amt>"),
      /is negative/,
    ],
    [
      "an empty amount",
      (xml: string) => xml.replace(/<Amt Ccy="SEK">100\.00<\/Amt>/, '<Amt Ccy="SEK"></Amt>'),
      /Amt is missing|the amount is empty/,
    ],
    [
      "an amount with a comma",
      (xml: string) => xml.replace(">100.00</Amt>", ">100,00</Amt>"),
      /"100,00" is not an amount/,
    ],
    [
      "an amount without currency",
      (xml: string) => xml.replace('<Amt Ccy="SEK">100.00</Amt>', "<Amt>100.00</Amt>"),
      /has no Ccy attribute/,
    ],
    [
      "a currency that is not a code",
      (xml: string) => xml.replace('Ccy="SEK">100.00', 'Ccy="kr">100.00'),
      /"kr", not an ISO 4217 code/,
    ],
    [
      "an unknown direction",
      (xml: string) => xml.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>CR</CdtDbtInd>"),
      /"CR"; it must be CRDT or DBIT/,
    ],
    [
      "an entry without amount",
      (xml: string) => xml.replace(/<Amt Ccy="SEK">100\.00<\/Amt><CdtDbtInd>/, "<CdtDbtInd>"),
      /Ntry\[1\]\/Amt is missing/,
    ],
    [
      "an impossible booking date",
      (xml: string) => xml.replace("<Dt>2026-12-11</Dt>", "<Dt>2026-02-30</Dt>"),
      /BookgDt\/Dt "2026-02-30" is not a date/,
    ],
    [
      "an amount given twice",
      (xml: string) =>
        xml.replace(
          '<Amt Ccy="SEK">100.00</Amt>',
          '<Amt Ccy="SEK">100.00</Amt><Amt Ccy="SEK">1.00</Amt>',
        ),
      /Amt appears 2 times; it may appear once/,
    ],
    [
      "a creation time that is no time",
      (xml: string) =>
        xml.replace(/<CreDtTm>[^<]*<\/CreDtTm><\/GrpHdr>/, "<CreDtTm>yesterday</CreDtTm></GrpHdr>"),
      /CreDtTm "yesterday" is not a date and time/,
    ],
  ])("refuses %s (camt.054.001.02)", (_case, mutate, message) => {
    expect(refusal(mutate(good02)).message).toMatch(message);
  });

  it("refuses a payment without any reference of the bank's", () => {
    const xml = good02
      .replace(/<AcctSvcrRef>[^<]*<\/AcctSvcrRef>/g, "")
      .replace(/<NtryRef>[^<]*<\/NtryRef>/g, "");
    expect(refusal(xml).message).toMatch(/has no AcctSvcrRef \(nor does its Ntry, nor a NtryRef\)/);
  });

  it("refuses several transactions of which one has no amount", () => {
    const multi = generateCamt054(payments, {
      account: { bankgiro: "9912346" },
      transactionsPerEntry: 2,
    }).text;
    const xml = multi.replace(/<AmtDtls>.*?<\/AmtDtls>/, "");
    expect(refusal(xml).message).toMatch(
      /TxDtls\[1\] has no amount, and its Ntry holds 2 transactions/,
    );
  });

  it("takes a lone transaction's amount from its entry", () => {
    const xml = good02.replace(/<AmtDtls>.*?<\/AmtDtls>/, "");
    expect(parseCamt054(xml).entries[0]!.amountOre).toBe(10_000);
  });

  it("refuses a status written the other version's way", () => {
    expect(refusal(good02.replace("<Sts>BOOK</Sts>", "<Sts><Cd>BOOK</Cd></Sts>")).message).toMatch(
      /Sts must be a status code/,
    );
    expect(refusal(good08.replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts>BOOK</Sts>")).message).toMatch(
      /Sts has text where elements are expected/,
    );
    expect(refusal(good08.replace("<Sts><Cd>BOOK</Cd></Sts>", "")).message).toMatch(
      /Sts is missing/,
    );
  });

  it("refuses text where an element with children belongs", () => {
    expect(
      refusal(good02.replace(/<RltdPties>.*?<\/RltdPties>/, "<RltdPties>Anna</RltdPties>")).message,
    ).toMatch(/RltdPties has text where elements are expected/);
  });

  it("refuses element names that would pollute prototypes", () => {
    expect(refusal(good02.replace("<Nm>Anna</Nm>", "<__proto__>x</__proto__>")).message).toMatch(
      /cannot be read|malformed/,
    );
  });
});
