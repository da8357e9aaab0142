import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import { toWinAnsi } from "@/lib/invoice-page/invoice-pdf-layout";
import type { InvoicePageData, PageLine } from "@/lib/invoice-page/load-invoice-page";
import { computeInvoiceTotals, lineNetOre } from "@/lib/invoices/totals";
import { EMPTY_LEDGER } from "@/lib/ledger/invoice-status";
import { formatMoney, type Locale } from "@/lib/money/money";
import { generateOcr } from "@/lib/references/ocr";

const day = parseCalendarDate;

type LineInput = Pick<
  PageLine,
  "description" | "quantityMilli" | "unit" | "unitPriceCentiOre" | "vatRate"
> &
  Partial<Omit<PageLine, "vatExemptionReason">> & { vatExemptionReason?: string | null };

function line(position: number, input: LineInput): PageLine {
  const stored = {
    id: `line-${position}`,
    invoiceId: "inv-1",
    position,
    kind: "OTHER" as const,
    descriptionEn: null,
    vatExemptionReason: null,
    discountOre: 0,
    periodStart: day("2026-03-01"),
    periodEnd: day("2026-03-31"),
    ...input,
  };
  return { ...stored, netOre: lineNetOre(stored) };
}

const LINES: PageLine[] = [
  line(1, {
    kind: "SUBSCRIPTION",
    description: "Elnätsabonnemang, säkring 16 A",
    descriptionEn: "Grid subscription, 16 A fuse",
    quantityMilli: 1000,
    unit: "mån",
    unitPriceCentiOre: 3_120_000,
    vatRate: 25,
  }),
  line(2, {
    kind: "USAGE",
    description: "Elförbrukning mars",
    descriptionEn: "Electricity used in March",
    quantityMilli: 412_345,
    unit: "kWh",
    unitPriceCentiOre: 12_300,
    vatRate: 25,
  }),
  line(3, {
    description: "Fika vid installationsbesök",
    quantityMilli: 2000,
    unit: "st",
    unitPriceCentiOre: 455_000,
    vatRate: 12,
  }),
  line(4, {
    description: "Kundtidningen Ström, årsprenumeration",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: 890_000,
    vatRate: 6,
    periodStart: null,
    periodEnd: null,
  }),
  line(5, {
    kind: "DISCOUNT",
    description: "Välkomstrabatt −100 kr → första månaden 🎉",
    quantityMilli: 1000,
    unit: "st",
    unitPriceCentiOre: -1_000_000,
    vatRate: 25,
  }),
];

function invoiceData(overrides: Partial<InvoicePageData> = {}): InvoicePageData {
  const lines = overrides.lines ?? LINES;
  const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
  const creditedOre = 5_000;
  return {
    invoice: {
      id: "inv-1",
      kind: "INVOICE",
      number: 10_042,
      ocr: generateOcr(10_042),
      status: "OPEN",
      displayStatus: "open",
      issueDate: day("2026-04-02"),
      dueDate: day("2026-04-30"),
      periodStart: day("2026-03-01"),
      periodEnd: day("2026-03-31"),
      currency: "SEK",
      version: 3,
      totalOre: totals.totalOre,
    },
    ledger: { ...EMPTY_LEDGER, issuedOre: totals.totalOre, creditedOre },
    amountDueOre: totals.totalOre - creditedOre,
    customerCreditOre: 0,
    lines,
    totals,
    creditNotes: [
      {
        id: "cn-1",
        number: 10_051,
        issueDate: day("2026-04-10"),
        totalOre: -creditedOre,
        vatOre: 0,
      },
    ],
    customer: {
      id: "cust-1",
      customerNumber: "K-2087",
      name: "Åsa Öberg",
      addressLine1: "Storgatan 12",
      addressLine2: "Lgh 1102",
      postalCode: "114 55",
      city: "Stockholm",
      locale: "sv",
      isBusiness: false,
      vatNumber: null,
    },
    organization: {
      id: "org-1",
      name: "Norrsken Energi AB",
      orgNumber: "5566143276",
      vatNumber: "SE556614327601",
      hasFSkatt: true,
      supportResponseHours: 24,
      addressLine1: "Kungsgatan 5",
      addressLine2: null,
      postalCode: "411 19",
      city: "Göteborg",
      bankgiro: "50501055",
      plusgiro: "47118",
      swishNumber: "1231181189",
      supportEmail: "kundtjanst@norrsken.example",
      supportPhone: "031-123 45 67",
      logoPath: null,
      brandColor: "#1d4ed8",
      brandAccentColor: "#0f172a",
      reminderAfterDays: 10,
      reminderFeeOre: 6_000,
      allowPartialPayment: true,
      minimumPartialPaymentOre: 10_000,
    },
    valueFacts: [],
    usage: null,
    events: [],
    otherInvoices: [],
    ...overrides,
  };
}

/** Extracted text with runs of whitespace collapsed, as the PDF draws NBSP as a plain space. */
function plain(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, " ").replace(/\u2212/g, "-");
}

async function render(data: InvoicePageData, locale: Locale) {
  const bytes = await renderInvoicePdf(data, locale);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return { bytes, pdf, text: plain(text) };
}

