import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { COLLECTION_CHOICE_MESSAGES } from "@/lib/i18n/collection-choice-messages";
import { formatLongDate } from "@/lib/i18n/format-date";
import { createInvoiceLink } from "@/lib/invoices/invoice-links";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { formatMoney } from "@/lib/money/money";
import { formatBankgiro, isValidBankgiro } from "@/lib/references/giro";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export type CollectionChoice = "respite" | "payment-plan";
export type CollectionChoiceOutcome =
  | "sent"
  | "already-sent"
  | "no-email"
  | "not-found"
  | "nothing-to-confirm";

/**
 * Confirms by email, in the customer's language, what they chose on their invoice page: the new
 * due date they took, or the payment plan they agreed to (each part, its day and its OCR number,
 * and the plan's fee if it has one), with a link of its own (a new secret, minted for this email
 * and stored only as its hash). Run by the collections.notify-customer job the choice wrote in
 * its own transaction. "Already sent" is read from the timeline (one confirmation per choice
 * made), so a retried job sends once; a crash between the mail and its record sends it twice,
 * never not at all.
 */
export async function notifyCustomerOfCollectionChoice(options: {
  db: Db;
  organizationId: string;
  invoiceId: string;
  kind: CollectionChoice;
  send?: (mail: OutgoingMail) => Promise<unknown>;
  appUrl?: string;
  now?: Date;
}): Promise<CollectionChoiceOutcome> {
  const { db, organizationId, invoiceId, kind } = options;
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, organizationId, kind: "INVOICE" },
    select: {
      number: true,
      customer: { select: { email: true, name: true, locale: true } },
      organization: { select: { name: true, bankgiro: true } },
    },
  });
  if (!invoice || invoice.number === null) return "not-found";
  const [choices, confirmations] = await Promise.all([
    db.invoiceEvent.findMany({
      where:
        kind === "respite"
          ? { invoiceId, type: "RESPITE_GRANTED", actorType: "CUSTOMER" }
          : { invoiceId, type: "PAYMENT_PLAN_AGREED" },
      orderBy: { occurredAt: "desc" },
      select: { data: true },
    }),
    db.invoiceEvent.findMany({
      where: { invoiceId, type: "COLLECTION_CHOICE_EMAILED" },
      select: { data: true },
    }),
  ]);
  if (choices.length === 0) return "nothing-to-confirm";
  const confirmed = confirmations.filter(
    (event) => (event.data as { kind?: unknown } | null)?.kind === kind,
  ).length;
  if (confirmed >= choices.length) return "already-sent";
  const email = invoice.customer.email;
  if (!email) return "no-email";

  const locale = invoice.customer.locale;
  const texts = COLLECTION_CHOICE_MESSAGES[locale];
  const date = (day: string) => formatLongDate(parseCalendarDate(day), locale);
  const money = (ore: number) => formatMoney(ore, { locale });
  const chosen = (choices[0]!.data ?? {}) as Record<string, unknown>;
  const token = await db.$transaction((tx) =>
    createInvoiceLink(tx, { invoiceId, organizationId, purpose: "EMAIL" }),
  );
  const url = `${options.appUrl ?? getEnv().appUrl}/i/${token}`;
  const common = {
    name: invoice.customer.name,
    org: invoice.organization.name,
    number: invoice.number,
    url,
  };
  let mail: OutgoingMail;
  if (kind === "respite") {
    if (typeof chosen.dueDate !== "string") return "nothing-to-confirm";
    mail = {
      to: email,
      subject: texts.respiteSubject(invoice.number),
      text: texts.respiteBody({ ...common, dueDate: date(chosen.dueDate) }),
    };
  } else {
    const parts = Array.isArray(chosen.parts)
      ? (chosen.parts as Array<{ dueDate: string; amountOre: number; ocr: string }>)
      : [];
    if (parts.length === 0) return "nothing-to-confirm";
    const feeOre = typeof chosen.feeOre === "number" ? chosen.feeOre : 0;
    mail = {
      to: email,
      subject: texts.planSubject(invoice.number),
      text: texts.planBody({
        ...common,
        bankgiro: bankgiroText(invoice.organization.bankgiro),
        parts: parts.map((part, index) => ({
          position: index + 1,
          amount: money(part.amountOre),
          dueDate: date(part.dueDate),
          ocr: part.ocr,
        })),
        fee: feeOre > 0 ? money(feeOre) : null,
      }),
    };
  }
  await (options.send ?? sendMail)(mail);
  await db.$transaction((tx) =>
    recordInvoiceEvent(tx, {
      organizationId,
      invoiceId,
      type: "COLLECTION_CHOICE_EMAILED",
      visibility: "STAFF",
      data: { kind, to: "customer" },
      occurredAt: options.now ?? new Date(),
    }),
  );
  return "sent";
}

/** The organisation's bankgiro as it is written ("5050-1055"), or as stored when it is odd. */
export function bankgiroText(bankgiro: string | null): string | null {
  if (!bankgiro) return null;
  return isValidBankgiro(bankgiro) ? formatBankgiro(bankgiro) : bankgiro;
}
