import { type PDFFont, rgb } from "pdf-lib";
import type { RenderedMessage } from "@/lib/collections/messages";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import { formatMoney } from "@/lib/money/money";
import { createArchiveDocument, finishArchiveDocument } from "@/lib/pdf/pdf-archive";
import { formatBankgiro, formatPlusgiro } from "@/lib/references/giro";

/**
 * A collection step as a letter to print and post (A4, window envelope: the customer's address
 * where a C5/C4 window shows it), with the message, the charges in words and how to pay. An
 * archive PDF like the invoice's (pdf-archive.ts), deterministic for the same action.
 */
export interface LetterContent {
  actionId: string;
  locale: Locale;
  date: Date;
  organization: {
    name: string;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
    bankgiro: string | null;
    plusgiro: string | null;
  };
  customer: {
    name: string;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
  };
  message: RenderedMessage;
  invoiceNumber: number;
  ocr: string | null;
  amountDueOre: number;
  payBy: Date | null;
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = 20 * MM;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    if (paragraph.trim() === "") {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line (a long link) is cut where it must be.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderLetterPdf(content: LetterContent): Promise<Uint8Array> {
  const { doc, fonts } = await createArchiveDocument();
  let page = doc.addPage([PAGE.width, PAGE.height]);
  const ink = rgb(0.1, 0.1, 0.12);
  const sv = content.locale === "sv";
  const text = (value: string, x: number, y: number, size = 10, bold = false) =>
    page.drawText(value, { x, y, size, font: bold ? fonts.bold : fonts.regular, color: ink });

  const org = content.organization;
  text(org.name, MARGIN, PAGE.height - MARGIN, 14, true);
  let y = PAGE.height - MARGIN - 16;
  for (const line of [org.addressLine1, org.addressLine2, `${org.postalCode} ${org.city}`]) {
    if (!line) continue;
    text(line, MARGIN, y, 9);
    y -= 12;
  }
  text(
    formatLongDate(content.date, content.locale),
    PAGE.width - MARGIN - 50 * MM,
    PAGE.height - MARGIN,
    10,
  );

  // The address block where a window envelope shows it (SS 637 08: 20 mm in, 45–90 mm down).
  y = PAGE.height - 50 * MM;
  const customer = content.customer;
  for (const line of [
    customer.name,
    customer.addressLine1,
    customer.addressLine2,
    `${customer.postalCode} ${customer.city}`,
  ]) {
    if (!line) continue;
    text(line, 110 * MM, y, 11);
    y -= 14;
  }

  y = PAGE.height - 100 * MM;
  const width = PAGE.width - 2 * MARGIN;
  for (const line of wrap(content.message.subject, fonts.bold, 13, width)) {
    text(line, MARGIN, y, 13, true);
    y -= 18;
  }
  y -= 6;
  for (const line of wrap(content.message.body, fonts.regular, 10.5, width)) {
    if (y < 75 * MM) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
    text(line, MARGIN, y, 10.5);
    y -= 14;
  }

  // How to pay, boxed at the foot of the first page's flow.
  const boxTop = Math.min(y - 10, 65 * MM);
  page.drawRectangle({
    x: MARGIN,
    y: boxTop - 42 * MM,
    width,
    height: 42 * MM,
    borderColor: ink,
    borderWidth: 0.8,
  });
  const rows: Array<[string, string]> = [
    [sv ? "Fakturanummer" : "Invoice number", String(content.invoiceNumber)],
    [sv ? "Att betala" : "To pay", formatMoney(content.amountDueOre, { locale: content.locale })],
    [
      sv ? "Betala senast" : "Pay by",
      content.payBy ? formatLongDate(content.payBy, content.locale) : "—",
    ],
    ["OCR", content.ocr ?? "—"],
  ];
  if (org.bankgiro) rows.push(["Bankgiro", formatBankgiro(org.bankgiro)]);
  else if (org.plusgiro) rows.push(["Plusgiro", formatPlusgiro(org.plusgiro)]);
  let rowY = boxTop - 8 * MM;
  for (const [label, value] of rows) {
    text(label, MARGIN + 5 * MM, rowY, 10);
    text(value, MARGIN + 55 * MM, rowY, 10, true);
    rowY -= 6 * MM;
  }

  finishArchiveDocument(doc, {
    title: content.message.subject,
    author: org.name,
    subject: content.message.subject,
    language: sv ? "sv-SE" : "en-GB",
    date: content.date,
    identity: content.actionId,
  });
  return doc.save();
}
