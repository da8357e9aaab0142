import { saveCannedReply } from "@/lib/chat/canned-replies";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import type { Db } from "@/lib/db/database";

const CANNED_REPLIES = [
  {
    title: "Varför högre faktura",
    body: "Hej! Fakturan följer din förbrukning, som var högre den här perioden. Under ”Din förbrukning” ser du den dag för dag jämfört med förra året.",
  },
  {
    title: "Respit",
    body: "Hej! Vi har flyttat förfallodagen åt dig. Du ser det nya datumet överst på fakturan.",
  },
  {
    title: "Tack",
    body: "Tack för att du hörde av dig! Återkom gärna här om något mer är oklart.",
  },
];

// A question that asks for more time fits only an invoice still to be paid.
const QUESTIONS = [
  { body: "Hej! Varför är fakturan så mycket högre än förra månaden?", unpaidOnly: false },
  { body: "Kan jag få några dagar extra att betala? Lönen kommer den 25:e.", unpaidOnly: true },
  { body: "Jag tror att jag har betalat två gånger, kan ni kolla?", unpaidOnly: false },
  {
    body: "Hej! Jag har flyttat, var ändrar jag adressen som står på fakturan?",
    unpaidOnly: false,
  },
];
const WAITING_CONVERSATIONS = 3;
// Open invoices first (what customers ask about most), then overdue, then paid ones: whichever
// the demo date left, the inbox is never empty.
const STATUS_ORDER = ["OPEN", "OVERDUE", "PAID"] as const;

/**
 * Demo support data through the product's own functions: canned replies, and a few customers
 * waiting for answers on their latest invoices (not the showcase ones, one conversation per
 * customer), so the inbox has something to show whatever the demo date. Earlier waits are
 * older, so the inbox order shows.
 */
export async function seedSupport(options: {
  db: Db;
  organizationId: string;
  avoidInvoiceIds: string[];
  now: Date;
}): Promise<void> {
  const { db, organizationId } = options;
  for (const reply of CANNED_REPLIES) {
    await saveCannedReply({ db, organizationId, input: reply });
  }
  const unused = [...QUESTIONS];
  for (const [index, invoice] of (await pickWaitingInvoices(options)).entries()) {
    const isUnpaid = invoice.status !== "PAID";
    const question = unused.find((q) => isUnpaid || !q.unpaidOnly) ?? unused[0]!;
    unused.splice(unused.indexOf(question), 1);
    await postChatMessage({
      db,
      input: { invoiceId: invoice.id, body: question.body },
      author: { type: "CUSTOMER" },
      now: new Date(options.now.getTime() - (index + 1) * 47 * 60_000),
    });
  }
}

/** Each customer's latest invoice in the preferred status, deterministically ordered. */
async function pickWaitingInvoices(options: {
  db: Db;
  organizationId: string;
  avoidInvoiceIds: string[];
}): Promise<Array<{ id: string; status: (typeof STATUS_ORDER)[number] }>> {
  const picked: Array<{ id: string; status: (typeof STATUS_ORDER)[number] }> = [];
  const customers = new Set<string>();
  for (const status of STATUS_ORDER) {
    const invoices = await options.db.invoice.findMany({
      where: {
        organizationId: options.organizationId,
        status,
        kind: "INVOICE",
        id: { notIn: options.avoidInvoiceIds },
      },
      orderBy: [{ issueDate: "desc" }, { number: "desc" }],
      take: 50,
      select: { id: true, customerId: true },
    });
    for (const invoice of invoices) {
      if (picked.length === WAITING_CONVERSATIONS) return picked;
      if (customers.has(invoice.customerId)) continue;
      customers.add(invoice.customerId);
      picked.push({ id: invoice.id, status });
    }
  }
  return picked;
}
