import { rgb } from "pdf-lib";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import { CREDIT_NOTE_MESSAGES, settlementText } from "@/lib/i18n/credit-note-messages";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { type PdfTexts, pdfMessages } from "@/lib/i18n/pdf-messages";
import { displayUnit } from "@/lib/i18n/units";
import {
  GREY,
  hexColor,
  LINK_BLUE,
  PdfCursor,
  type TableColumn,
} from "@/lib/invoice-page/invoice-pdf-layout";
import type { InvoicePageData, PageLine } from "@/lib/invoice-page/load-invoice-page";
import { paymentsMade } from "@/lib/invoice-page/payments-made";
import { formatStored, safeFormat } from "@/lib/invoice-page/safe-format";
import { formatMoney, formatQuantity, formatUnitPrice, type Locale } from "@/lib/money/money";
import { createArchiveDocument, finishArchiveDocument } from "@/lib/pdf/pdf-archive";
import { formatBankgiro, formatPlusgiro } from "@/lib/references/giro";
import { formatOrgNumber } from "@/lib/references/org-number";
import { formatSwishNumber } from "@/lib/references/swish-qr";

/**
 * The invoice or credit note as an A4 PDF, with the same legally required content as the
 * customer's page (ML 2023:200 17 kap. 24 §): seller and buyer, number and dates, what was sold
 * with unit prices excl. VAT, discounts, the reason for any 0 % line, taxable amount and VAT per
 * rate, öresutjämning and the total; a credit note names the invoice it changes (22 §). Drawn from
 * the page data, which for an issued document is its snapshot, as an archive document (see
 * pdf-archive.ts): the same document always gives the same bytes.
 */

interface Context {
  data: InvoicePageData;
  locale: Locale;
  t: PdfTexts;
  money: (ore: number) => string;
}

export async function renderInvoicePdf(data: InvoicePageData, locale: Locale): Promise<Uint8Array> {
  const t = pdfMessages[locale];
  const ctx: Context = {
    data,
    locale,
    t,
    money: (ore) => safeFormat(() => formatMoney(ore, { locale })),
  };
  const { doc, fonts } = await createArchiveDocument();
  const title = documentTitle(ctx);
  const cursor = new PdfCursor(doc, fonts, (next) => {
    next.text(title, { bold: true, size: 10 });
    next.moveDown(6);
  });

  drawHeading(cursor, ctx, title);
  drawCreditedInvoice(cursor, ctx);
  cursor.moveDown(18);
  cursor.inColumns([(c) => drawBuyer(c, ctx), (c) => drawPaymentDetails(c, ctx)]);
  cursor.moveDown(18);
  drawLines(cursor, ctx);
  cursor.moveDown(14);
  drawSummary(cursor, ctx);
  drawCreditNotes(cursor, ctx);
  cursor.drawFooters(footerLines(ctx), t.page);

  finishArchiveDocument(doc, {
    title,
    author: data.organization.name,
    subject: t.subject(title, data.customer.name),
    language: t.language,
    // The document's own date, so the file is the same whenever it is made.
    date: data.invoice.issueDate ?? data.invoice.periodEnd,
    identity: `${data.invoice.id}:${data.invoice.version}:${locale}`,
  });
  return doc.save();
}

function documentTitle({ data, t }: Context): string {
  const name = data.invoice.kind === "CREDIT_NOTE" ? t.creditNote : t.invoice;
  return data.invoice.number === null ? name : `${name} ${data.invoice.number}`;
}

/** Stored numbers are validated on the way in; should an old one not be, print it as stored. */
const formatted = formatStored;

function date(value: Date | null): string {
  return value === null ? "" : formatCalendarDate(value);
}

function period(start: Date | null, end: Date | null): string {
  if (start === null || end === null) return date(start ?? end);
  return start.getTime() === end.getTime() ? date(start) : `${date(start)} – ${date(end)}`;
}

function addressLines(party: {
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
}): string[] {
  const lines = [party.addressLine1, party.addressLine2, `${party.postalCode} ${party.city}`];
  return lines.filter((line): line is string => Boolean(line?.trim()));
}

function sellerIdentity({ data, t }: Context): string[] {
  const org = data.organization;
  return [
    `${t.orgNumber} ${formatted(org.orgNumber, formatOrgNumber)}`,
    `${t.vatNumber} ${org.vatNumber}`,
    ...(org.hasFSkatt ? [t.fSkatt] : []),
  ];
}

