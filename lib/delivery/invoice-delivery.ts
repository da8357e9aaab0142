import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/database";
import type { DeliveryChannel, Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { DELIVERY_MESSAGES } from "@/lib/i18n/delivery-messages";
import { formatLongDate } from "@/lib/i18n/format-date";
import { renderInvoicePdf } from "@/lib/invoice-page/invoice-pdf";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import { createInvoiceLink } from "@/lib/invoices/invoice-links";
import { enqueueJobs } from "@/lib/jobs/job-engine";
import { createLogger } from "@/lib/log";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { formatMoney } from "@/lib/money/money";
import { defaultSmsSender, type SmsSender } from "@/lib/sms/sms";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Delivering an issued invoice to its customer: by email (in their language, with the amount, due
 * date, a link of its own and the PDF attached) or by SMS (the link). Planned in the transaction
 * that issues the invoice — a delivery row and its `invoices.deliver` job — so a delivery exists
 * exactly when the invoice does; sent by the job, its outcome on the timeline and as a webhook.
 */
export const DELIVERY_CHOICES = ["auto", "email", "sms", "none"] as const;
export const deliveryChoiceSchema = z.enum(DELIVERY_CHOICES, {
  error: 'delivery is "auto" (email, else SMS), "email", "sms" or "none"',
});
export type DeliveryChoice = z.output<typeof deliveryChoiceSchema>;

/** Tries before a delivery that keeps failing for a passing reason is given up as FAILED. */
export const DELIVERY_MAX_ATTEMPTS = 5;

const log = createLogger("delivery");

/**
 * Where an invoice goes: "auto" is email when the customer has an address, else SMS when they
 * have a number, else nowhere (the billing system sends the link itself). Asking for a channel
 * the customer has no address for is refused before anything is issued.
 */
export function chooseDeliveryChannel(options: {
  choice: DeliveryChoice;
  email: string | null;
  phone: string | null;
}): { channel: DeliveryChannel; recipient: string } | null {
  const { choice, email, phone } = options;
  if (choice === "none") return null;
  const channel: DeliveryChannel | null =
    choice === "email"
      ? "EMAIL"
      : choice === "sms"
        ? "SMS"
        : email
          ? "EMAIL"
          : phone
            ? "SMS"
            : null;
  if (!channel) return null;
  const recipient = channel === "EMAIL" ? email : phone;
  if (!recipient) {
    throw new AppError(
      "BAD_INPUT",
      `The customer has no ${channel === "EMAIL" ? "email address" : "phone number"} to deliver to`,
      { param: "/delivery" },
    );
  }
  return { channel, recipient };
}

/** Writes planned deliveries and their jobs (inside the issuing transaction), in two statements. */
export async function writeInvoiceDeliveries(
  tx: Prisma.TransactionClient,
  organizationId: string,
  planned: Array<{ invoiceId: string; channel: DeliveryChannel; recipient: string }>,
): Promise<string[]> {
  if (planned.length === 0) return [];
  const rows = planned.map((plan) => ({ id: randomUUID(), organizationId, ...plan }));
  await tx.invoiceDelivery.createMany({ data: rows });
  await enqueueJobs(
    tx,
    "invoices.deliver",
    rows.map((row) => ({ organizationId, deliveryId: row.id })),
  );
  return rows.map((row) => row.id);
}

export async function planInvoiceDelivery(
  tx: Prisma.TransactionClient,
  options: { organizationId: string; invoiceId: string; choice: DeliveryChoice },
): Promise<{ deliveryId: string; channel: DeliveryChannel; recipient: string } | null> {
  if (options.choice === "none") return null;
  const invoice = await tx.invoice.findFirst({
    where: { id: options.invoiceId, organizationId: options.organizationId },
    select: { customer: { select: { email: true, phone: true } } },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  const chosen = chooseDeliveryChannel({ choice: options.choice, ...invoice.customer });
  if (!chosen) return null;
  const [deliveryId] = await writeInvoiceDeliveries(tx, options.organizationId, [
    { invoiceId: options.invoiceId, ...chosen },
  ]);
  return { deliveryId: deliveryId!, ...chosen };
}

export type DeliveryOutcome = "sent" | "bounced" | "failed" | "not-pending" | "not-found";

/**
 * Sends one planned delivery. A refusal for good (the server rejects the address: SMTP 5xx) is
 * BOUNCED at once; a passing failure is thrown, so the job is tried again, until the fifth try,
 * which is FAILED. Either way the timeline and the webhooks say so.
 */
export async function deliverInvoice(options: {
  db: Db;
  organizationId: string;
  deliveryId: string;
  send?: (mail: OutgoingMail) => Promise<unknown>;
  sms?: SmsSender;
  appUrl?: string;
  now?: Date;
}): Promise<DeliveryOutcome> {
  const { db } = options;
  const delivery = await db.invoiceDelivery.findFirst({
    where: { id: options.deliveryId, organizationId: options.organizationId },
    include: {
      invoice: {
        select: {
          id: true,
          kind: true,
          number: true,
          ocr: true,
          dueDate: true,
          totalOre: true,
          customer: { select: { name: true, locale: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!delivery) return "not-found";
  if (delivery.status !== "PENDING") return "not-pending";
  const { invoice } = delivery;
  if (invoice.number === null) return "not-found";
  const locale = invoice.customer.locale;
  const texts = DELIVERY_MESSAGES[locale];
  const attempts = delivery.attempts + 1;
  await db.invoiceDelivery.update({ where: { id: delivery.id }, data: { attempts } });
  try {
    // A link of its own for this delivery (the secret exists only in the message).
    const token = await db.$transaction((tx) =>
      createInvoiceLink(tx, {
        invoiceId: invoice.id,
        organizationId: delivery.organizationId,
        purpose: delivery.channel,
      }),
    );
    const url = `${options.appUrl ?? getEnv().appUrl}/i/${token}`;
    const text = {
      name: invoice.customer.name,
      org: invoice.organization.name,
      number: invoice.number,
      amount: formatMoney(Math.abs(invoice.totalOre), { locale }),
      dueDate: invoice.dueDate ? formatLongDate(invoice.dueDate, locale) : "",
      ocr: invoice.ocr ?? "",
      url,
      isCreditNote: invoice.kind === "CREDIT_NOTE",
    };
    if (delivery.channel === "EMAIL") {
      const page = await loadInvoicePage(db, invoice.id);
      if (!page) return "not-found";
      const pdf = await renderInvoicePdf({ ...page, documentLinkBase: url }, locale);
      await (options.send ?? sendMail)({
        to: delivery.recipient,
        subject: texts.emailSubject(text),
        text: texts.emailBody(text),
        attachments: [
          { filename: texts.pdfName(invoice.number), content: pdf, contentType: "application/pdf" },
        ],
      });
    } else {
      await (options.sms ?? defaultSmsSender()).send({
        to: delivery.recipient,
        text: texts.sms(text),
      });
    }
  } catch (error) {
    const permanent = isPermanentRefusal(error);
    if (!permanent && attempts < DELIVERY_MAX_ATTEMPTS) throw error;
    log.warn("invoice delivery failed", {
      deliveryId: delivery.id,
      channel: delivery.channel,
      permanent,
      error,
    });
    const status = permanent ? "BOUNCED" : "FAILED";
    await db.$transaction(async (tx) => {
      await tx.invoiceDelivery.update({
        where: { id: delivery.id },
        data: { status, lastError: String((error as Error).message ?? error).slice(0, 300) },
      });
      await recordInvoiceEvent(tx, {
        organizationId: delivery.organizationId,
        invoiceId: invoice.id,
        type: "DELIVERY_FAILED",
        visibility: "STAFF",
        data: { channel: delivery.channel, deliveryId: delivery.id, status },
      });
    });
    return permanent ? "bounced" : "failed";
  }
  const sentAt = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    await tx.invoiceDelivery.update({
      where: { id: delivery.id },
      data: { status: "SENT", sentAt, lastError: null },
    });
    await tx.invoice.updateMany({
      where: { id: invoice.id, sentAt: null },
      data: { sentAt },
    });
    await recordInvoiceEvent(tx, {
      organizationId: delivery.organizationId,
      invoiceId: invoice.id,
      type: "SENT",
      visibility: "CUSTOMER",
      customerText:
        delivery.channel === "EMAIL"
          ? texts.sentByEmail(delivery.recipient)
          : texts.sentBySms(delivery.recipient),
      data: { channel: delivery.channel, deliveryId: delivery.id },
      occurredAt: sentAt,
    });
  });
  return "sent";
}

/** An SMTP answer in the 5xx range refuses the address for good (a bounce); 4xx is passing. */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
