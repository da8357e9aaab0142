import type { Db } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { CREDIT_NOTE_MESSAGES, settlementText } from "@/lib/i18n/credit-note-messages";
import { createInvoiceLink } from "@/lib/invoices/invoice-links";
import { readIssuedSnapshot } from "@/lib/invoices/issued-snapshot";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { formatMoney } from "@/lib/money/money";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export type CreditNoteNotificationOutcome = "sent" | "already-sent" | "no-email" | "not-found";

/**
 * Tells the customer by email, in their language, that a credit note was issued for their
 * invoice: what it takes off, which invoice (number and date) it changes, what happens to the
 * money, and a link of its own to the credit note's page (a new secret, minted for this email and
 * stored only as its hash). Run by the credit-notes.notify job the credit note wrote in its own
 * transaction; "already sent" is read from the credit note's timeline, so a retried job sends
 * once. A crash between the mail and its record sends it twice, never not at all.
 */
export async function notifyCustomerOfCreditNote(options: {
  db: Db;
  creditNoteId: string;
  organizationId: string;
  send?: (mail: OutgoingMail) => Promise<unknown>;
  appUrl?: string;
  now?: Date;
}): Promise<CreditNoteNotificationOutcome> {
  const { db } = options;
  const note = await db.invoice.findFirst({
    where: {
      id: options.creditNoteId,
      organizationId: options.organizationId,
      kind: "CREDIT_NOTE",
    },
    select: {
      id: true,
      number: true,
      totalOre: true,
      customerText: true,
      issuedSnapshot: true,
      customer: { select: { email: true, name: true, locale: true } },
      organization: { select: { name: true } },
      creditedInvoice: { select: { id: true, number: true, issueDate: true } },
    },
  });
  if (!note || note.number === null || !note.creditedInvoice?.number) return "not-found";
  const sent = await db.invoiceEvent.count({
    where: { invoiceId: note.id, type: "CREDIT_NOTE_EMAILED" },
  });
  if (sent > 0) return "already-sent";
  const email = note.customer.email;
  if (!email) return "no-email";

  const snapshot = readIssuedSnapshot(note.issuedSnapshot);
  const locale = note.customer.locale;
  const texts = CREDIT_NOTE_MESSAGES[locale];
  const invoiceNumber = snapshot?.creditNote?.creditedInvoice.number ?? note.creditedInvoice.number;
  const invoiceDate =
    snapshot?.creditNote?.creditedInvoice.issueDate ??
    note.creditedInvoice.issueDate?.toISOString().slice(0, 10) ??
    "";
  const token = await db.$transaction((tx) =>
    createInvoiceLink(tx, {
      invoiceId: note.id,
      organizationId: options.organizationId,
      purpose: "EMAIL",
    }),
  );
  const appUrl = options.appUrl ?? getEnv().appUrl;
  const settlement = snapshot?.creditNote
    ? settlementText(locale, snapshot.creditNote.settlement, invoiceNumber)
    : "";
  const org = snapshot?.seller.name ?? note.organization.name;
  await (options.send ?? sendMail)({
    to: email,
    subject: texts.emailSubject(org, note.number, invoiceNumber),
    text: texts.emailBody({
      name: snapshot?.buyer.name ?? note.customer.name,
      org,
      number: note.number,
      amount: formatMoney(-note.totalOre, { locale }),
      invoiceNumber,
      invoiceDate,
      customerText: note.customerText,
      settlement,
      url: `${appUrl}/i/${token}`,
    }),
  });
  await db.$transaction((tx) =>
    recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: note.id,
      type: "CREDIT_NOTE_EMAILED",
      visibility: "STAFF",
      data: { to: "customer" },
      occurredAt: options.now ?? new Date(),
    }),
  );
  return "sent";
}
