import type { Db } from "@/lib/db/database";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import type { ChatMessageView } from "./chat-message-view";

/** At most one "support answered" email per conversation in this window. */
const QUIET_MS = 10 * 60_000;
const lastSent = new Map<string, number>();

/**
 * Tells a customer who is not on their invoice page that support answered, by email (the chat
 * promises this when support is away). The email carries the answer but not the invoice link:
 * the link's secret exists only in the customer's own invoice email, never on our side.
 */
export async function notifyCustomerOfReply(options: {
  db: Db;
  invoiceId: string;
  message: ChatMessageView;
  now?: number;
  send?: (mail: OutgoingMail) => Promise<unknown>;
}): Promise<"sent" | "no-email" | "quiet"> {
  const now = options.now ?? Date.now();
  const invoice = await options.db.invoice.findUnique({
    where: { id: options.invoiceId },
    select: {
      number: true,
      customer: { select: { email: true, name: true, locale: true } },
      organization: { select: { name: true, supportEmail: true } },
    },
  });
  const email = invoice?.customer.email;
  if (!invoice || !email) return "no-email";
  if (now - (lastSent.get(options.invoiceId) ?? 0) < QUIET_MS) return "quiet";
  lastSent.set(options.invoiceId, now);
  const agent =
    options.message.authorName ?? (invoice.customer.locale === "sv" ? "Kundservice" : "Support");
  const org = invoice.organization.name;
  const mail =
    invoice.customer.locale === "sv"
      ? {
          subject: `${org} har svarat på din fråga om faktura ${invoice.number}`,
          text: `Hej ${invoice.customer.name}!\n\n${agent} på ${org} har svarat på din fråga om faktura ${invoice.number}:\n\n${options.message.body}\n\nÖppna fakturan med länken i fakturamejlet för att läsa hela konversationen och svara.\n`,
        }
      : {
          subject: `${org} answered your question about invoice ${invoice.number}`,
          text: `Hello ${invoice.customer.name},\n\n${agent} at ${org} answered your question about invoice ${invoice.number}:\n\n${options.message.body}\n\nOpen the invoice with the link in your invoice email to read the whole conversation and reply.\n`,
        };
  await (options.send ?? sendMail)({ to: email, ...mail });
  return "sent";
}