/** Seller on the left, title and the invoice's identifiers on the right. */
function drawHeading(cursor: PdfCursor, ctx: Context, title: string): void {
  const { data, t } = ctx;
  const org = data.organization;
  const brand = hexColor(org.brandColor, rgb(0, 0, 0));
  cursor.inColumns([
    (c) => {
      c.text(org.name, { bold: true, size: 14, color: brand });
      c.moveDown(2);
      for (const line of [...addressLines(org), ...sellerIdentity(ctx)]) c.text(line);
      // Each value whole on its line: a phone number is never broken across two.
      const contact = [org.supportEmail, org.supportPhone]
        .filter((value): value is string => Boolean(value))
        .map(unbroken);
      if (contact.length > 0) c.text(`${t.contact}: ${contact.join(", ")}`, { color: GREY });
    },
    (c) => {
      c.text(title, { bold: true, size: 20 });
      c.moveDown(4);
      const isCreditNote = data.invoice.kind === "CREDIT_NOTE";
      if (data.invoice.number !== null) {
        c.pair(isCreditNote ? t.creditNoteNumber : t.invoiceNumber, String(data.invoice.number));
      }
      c.pair(isCreditNote ? t.creditNoteDate : t.issueDate, date(data.invoice.issueDate));
      if (data.invoice.dueDate !== null) c.pair(t.dueDate, date(data.invoice.dueDate));
      c.pair(t.period, period(data.invoice.periodStart, data.invoice.periodEnd));
      c.pair(t.customerNumber, data.customer.customerNumber);
    },
  ]);
}

/** Spaces inside one value (a phone number, an address line) never break it across lines. */
function unbroken(value: string): string {
  return value.replace(/ /g, "\u00A0");
}

/** A credit note names the invoice it changes, by number and date (ML 17 kap. 22 §). */
function drawCreditedInvoice(cursor: PdfCursor, { data, locale }: Context): void {
  if (data.invoice.kind !== "CREDIT_NOTE" || !data.creditNote) return;
  const { creditedInvoice } = data.creditNote;
  cursor.moveDown(10);
  cursor.text(
    CREDIT_NOTE_MESSAGES[locale].refersTo(creditedInvoice.number, creditedInvoice.issueDate),
    { bold: true, size: 11 },
  );
}

function drawBuyer(cursor: PdfCursor, { data, t }: Context): void {
  const customer = data.customer;
  cursor.text(t.buyer, { color: GREY, size: 8 });
  cursor.text(customer.name, { bold: true, size: 10.5 });
  for (const line of addressLines(customer)) cursor.text(line, { size: 10 });
  if (customer.isBusiness && customer.vatNumber) {
    cursor.text(`${t.vatNumber} ${customer.vatNumber}`);
  }
}

/**
 * Where and how to pay. A credit note has nothing to pay: it says what it credited, in the words
 * the agent chose for the customer, and what happens to the money.
 */
function drawPaymentDetails(cursor: PdfCursor, { data, locale, t, money }: Context): void {
  const { invoice, organization: org } = data;
  if (invoice.kind === "CREDIT_NOTE") {
    const c = CREDIT_NOTE_MESSAGES[locale];
    cursor.pair(c.credited, money(data.totals.totalOre), { bold: true, size: 11 });
    const note = data.creditNote;
    if (note?.customerText) {
      cursor.moveDown(4);
      cursor.text(c.reason, { color: GREY, size: 8 });
      cursor.text(note.customerText);
    }
    if (note?.settlement) {
      cursor.moveDown(4);
      cursor.text(c.whatHappens, { color: GREY, size: 8 });
      cursor.text(settlementText(locale, note.settlement, note.creditedInvoice.number));
    }
    return;
  }
  if (invoice.kind === "INVOICE" && data.invoice.displayStatus === "paid") {
    drawPaid(cursor, { data, locale, t, money });
  } else if (invoice.kind === "INVOICE") {
    cursor.pair(t.toPay, money(data.amountDueOre), { bold: true, size: 11 });
    if (invoice.dueDate !== null) cursor.pair(t.dueDate, date(invoice.dueDate), { bold: true });
  }
  if (invoice.ocr !== null) cursor.pair(t.ocr, invoice.ocr, { bold: true });
  if (org.bankgiro !== null) cursor.pair(t.bankgiro, formatted(org.bankgiro, formatBankgiro));
  if (org.plusgiro !== null) cursor.pair(t.plusgiro, formatted(org.plusgiro, formatPlusgiro));
  if (org.swishNumber !== null) cursor.pair(t.swish, formatted(org.swishNumber, formatSwishNumber));
}

/**
 * A paid invoice says so where the amount to pay would be, with its payments — day, way and
 * amount — so a printed copy is proof of what was paid (its OCR and accounts still follow).
 */
function drawPaid(cursor: PdfCursor, { data, locale, t, money }: Context): void {
  cursor.pair(t.statusLabel, t.paid, { bold: true, size: 11 });
  const payments = paymentsMade(data.events, invoiceMessages[locale]);
  if (payments.length === 0) return;
  cursor.text(t.payments, { color: GREY, size: 8 });
  for (const payment of payments) {
    const how = payment.method ? ` ${payment.method}` : "";
    cursor.pair(`${date(payment.on)}${how}`, money(payment.amountOre));
  }
}

function vatRate(rate: number, locale: Locale): string {
  return locale === "sv" ? `${rate} %` : `${rate}%`;
}

