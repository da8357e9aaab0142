import { displayName } from "@/lib/chat/chat-message-view";
import type { Db } from "@/lib/db/database";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/** At most one "support answered" email per conversation in this window. */
export const REPLY_EMAIL_QUIET_MS = 10 * 60_000;

export type ReplyNotificationOutcome =
  | "sent"
  | "customer-here"
  | "quiet"
  | "already-sent"
  | "no-email"
  | "not-a-reply";

/**
 * Tells a customer who is not on their invoice page that support answered, by email (the chat
 * promises this when support is away). Run by the chat.reply-email job after an agent's message.
 * The quiet period and "already sent" are read from the timeline (REPLY_EMAILED, staff-only), so
 * they hold across processes and restarts. The email carries the answer but not the invoice link:
 * the link's secret exists only in the customer's own invoice email, never on our side.
 */
export async function notifyCustomerOfReply(options: {
  db: Db;
  messageId: string;
  /** Whether the customer has the invoice open right now (then the chat itself tells them). */
  customerIsHere: () => Promise<boolean>;
  now?: Date;
  send?: (mail: OutgoingMail) => Promise<unknown>;
}): Promise<ReplyNotificationOutcome> {
  const now = options.now ?? new Date();
  const { db } = options;
  const message = await db.chatMessage.findUnique({
    where: { id: options.messageId },
    select: {
      body: true,
      kind: true,
      authorType: true,
      authorStaff: { select: { name: true } },
      conversation: {
        select: {
          invoiceId: true,
          organizationId: true,
          invoice: {
            select: {
              number: true,
              customer: { select: { email: true, name: true, locale: true } },
              organization: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (message?.kind !== "MESSAGE" || message.authorType !== "STAFF") {
    return "not-a-reply";
  }
  const { invoice, invoiceId, organizationId } = message.conversation;
  const email = invoice.customer.email;
  if (!email) return "no-email";
  const earlier = await db.invoiceEvent.findMany({
    where: {
      invoiceId,
      type: "REPLY_EMAILED",
      occurredAt: { gt: new Date(now.getTime() - REPLY_EMAIL_QUIET_MS) },
    },
    select: { data: true },
  });
  if (
    earlier.some((event) => (event.data as { messageId?: string }).messageId === options.messageId)
  ) {
    return "already-sent";
  }
  if (earlier.length > 0) return "quiet";
  if (await options.customerIsHere()) return "customer-here";

  const sv = invoice.customer.locale === "sv";
  const agent = message.authorStaff
    ? displayName(message.authorStaff.name)
    : sv
      ? "Kundservice"
      : "Support";
  const org = invoice.organization.name;
  const mail = sv
    ? {
        subject: `${org} har svarat på din fråga om faktura ${invoice.number}`,
        text: `Hej ${invoice.customer.name}!\n\n${agent} på ${org} har svarat på din fråga om faktura ${invoice.number}:\n\n${message.body}\n\nÖppna fakturan med länken i fakturamejlet för att läsa hela konversationen och svara.\n`,
      }
    : {
        subject: `${org} answered your question about invoice ${invoice.number}`,
        text: `Hello ${invoice.customer.name},\n\n${agent} at ${org} answered your question about invoice ${invoice.number}:\n\n${message.body}\n\nOpen the invoice with the link in your invoice email to read the whole conversation and reply.\n`,
      };
  await (options.send ?? sendMail)({ to: email, ...mail });
  // Written after the mail left: a crash in between means one email may go twice, never none.
  await db.$transaction((tx) =>
    recordInvoiceEvent(tx, {
      organizationId,
      invoiceId,
      type: "REPLY_EMAILED",
      visibility: "STAFF",
      data: { messageId: options.messageId },
      occurredAt: now,
    }),
  );
  return "sent";
}
