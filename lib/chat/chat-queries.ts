import type { ChatSide } from "@/lib/chat/chat-input";
import {
  type ChatMessageView,
  chatMessageSelect,
  toChatMessageView,
} from "@/lib/chat/chat-message-view";
import type { Db } from "@/lib/db/database";

export interface ChatReceipts {
  lastSeq: number;
  customerDeliveredSeq: number;
  customerReadSeq: number;
  staffDeliveredSeq: number;
  staffReadSeq: number;
}

export const NO_RECEIPTS: ChatReceipts = {
  lastSeq: 0,
  customerDeliveredSeq: 0,
  customerReadSeq: 0,
  staffDeliveredSeq: 0,
  staffReadSeq: 0,
};

const receiptSelect = {
  lastSeq: true,
  customerDeliveredSeq: true,
  customerReadSeq: true,
  staffDeliveredSeq: true,
  staffReadSeq: true,
} as const;

/**
 * The messages after `afterSeq`, for one side: a customer never receives internal notes. Used for
 * the first load and for every resync after a reconnect, so the client's last seen sequence
 * number is all it needs to catch up without gaps or twins.
 */
export async function listChatMessages(
  db: Db,
  options: { invoiceId: string; side: ChatSide; afterSeq?: number; limit?: number },
): Promise<{ messages: ChatMessageView[]; receipts: ChatReceipts; hasMore: boolean }> {
  const conversation = await db.conversation.findUnique({
    where: { invoiceId: options.invoiceId },
    select: { id: true, ...receiptSelect },
  });
  if (!conversation) return { messages: [], receipts: NO_RECEIPTS, hasMore: false };
  const limit = Math.min(options.limit ?? 200, 500);
  const rows = await db.chatMessage.findMany({
    where: {
      conversationId: conversation.id,
      seq: { gt: options.afterSeq ?? 0 },
      ...(options.side === "customer" ? { kind: "MESSAGE" as const } : {}),
    },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: chatMessageSelect,
  });
  const { id: _id, ...receipts } = conversation;
  return {
    messages: rows.slice(0, limit).map(toChatMessageView),
    receipts,
    hasMore: rows.length > limit,
  };
}

/**
 * Records that one side's client has received (delivered) or shown (read) the messages up to
 * `seq`. Marks only move forward and never past the last message, whatever a client claims.
 */
export async function markChatSeen(
  db: Db,
  options: { invoiceId: string; side: ChatSide; seq: number; read: boolean },
): Promise<(ChatReceipts & { conversationId: string }) | null> {
  const delivered = options.side === "customer" ? "customerDeliveredSeq" : "staffDeliveredSeq";
  const read = options.side === "customer" ? "customerReadSeq" : "staffReadSeq";
  // Column names come from the two constants above, never from the client.
  const rows = await db.$queryRawUnsafe<Array<ChatReceipts & { conversationId: string }>>(
    `UPDATE "Conversation" SET
       "${delivered}" = GREATEST("${delivered}", LEAST($2::int, "lastSeq")),
       "${read}" = CASE WHEN $3::boolean THEN GREATEST("${read}", LEAST($2::int, "lastSeq")) ELSE "${read}" END
     WHERE "invoiceId" = $1
     RETURNING "id" AS "conversationId", "lastSeq", "customerDeliveredSeq", "customerReadSeq",
               "staffDeliveredSeq", "staffReadSeq"`,
    options.invoiceId,
    options.seq,
    options.read,
  );
  return rows[0] ?? null;
}