describe("renderInvoicePdf", () => {
  it("has rounding, a negative line and three VAT rates in the sample", () => {
    const { totals } = invoiceData();
    expect(totals.vatGroups.map((group) => group.vatRate)).toEqual([25, 12, 6]);
    expect(totals.roundingOre).not.toBe(0);
    expect(LINES.some((item) => item.netOre < 0)).toBe(true);
  });

  it.each(["sv", "en"] as const)("renders the legally required content (%s)", async (locale) => {
    const data = invoiceData();
    const { bytes, text } = await render(data, locale);
    const money = (ore: number) => plain(formatMoney(ore, { locale }));

    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(text).toContain(locale === "sv" ? "Faktura 10042" : "Invoice 10042");
    expect(text).toContain(data.invoice.ocr);
    expect(text).toContain("5050-1055");
    expect(text).toContain("47 11-8");
    expect(text).toContain("123 118 11 89");
    expect(text).toContain("556614-3276");
    expect(text).toContain("SE556614327601");
    expect(text).toContain("Godkänd för F-skatt");
    expect(text).toContain("Norrsken Energi AB");
    expect(text).toContain("Åsa Öberg");
    expect(text).toContain("Göteborg");
    expect(text).toContain("2026-04-02");
    expect(text).toContain("2026-04-30");
    for (const group of data.totals.vatGroups) {
      expect(text).toContain(money(group.netOre));
      expect(text).toContain(money(group.vatOre));
    }
    expect(text).toContain(locale === "sv" ? "Öresutjämning" : "Rounding");
    expect(text).toContain(money(data.totals.roundingOre));
    expect(text).toContain(money(data.totals.totalOre));
    expect(text).toContain(money(data.amountDueOre));
    expect(text).toContain("10051");
    expect(text).toContain(money(-5_000));
  });

  it("uses the English description when there is one, and Swedish otherwise", async () => {
    const { text } = await render(invoiceData(), "en");
    expect(text).toContain("Grid subscription, 16 A fuse");
    expect(text).not.toContain("Elnätsabonnemang");
    expect(text).toContain("Fika vid installationsbesök");
  });

  it("shows a business buyer's VAT number", async () => {
    const base = invoiceData();
    const customer = {
      ...base.customer,
      name: "Ängsbackens Café AB",
      isBusiness: true,
      vatNumber: "SE556123453001",
    };
    const { text } = await render({ ...base, customer }, "sv");
    expect(text).toContain("Ängsbackens Café AB");
    expect(text).toContain("SE556123453001");
  });

  it("leaves out F-skatt when the seller does not hold it", async () => {
    const base = invoiceData();
    const organization = { ...base.organization, hasFSkatt: false };
    const { text } = await render({ ...base, organization }, "sv");
    expect(text).not.toContain("F-skatt");
    expect(text).toContain("SE556614327601");
  });

  it("breaks a long invoice over several pages and still ends with the total", async () => {
    const lines = Array.from({ length: 120 }, (_, index) =>
      line(index + 1, {
        description: `Timdebitering dag ${index + 1}, support och drift`,
        quantityMilli: 1500,
        unit: "h",
        unitPriceCentiOre: 8_500_000 + index,
        vatRate: 25,
      }),
    );
    const data = invoiceData({ lines });
    const { pdf, text } = await render(data, "sv");
    expect(pdf.numPages).toBeGreaterThan(1);
    expect(text).toContain(`Sida ${pdf.numPages} av ${pdf.numPages}`);
    expect(text).toContain("dag 120,");
    expect(text).toContain(plain(formatMoney(data.totals.totalOre, { locale: "sv" })));
    // The table continues on page 2 under a repeated header row.
    const secondPage = await (await pdf.getPage(2)).getTextContent();
    const items = secondPage.items.map((item) => ("str" in item ? item.str : ""));
    expect(items).toContain("Faktura 10042");
    expect(items).toContain("Beskrivning");
  });

  it("titles a credit note as one", async () => {
    const base = invoiceData();
    const lines = LINES.map((item) =>
      line(item.position, { ...item, quantityMilli: -item.quantityMilli }),
    );
    const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const data: InvoicePageData = {
      ...base,
      invoice: { ...base.invoice, kind: "CREDIT_NOTE", number: 10_051, dueDate: null },
      lines,
      totals,
      creditNotes: [],
      amountDueOre: 0,
    };
    const sv = await render(data, "sv");
    expect(sv.text).toContain("Kreditfaktura 10051");
    expect(sv.text).toContain(plain(formatMoney(totals.totalOre, { locale: "sv" })));
    expect((await render(data, "en")).text).toContain("Credit note 10051");
  });

  it("sets the document metadata", async () => {
    const { pdf } = await render(invoiceData(), "sv");
    const info: Record<string, unknown> = { ...(await pdf.getMetadata()).info };
    expect(info.Title).toBe("Faktura 10042");
    expect(info.Author).toBe("Norrsken Energi AB");
    expect(info.Creator).toBe("Nota");
    expect(info.Subject).toBe("Faktura 10042 till Åsa Öberg");
    expect(info.Language).toBe("sv-SE");
  });

  it("draws text WinAnsi cannot encode as something that does not throw", async () => {
    const base = invoiceData();
    const customer = { ...base.customer, name: "Zoë “Ω” 李 Öberg\u00A0→ 😀" };
    const { text } = await render({ ...base, customer }, "en");
    expect(text).toContain("Zoë “?” ? Öberg ? ?");
    expect(text).toContain("Välkomstrabatt -100 kr ? första månaden ?");
  });
});

describe("toWinAnsi", () => {
  const latin1 = (codePoint: number) => codePoint < 0x100;

  it("maps minus and narrow spaces, keeps Swedish letters and composes decomposed ones", () => {
    expect(toWinAnsi("\u22121\u202F234,50\u00A0kr", latin1)).toBe("-1 234,50 kr");
    expect(toWinAnsi("A\u030Asa O\u0308berg", latin1)).toBe("Åsa Öberg");
  });

  it("replaces a character outside the set, an emoji included, with one question mark", () => {
    expect(toWinAnsi("a→b😀c", latin1)).toBe("a?b?c");
  });
});