/** The description, and under it the line's discount and its reason for no VAT, if any. */
function lineDescription(line: PageLine, { locale, t, money }: Context): string {
  const description = locale === "en" && line.descriptionEn ? line.descriptionEn : line.description;
  const notes = [
    ...(line.discountOre !== 0 ? [t.discount(money(-line.discountOre))] : []),
    ...(line.vatRate === 0 && line.vatExemptionReason ? [t.noVat(line.vatExemptionReason)] : []),
  ];
  return [description, ...notes].join("\n");
}

function drawLines(cursor: PdfCursor, ctx: Context): void {
  const { data, locale, t, money } = ctx;
  const columns: TableColumn[] = [
    { header: t.description },
    { header: t.period, width: 86 },
    { header: t.quantity, width: 62, align: "right" },
    // A price with its unit on one line: "109,37 öre/kWh", "10 937,1234 kr/mån".
    { header: t.unitPrice, width: 90, align: "right" },
    { header: t.vatColumn, width: 36, align: "right" },
    { header: t.amount, width: 70, align: "right" },
  ];
  const rows = data.lines.map((line) => [
    lineDescription(line, ctx),
    period(line.periodStart, line.periodEnd),
    `${safeFormat(() => formatQuantity(line.quantityMilli, locale))} ${displayUnit(line.unit, locale)}`,
    // Per unit, as energy invoices print it: "43,90 öre/kWh", "312,00 kr/mån".
    safeFormat(() =>
      formatUnitPrice(line.unitPriceCentiOre, { locale, unit: displayUnit(line.unit, locale) }),
    ),
    vatRate(line.vatRate, locale),
    money(line.netOre),
  ]);
  cursor.table(columns, rows, { size: 8 });
}

/** VAT per rate next to the totals, kept on one page so the sums are read together. */
function drawSummary(cursor: PdfCursor, ctx: Context): void {
  const { data, locale, t, money } = ctx;
  const totals = data.totals;
  const isCreditNote = data.invoice.kind === "CREDIT_NOTE";
  const totalRows = 4 + (totals.roundingOre !== 0 ? 1 : 0);
  const vatRows = 1 + totals.vatGroups.length;
  cursor.ensureSpace(Math.max(totalRows, vatRows) * cursor.lineHeight({ size: 10 }) + 30);
  cursor.inColumns([
    (c) =>
      c.table(
        [
          { header: t.vatRate },
          { header: t.taxable, width: 85, align: "right" },
          { header: t.vat, width: 80, align: "right" },
        ],
        totals.vatGroups.map((group) => [
          vatRate(group.vatRate, locale),
          money(group.netOre),
          money(group.vatOre),
        ]),
        { size: 8 },
      ),
    (c) => {
      c.pair(t.net, money(totals.netOre));
      c.pair(t.vat, money(totals.vatOre));
      if (totals.roundingOre !== 0) c.pair(t.rounding, money(totals.roundingOre));
      c.moveDown(2);
      c.rule();
      c.moveDown(4);
      const totalLabel = isCreditNote ? t.totalCredited : t.total;
      c.pair(totalLabel, money(totals.totalOre), { bold: true, size: 11 });
      if (!isCreditNote) c.pair(t.leftToPay, money(data.amountDueOre), { bold: true });
      if (data.customerCreditOre > 0) c.pair(t.creditToCustomer, money(data.customerCreditOre));
    },
  ]);
}

/**
 * Credit notes are listed with their own numbers: each is the document behind a change. Read
 * through the customer's link, each row links to that credit note's own page (the same address
 * the page's list links to), so the PDF leads to the credit note as the page does.
 */
function drawCreditNotes(cursor: PdfCursor, { data, locale, t, money }: Context): void {
  if (data.creditNotes.length === 0) return;
  const base = data.documentLinkBase;
  const links = data.creditNotes.map((note) =>
    base && note.number !== null ? `${base}/n/${note.number}` : null,
  );
  cursor.moveDown(18);
  cursor.ensureSpace(60);
  cursor.text(t.creditNotes, { bold: true, size: 10 });
  cursor.moveDown(2);
  cursor.table(
    [
      { header: t.creditNote, width: 90, color: base ? LINK_BLUE : undefined },
      { header: t.date, width: 80 },
      { header: t.vatPerRate },
      { header: t.amountInclVat, width: 100, align: "right" },
    ],
    data.creditNotes.map((note) => [
      note.number === null ? "" : String(note.number),
      date(note.issueDate),
      note.vatGroups
        .map((group) => `${vatRate(group.vatRate, locale)}: ${money(group.vatOre)}`)
        .join("\n"),
      money(note.totalOre),
    ]),
    { size: 8.5 },
    links,
  );
}

function footerLines(ctx: Context): string[] {
  const org = ctx.data.organization;
  return [[org.name, ...addressLines(org)].join(", "), sellerIdentity(ctx).join(" · ")];
}
