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

const QUESTIONS = [
  "Hej! Varför är fakturan så mycket högre än förra månaden?",
  "Kan jag få några dagar extra att betala? Lönen kommer den 25:e.",
  "Jag tror att jag har betalat två gånger, kan ni kolla?",
];

/**
 * Demo support data through the product's own functions: canned replies, and a few customers
 * waiting for answers on their open invoices (not the showcase ones), so the inbox has
 * something to show. Earlier waits are older, so the inbox order shows.
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
  const invoices = await db.invoice.findMany({
    where: {
      organizationId,
      status: "OPEN",
      kind: "INVOICE",
      id: { notIn: options.avoidInvoiceIds },
    },
    orderBy: [{ issueDate: "desc" }, { number: "desc" }],
    take: QUESTIONS.length,
    select: { id: true },
  });
  for (const [index, invoice] of invoices.entries()) {
    await postChatMessage({
      db,
      input: { invoiceId: invoice.id, body: QUESTIONS[index]! },
      author: { type: "CUSTOMER" },
      now: new Date(options.now.getTime() - (index + 1) * 47 * 60_000),
    });
  }
}
