import { z } from "zod";
import { type ChatAuthor, clientMessageIdSchema, messageBodySchema } from "@/lib/chat/chat-input";
import {
  type ChatMessageView,
  chatMessageSelect,
  toChatMessageView,
} from "@/lib/chat/chat-message-view";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { recordWebhookEvents } from "@/lib/webhooks/outbox";
import { invoiceOrganization, organizationWants } from "@/lib/webhooks/subscriptions";

export const postChatMessageSchema = z.object({
  invoiceId: z.uuid(),
  body: messageBodySchema,
  /** Default MESSAGE; a NOTE is internal (staff only). */
  kind: z.enum(["MESSAGE", "NOTE"]).optional(),
  clientMessageId: clientMessageIdSchema.optional(),
});
/** Parsed at the boundary (socket handlers) with postChatMessageSchema. */
export type PostChatMessageInput = z.output<typeof postChatMessageSchema>;

export interface PostedChatMessage {
  message: ChatMessageView;
  conversationId: string;
  organizationId: string;
  /** True when this was a resend of a message already stored (same clientMessageId). */
  duplicate: boolean;
}

/**
 * Stores one chat message on an invoice's conversation (creating it on the first message) and
 * only then may it be broadcast. One SQL statement does it all — it is the hot path of the chat:
 * the conversation row is created or updated with INSERT … ON CONFLICT, which locks it while the
 * next sequence number is taken (so messages are numbered without gaps or twins even when both
 * sides write at once), and the message is inserted with that number in the same statement.
 */
export async function postChatMessage(options: {
  db: Db;
  input: PostChatMessageInput;
  author: ChatAuthor;
  now?: Date;
}): Promise<PostedChatMessage> {
  const { author, db } = options;
  const input = { ...options.input, kind: options.input.kind ?? "MESSAGE" };
  if (author.type === "CUSTOMER" && input.kind === "NOTE") {
    throw new AppError("FORBIDDEN", "Only support staff can write internal notes");
  }
  const now = options.now ?? new Date();
  let rows: PostedRow[];
  const post = (runner: Pick<Prisma.TransactionClient, "$queryRawUnsafe">) =>
    runner.$queryRawUnsafe<PostedRow[]>(
      POST_MESSAGE_SQL,
      input.invoiceId,
      author.type === "STAFF" ? author.organizationId : null,
      author.type,
      input.kind,
      author.type === "STAFF" ? author.staffId : null,
      input.body,
      input.clientMessageId ?? null,
      now.toISOString(),
    );
  // A customer's first message starts a conversation the billing system may listen for
  // (conversation.started): only then is the hot path a transaction of its own.
  const organizationId =
    author.type === "CUSTOMER" ? await invoiceOrganization(db, input.invoiceId) : null;
  const announceStart =
    organizationId !== null &&
    (await organizationWants(db, organizationId, "conversation.started"));
  try {
    // An agent's answer may have to be emailed (the customer may be away): that job is written
    // in the same transaction, so it exists exactly when the answer does. A customer's message,
    // the hot path, stays one statement.
    rows =
      author.type === "STAFF" && input.kind === "MESSAGE"
        ? await db.$transaction(async (tx) => {
            const posted = await post(tx);
            const row = posted[0];
            if (row) {
              await enqueueJob(tx, "chat.reply-email", {
                organizationId: row.organizationId,
                messageId: row.id,
              });
            }
            return posted;
          })
        : announceStart
          ? await db.$transaction(async (tx) => {
              const earlier = await tx.chatMessage.findFirst({
                where: { conversation: { invoiceId: input.invoiceId }, authorType: "CUSTOMER" },
                select: { id: true },
              });
              const posted = await post(tx);
              const row = posted[0];
              if (row && !earlier) {
                await recordWebhookEvents(tx, [
                  {
                    organizationId: row.organizationId,
                    type: "conversation.started",
                    invoiceId: input.invoiceId,
                    // Never the customer's words: the billing system learns that, not what.
                    data: { conversation: { id: row.conversationId } },
                    occurredAt: now,
                  },
                ]);
              }
              return posted;
            })
          : await post(db);
  } catch (error) {
    // The same clientMessageId again: a resend after a lost acknowledgement. Nothing was written.
    if (input.clientMessageId && isUniqueViolation(error)) {
      return earlierMessage(db, input.invoiceId, input.clientMessageId, author);
    }
    throw error;
  }
  const row = rows[0];
  if (!row) throw await refusal(db, input.invoiceId, author);
  return {
    message: toChatMessageView({
      ...row,
      authorStaff: row.authorName === null ? null : { name: row.authorName },
    }),
    conversationId: row.conversationId,
    organizationId: row.organizationId,
    duplicate: false,
  };
}

interface PostedRow {
  id: string;
  seq: number;
  kind: "MESSAGE" | "NOTE";
  authorType: "CUSTOMER" | "STAFF" | "SYSTEM";
  body: string;
  clientMessageId: string | null;
  createdAt: Date;
  conversationId: string;
  organizationId: string;
  authorName: string | null;
}

