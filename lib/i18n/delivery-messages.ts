import type { Locale } from "@/lib/money/money";

/**
 * What an invoice's delivery says, by email (with the PDF attached) or SMS, in the customer's
 * language; and how the timeline tells of it.
 */
export interface DeliveryText {
  name: string;
  org: string;
  number: number;
  amount: string;
  dueDate: string;
  ocr: string;
  url: string;
  isCreditNote: boolean;
}

const sv = {
  emailSubject: (t: DeliveryText) =>
    t.isCreditNote
      ? `Kreditfaktura ${t.number} från ${t.org}`
      : `Faktura ${t.number} från ${t.org}`,
  emailBody: (t: DeliveryText) =>
    [
      `Hej ${t.name}!`,
      "",
      t.isCreditNote
        ? `Här är kreditfaktura ${t.number} från ${t.org} på ${t.amount}.`
        : `Här är din faktura ${t.number} från ${t.org}: ${t.amount} att betala senast ${t.dueDate} (OCR ${t.ocr}).`,
      "",
      `Se fakturan, vad du fått för pengarna, betala och fråga oss: ${t.url}`,
      "",
      "Fakturan finns också som PDF i det här mejlet.",
      "",
      `Vänliga hälsningar\n${t.org}`,
    ].join("\n"),
  sms: (t: DeliveryText) =>
    t.isCreditNote
      ? `${t.org}: kreditfaktura ${t.number} på ${t.amount}. Se den här: ${t.url}`
      : `${t.org}: faktura ${t.number}, ${t.amount} att betala senast ${t.dueDate}. Se och betala: ${t.url}`,
  sentByEmail: (to: string) => `Fakturan skickades till ${to}`,
  sentBySms: (to: string) => `Fakturan skickades med sms till ${to}`,
  pdfName: (number: number) => `faktura-${number}.pdf`,
};

const en: typeof sv = {
  emailSubject: (t) =>
    t.isCreditNote ? `Credit note ${t.number} from ${t.org}` : `Invoice ${t.number} from ${t.org}`,
  emailBody: (t) =>
    [
      `Hello ${t.name},`,
      "",
      t.isCreditNote
        ? `Here is credit note ${t.number} from ${t.org} for ${t.amount}.`
        : `Here is your invoice ${t.number} from ${t.org}: ${t.amount} to pay by ${t.dueDate} (OCR ${t.ocr}).`,
      "",
      `See the invoice, what you got for the money, pay it and ask us: ${t.url}`,
      "",
      "The invoice is also attached to this email as a PDF.",
      "",
      `Kind regards\n${t.org}`,
    ].join("\n"),
  sms: (t) =>
    t.isCreditNote
      ? `${t.org}: credit note ${t.number} for ${t.amount}. See it here: ${t.url}`
      : `${t.org}: invoice ${t.number}, ${t.amount} to pay by ${t.dueDate}. See and pay: ${t.url}`,
  sentByEmail: (to) => `The invoice was sent to ${to}`,
  sentBySms: (to) => `The invoice was sent by text message to ${to}`,
  pdfName: (number) => `invoice-${number}.pdf`,
};

export const DELIVERY_MESSAGES: Record<Locale, typeof sv> = { sv, en };
