import { type InvoiceMessages, invoiceMessages } from "@/lib/i18n/invoice-messages";
import type { Locale } from "@/lib/money/money";

/**
 * The texts of the invoice PDF. Every label the PDF shares with the customer's page is taken from
 * the page's dictionary (invoice-messages.ts), so a wording is changed in one place and page and
 * PDF never drift apart; only what the PDF alone says is written here: its shorter header labels
 * (a column is narrower than the page), its totals wording, its footer and its metadata.
 */
function sharedWithPage(page: InvoiceMessages) {
  return {
    invoice: page.invoice,
    creditNote: page.creditNote,
    invoiceNumber: page.invoiceNumber,
    issueDate: page.issueDate,
    creditNoteNumber: page.creditNoteNumber,
    creditNoteDate: page.creditNoteDate,
    dueDate: page.dueDate,
    period: page.period,
    customerNumber: page.customerNumber,
    buyer: page.legal.buyer,
    // Peppol SE-R-005 requires exactly the Swedish text (see invoice-messages.ts).
    fSkatt: page.legal.fSkatt,
    toPay: page.toPay,
    ocr: page.ocr,
    bankgiro: page.bankgiro,
    plusgiro: page.plusgiro,
    swish: page.swish,
    description: page.lines.description,
    quantity: page.lines.quantity,
    unitPrice: page.lines.unitPrice,
    /** The line table's VAT column ("Moms"). */
    vatColumn: page.lines.vatRate,
    amount: page.lines.amount,
    discount: page.lines.discount,
    noVat: page.lines.noVat,
    /** The VAT table's rate column ("Momssats"). */
    vatRate: page.vat.rate,
    taxable: page.vat.taxable,
    vat: page.vat.vat,
    net: page.vat.net,
    rounding: page.vat.rounding,
    totalCredited: page.vat.totalCredited,
    leftToPay: page.vat.left,
    /** The date column of the credit notes that changed the invoice. */
    date: page.creditNoteDate,
    /** What a settled invoice's status is called ("Betald"). */
    paid: page.status.paid,
  };
}

/** What only the PDF says, Swedish first; the type makes English carry every key Swedish has. */
const svOwn = {
  /** The document's language in its metadata. */
  language: "sv-SE",
  orgNumber: "Org.nr",
  vatNumber: "Momsreg.nr",
  contact: "Kundtjänst",
  total: "Totalt att betala",
  creditToCustomer: "Att få tillbaka",
  creditNotes: "Kreditfakturor som ändrat fakturan",
  vatPerRate: "Moms per sats",
  amountInclVat: "Belopp inkl. moms",
  statusLabel: "Fakturans status",
  payments: "Betalningar",
  page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  subject: (title: string, buyer: string) => `${title} till ${buyer}`,
};

const enOwn = {
  language: "en-GB",
  orgNumber: "Org. no.",
  vatNumber: "VAT no.",
  contact: "Customer service",
  total: "Total to pay",
  creditToCustomer: "Owed to you",
  creditNotes: "Credit notes that changed this invoice",
  vatPerRate: "VAT per rate",
  amountInclVat: "Amount incl. VAT",
  statusLabel: "Invoice status",
  payments: "Payments",
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  subject: (title: string, buyer: string) => `${title} to ${buyer}`,
} satisfies typeof svOwn;

/** Which labels come from the page (for tests: they must be the page's very values). */
export const PDF_LABELS_FROM_PAGE = Object.keys(sharedWithPage(invoiceMessages.sv)) as Array<
  keyof ReturnType<typeof sharedWithPage>
>;

export type PdfTexts = ReturnType<typeof sharedWithPage> & typeof svOwn;

export const pdfMessages: Record<Locale, PdfTexts> = {
  sv: { ...sharedWithPage(invoiceMessages.sv), ...svOwn },
  en: { ...sharedWithPage(invoiceMessages.en), ...enOwn },
};
