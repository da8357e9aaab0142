import { describe, expect, it } from "vitest";
import { type InvoiceMessages, invoiceMessages } from "@/lib/i18n/invoice-messages";
import { PDF_LABELS_FROM_PAGE, type PdfTexts, pdfMessages } from "@/lib/i18n/pdf-messages";

/** Every label the PDF shares with the page, and where on the page it lives. */
const FROM_PAGE: Array<[keyof PdfTexts, (page: InvoiceMessages) => unknown]> = [
  ["invoice", (page) => page.invoice],
  ["creditNote", (page) => page.creditNote],
  ["invoiceNumber", (page) => page.invoiceNumber],
  ["issueDate", (page) => page.issueDate],
  ["creditNoteNumber", (page) => page.creditNoteNumber],
  ["creditNoteDate", (page) => page.creditNoteDate],
  ["dueDate", (page) => page.dueDate],
  ["period", (page) => page.period],
  ["customerNumber", (page) => page.customerNumber],
  ["buyer", (page) => page.legal.buyer],
  ["fSkatt", (page) => page.legal.fSkatt],
  ["toPay", (page) => page.toPay],
  ["ocr", (page) => page.ocr],
  ["bankgiro", (page) => page.bankgiro],
  ["plusgiro", (page) => page.plusgiro],
  ["swish", (page) => page.swish],
  ["description", (page) => page.lines.description],
  ["quantity", (page) => page.lines.quantity],
  ["unitPrice", (page) => page.lines.unitPrice],
  ["vatColumn", (page) => page.lines.vatRate],
  ["amount", (page) => page.lines.amount],
  ["discount", (page) => page.lines.discount],
  ["noVat", (page) => page.lines.noVat],
  ["vatRate", (page) => page.vat.rate],
  ["taxable", (page) => page.vat.taxable],
  ["vat", (page) => page.vat.vat],
  ["net", (page) => page.vat.net],
  ["rounding", (page) => page.vat.rounding],
  ["totalCredited", (page) => page.vat.totalCredited],
  ["leftToPay", (page) => page.vat.left],
  ["date", (page) => page.creditNoteDate],
  ["paid", (page) => page.status.paid],
];

/** Every text of the page's dictionary (the leaves that are strings). */
function pageStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(pageStrings);
  return [];
}

describe.each(["sv", "en"] as const)("the PDF's texts (%s)", (locale) => {
  const pdf = pdfMessages[locale];
  const page = invoiceMessages[locale];

  it("prints the page's own due-date label, not a copy of it", () => {
    expect(pdf.dueDate).toBe(page.dueDate);
    expect(pdf.dueDate).toBe(locale === "sv" ? "Förfallodag" : "Due date");
  });

  it("takes every label it shares with the page from the page's dictionary", () => {
    for (const [key, fromPage] of FROM_PAGE) {
      // The same string, and for the texts that take a value the very same function.
      expect(pdf[key], key).toBe(fromPage(page));
    }
    expect([...PDF_LABELS_FROM_PAGE].sort()).toEqual(FROM_PAGE.map(([key]) => key).sort());
  });

  it("writes none of the page's wordings again in its own texts", () => {
    const onPage = new Set(pageStrings(page));
    const own = (Object.keys(pdf) as Array<keyof PdfTexts>).filter(
      (key) => !PDF_LABELS_FROM_PAGE.includes(key as (typeof PDF_LABELS_FROM_PAGE)[number]),
    );
    expect(own.length).toBeGreaterThan(0);
    const copies = own.filter((key) => {
      const value = pdf[key];
      return typeof value === "string" && onPage.has(value);
    });
    expect(copies).toEqual([]);
  });

  it("has every key in both languages", () => {
    expect(Object.keys(pdf).sort()).toEqual(Object.keys(pdfMessages.sv).sort());
  });
});