// $1 invoice, $2 the staff's organisation (null for a customer), $3 author type, $4 kind,
// $5 staff id, $6 body, $7 clientMessageId, $8 now (ISO, UTC). A customer's message opens the
// wait (keeping the oldest); a staff reply ends it and the first agent to answer takes it; a note
// changes neither. No row comes back for a missing, foreign or (for a message) draft invoice.
const POST_MESSAGE_SQL = `
WITH inv AS (
  SELECT "id", "organizationId", "customerId" FROM "Invoice"
   WHERE "id" = $1
     AND ($2::text IS NULL OR "organizationId" = $2::text)
     AND ("status" <> 'DRAFT' OR $4::text = 'NOTE')
),
conv AS (
  INSERT INTO "Conversation" AS c ("id", "organizationId", "invoiceId", "customerId", "waitingSince",
    "lastMessageAt", "lastSeq", "customerDeliveredSeq", "customerReadSeq", "staffDeliveredSeq",
    "staffReadSeq", "assignedStaffId", "createdAt", "updatedAt")
  SELECT gen_random_uuid()::text, inv."organizationId", inv."id", inv."customerId",
    CASE WHEN $3::text = 'CUSTOMER' THEN $8::timestamp END, $8::timestamp, 1,
    CASE WHEN $3::text = 'CUSTOMER' THEN 1 ELSE 0 END,
    CASE WHEN $3::text = 'CUSTOMER' THEN 1 ELSE 0 END,
    CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE' THEN 1 ELSE 0 END,
    CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE' THEN 1 ELSE 0 END,
    CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE' THEN $5::text END,
    $8::timestamp, $8::timestamp
  FROM inv
  ON CONFLICT ("invoiceId") DO UPDATE SET
    "lastSeq" = c."lastSeq" + 1,
    "status" = CASE WHEN $3::text = 'CUSTOMER' THEN 'OPEN'::"ConversationStatus" ELSE c."status" END,
    "waitingSince" = CASE WHEN $3::text = 'CUSTOMER' THEN COALESCE(c."waitingSince", $8::timestamp)
                          WHEN $4::text = 'MESSAGE' THEN NULL ELSE c."waitingSince" END,
    "lastMessageAt" = CASE WHEN $4::text = 'MESSAGE' THEN $8::timestamp ELSE c."lastMessageAt" END,
    "customerDeliveredSeq" = CASE WHEN $3::text = 'CUSTOMER' THEN c."lastSeq" + 1 ELSE c."customerDeliveredSeq" END,
    "customerReadSeq" = CASE WHEN $3::text = 'CUSTOMER' THEN c."lastSeq" + 1 ELSE c."customerReadSeq" END,
    "staffDeliveredSeq" = CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE' THEN c."lastSeq" + 1 ELSE c."staffDeliveredSeq" END,
    "staffReadSeq" = CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE' THEN c."lastSeq" + 1 ELSE c."staffReadSeq" END,
    "assignedStaffId" = CASE WHEN $3::text = 'STAFF' AND $4::text = 'MESSAGE'
                             THEN COALESCE(c."assignedStaffId", $5::text) ELSE c."assignedStaffId" END,
    "updatedAt" = $8::timestamp
  RETURNING c."id", c."organizationId", c."lastSeq"
),
msg AS (
  INSERT INTO "ChatMessage" ("id", "organizationId", "conversationId", "seq", "kind", "authorType",
    "authorStaffId", "body", "clientMessageId", "createdAt")
  SELECT gen_random_uuid()::text, conv."organizationId", conv."id", conv."lastSeq",
    $4::text::"ChatMessageKind", $3::text::"ChatAuthorType", $5::text, $6::text, $7::text, $8::timestamp
  FROM conv
  RETURNING *
)
SELECT msg."id", msg."seq", msg."kind"::text AS "kind", msg."authorType"::text AS "authorType",
  msg."body", msg."clientMessageId", msg."createdAt", msg."conversationId", msg."organizationId",
  (SELECT s."name" FROM "StaffUser" s WHERE s."id" = msg."authorStaffId") AS "authorName"
FROM msg`;

async function earlierMessage(
  db: Db,
  invoiceId: string,
  clientMessageId: string,
  author: ChatAuthor,
): Promise<PostedChatMessage> {
  const earlier = await db.chatMessage.findFirst({
    where: { clientMessageId, conversation: { invoiceId } },
    select: {
      ...chatMessageSelect,
      conversationId: true,
      organizationId: true,
      authorStaffId: true,
    },
  });
  if (!earlier) throw new Error(`message ${clientMessageId} refused as a duplicate but not found`);
  // Only the sender's own message is "the same message again": anyone else's (above all a staff
  // note) is never handed out because a client chose its id.
  const sameSender =
    earlier.authorType === author.type &&
    (author.type !== "STAFF" || earlier.authorStaffId === author.staffId);
  if (!sameSender)
    throw new AppError("CONFLICT", "This clientMessageId is already in use; send with a new one");
  const { conversationId, organizationId, authorStaffId: _author, ...message } = earlier;
  return { message: toChatMessageView(message), conversationId, organizationId, duplicate: true };
}

/** Why no message was stored, in the words the sender should see. */
async function refusal(db: Db, invoiceId: string, author: ChatAuthor): Promise<AppError> {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { organizationId: true, status: true },
  });
  // Another organisation's invoice does not exist, as far as its staff can tell.
  if (!invoice || (author.type === "STAFF" && invoice.organizationId !== author.organizationId)) {
    return new AppError("NOT_FOUND", "No such invoice");
  }
  return new AppError("CONFLICT", "The customer cannot see a draft; write an internal note");
}
