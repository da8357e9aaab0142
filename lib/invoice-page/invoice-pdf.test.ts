import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFStream } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import { toDrawable } from "@/lib/invoice-page/invoice-pdf-layout";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { formatMoney, type Locale } from "@/lib/money/money";
import { invoiceData, LINES, line } from "@/tests/helpers/invoice-page-fixture";

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
    expect(totals.vatGroups.map((group) => group.vatRate)).toEqual([25, 12, 6, 0]);
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
    // The credit note with its VAT per rate.
    expect(text).toContain(`${locale === "sv" ? "25 %" : "25%"}: ${money(-1_000)}`);
    // Prices below an öre as energy invoices print them; the discount and the 0 % reason.
    expect(text).toContain(locale === "sv" ? "109,37 öre/kWh" : "SEK 1.0937/kWh");
    expect(text).toContain(locale === "sv" ? "36,00 öre/kWh" : "SEK 0.36/kWh");
    expect(text).toContain(locale === "sv" ? "312,00 kr/mån" : "SEK 312.00/mo");
    expect(text).toContain(`${locale === "sv" ? "Rabatt" : "Discount"} ${money(-5_000)}`);
    expect(text).toContain("Gåva, utanför mervärdesskattens tillämpningsområde");
    expect(text).toContain(locale === "sv" ? "1 mån" : "1 mo");
    if (locale === "en") expect(text).not.toContain("1 mån");
  });

  it("prints each unit price whole on one line of its cell", async () => {
    const lines = [
      ...LINES,
      line(10, {
        description: "Licens",
        quantityMilli: 1000,
        unit: "mån",
        unitPriceCentiOre: 109_371_234,
        vatRate: 25,
      }),
    ];
    const { pdf } = await render(invoiceData({ lines }), "sv");
    const items = (await (await pdf.getPage(1)).getTextContent()).items.map((item) =>
      plain("str" in item ? item.str : ""),
    );
    for (const price of [
      "109,37 öre/kWh",
      "36,00 öre/kWh",
      "312,00 kr/mån",
      "-100,00 kr/st",
      "10 937,1234 kr/mån",
    ]) {
      expect(items).toContain(price);
    }
    // The narrow VAT column keeps its header and rates whole too.
    expect(items).toContain("Moms");
    expect(items).toContain("25 %");
  });

  it("links each credit note on the original invoice to the credit note's own page", async () => {
    const base = "https://faktura.example.se/i/tok_Ab-9";
    const { pdf } = await render({ ...invoiceData(), documentLinkBase: base }, "sv");
    const page = await pdf.getPage(pdf.numPages);
    const links = (await page.getAnnotations()).filter((a) => a.subtype === "Link");
    expect(links.map((a) => a.url)).toEqual([`${base}/n/10051`]);
    // The link covers the credit note's row: its number is drawn inside the link's rectangle.
    const [x1, y1, x2, y2] = links[0]!.rect as number[];
    const number = (await page.getTextContent()).items.find(
      (item) => "str" in item && item.str === "10051",
    ) as { transform: number[] } | undefined;
    expect(number).toBeDefined();
    const [, , , , x, y] = number!.transform;
    expect(x! > x1! && x! < x2! && y! > y1! && y! < y2!).toBe(true);
  });

  it("has no links when read without the customer's link (staff)", async () => {
    const { pdf } = await render(invoiceData(), "sv");
    for (let index = 1; index <= pdf.numPages; index++) {
      expect(await (await pdf.getPage(index)).getAnnotations()).toEqual([]);
    }
  });

  it("says a known 0 % reason in English on an English PDF", async () => {
    const lines = [
      ...LINES,
      line(9, {
        description: "Konsulttimmar",
        quantityMilli: 1000,
        unit: "tim",
        unitPriceCentiOre: 100_000,
        vatRate: 0,
        vatExemptionReason: "Omvänd betalningsskyldighet",
      }),
    ];
    const en = await render(invoiceData({ lines }), "en");
    expect(en.text).toContain("No VAT: Reverse charge");
    expect(en.text).not.toContain("Omvänd");
    // Free text the code does not know stays as written.
    expect(en.text).toContain("No VAT: Gåva, utanför mervärdesskattens tillämpningsområde");
    const sv = await render(invoiceData({ lines }), "sv");
    expect(sv.text).toContain("Ingen moms: Omvänd betalningsskyldighet");
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

  it("makes a credit note a document of its own: title, the invoice it changes, VAT per rate, the money", async () => {
    const base = invoiceData();
    const lines = LINES.map((item) =>
      line(item.position, {
        ...item,
        quantityMilli: -item.quantityMilli,
        discountOre: -item.discountOre,
      }),
    );
    const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const data: InvoicePageData = {
      ...base,
      invoice: { ...base.invoice, kind: "CREDIT_NOTE", number: 10_051, dueDate: null, ocr: null },
      lines,
      totals,
      creditNotes: [],
      creditNote: {
        creditedInvoice: { number: 10_042, issueDate: "2026-04-02" },
        customerText: "Mätaren visade fel; vi krediterar hela fakturan.",
        settlement: {
          toPayBeforeOre: totals.totalOre,
          toPayAfterOre: 0,
          moneyBackOre: 0,
          moneyBack: null,
        },
        goodwill: false,
      },
      amountDueOre: 0,
    };
    const sv = await render(data, "sv");
    const money = (ore: number) => plain(formatMoney(ore, { locale: "sv" }));
    expect(sv.text).toContain("Kreditfaktura 10051");
    expect(sv.text).toContain("Avser faktura 10042, daterad 2026-04-02");
    expect(sv.text).toContain("Mätaren visade fel; vi krediterar hela fakturan.");
    expect(sv.text).toContain("Du har inget kvar att betala på faktura 10042.");
    expect(sv.text).toContain("Totalt krediterat");
    expect(sv.text).toContain(money(totals.totalOre));
    for (const group of totals.vatGroups) {
      expect(group.vatOre).toBeLessThanOrEqual(0);
      expect(sv.text).toContain(money(group.vatOre));
    }
    expect(sv.text).not.toContain("Att betala");
    const en = await render(data, "en");
    expect(en.text).toContain("Credit note 10051");
    expect(en.text).toContain("Refers to invoice 10042, dated 2026-04-02");
  });

  it("never breaks a value of the header across lines", async () => {
    const base = invoiceData();
    const organization = { ...base.organization, supportPhone: "040-987 65 00" };
    const { pdf } = await render({ ...base, organization }, "sv");
    const first = await (await pdf.getPage(1)).getTextContent();
    const items = first.items.map((item) => plain("str" in item ? item.str : ""));
    expect(items.some((item) => item.includes("040-987 65 00"))).toBe(true);
    expect(items.some((item) => item.trim() === "00")).toBe(false);
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

  it("prints any name as written, with fonts embedded: Polish, Sámi, and a stand-in only for what no font has", async () => {
    const base = invoiceData();
    const customer = {
      ...base.customer,
      name: "Łukasz Wiśniewski",
      addressLine1: "Śląska gatan 3",
      addressLine2: "c/o Máret Ŋuolja-Čeavčča, Đuššegeahči",
    };
    const { text } = await render({ ...base, customer }, "sv");
    expect(text).toContain("Łukasz Wiśniewski");
    expect(text).toContain("Śląska gatan 3");
    expect(text).toContain("c/o Máret Ŋuolja-Čeavčča, Đuššegeahči");
    // DejaVu Sans has arrows but no emoji: the emoji alone becomes "?".
    expect(text).toContain("Välkomstrabatt -100 kr → första månaden ?");
  });

  it("is an archive document: every font embedded, XMP claiming PDF/A-2b, an sRGB output intent, an id", async () => {
    const { bytes } = await render(invoiceData(), "sv");
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("Font"),
      );
    const baseFonts = fonts.map((font) => String(font.get(PDFName.of("BaseFont"))));
    expect(new Set(baseFonts)).toEqual(new Set(["/NOTAAA+DejaVuSans", "/NOTAAB+DejaVuSans-Bold"]));
    const descriptors = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict &&
          object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"),
      );
    expect(descriptors).toHaveLength(2);
    for (const descriptor of descriptors) {
      expect(descriptor.get(PDFName.of("FontFile2"))).toBeDefined();
    }

    const metadata = doc.catalog.lookup(PDFName.of("Metadata"));
    expect(metadata).toBeInstanceOf(PDFRawStream);
    const xmp = new TextDecoder().decode((metadata as PDFRawStream).getContents());
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Faktura 10042</rdf:li>');
    expect(xmp).toContain("<xmp:CreateDate>2026-04-02T00:00:00Z</xmp:CreateDate>");
    expect(xmp).toContain("<rdf:li>sv-SE</rdf:li>");

    const intents = doc.catalog.lookup(PDFName.of("OutputIntents"));
    const intent = doc.context.lookup(
      (intents as unknown as { get(i: number): unknown }).get(0) as never,
    ) as PDFDict;
    expect(String(intent.get(PDFName.of("S")))).toBe("/GTS_PDFA1");
    const profile = doc.context.lookup(intent.get(PDFName.of("DestOutputProfile"))) as PDFStream;
    expect(String(profile.dict.get(PDFName.of("N")))).toBe("3");
    expect(doc.context.trailerInfo.ID).toBeDefined();
  });

  it("gives the same bytes for the same document, whenever it is made", async () => {
    const data = invoiceData();
    const first = await renderInvoicePdf(data, "sv");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderInvoicePdf(data, "sv");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const english = await renderInvoicePdf(data, "en");
    expect(Buffer.from(english).equals(Buffer.from(first))).toBe(false);
  });

  it.each(["sv", "en"] as const)("prints the page's own labels (%s)", async (locale) => {
    // Taken from the page's dictionary: a wording changed there changes the PDF too.
    const page = invoiceMessages[locale];
    const { text } = await render(invoiceData(), locale);
    for (const label of [
      page.invoiceNumber,
      page.dueDate,
      page.toPay,
      page.ocr,
      page.lines.unitPrice,
      page.vat.taxable,
      page.vat.rounding,
      page.vat.left,
    ]) {
      expect(text).toContain(plain(label));
    }
  });
});

describe("toDrawable", () => {
  const latin1 = (codePoint: number) => codePoint < 0x100;

  it("keeps what the font draws, composes decomposed letters, and stands in for the rest", () => {
    expect(toDrawable("\u22121\u202F234,50\u00A0kr", latin1)).toBe("-1 234,50\u00A0kr");
    expect(toDrawable("A\u030Asa O\u0308berg", latin1)).toBe("Åsa Öberg");
    expect(toDrawable("a→b😀c\td", latin1)).toBe("a?b?c d");
    expect(toDrawable("Łukasz", () => true)).toBe("Łukasz");
  });
});
