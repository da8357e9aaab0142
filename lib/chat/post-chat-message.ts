import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { type ChatAuthor, clientMessageIdSchema, messageBodySchema } from "./chat-input";
import { type ChatMessageView, chatMessageSelect, toChatMessageView } from "./chat-message-view";

export const postChatMessageSchema = z.object({
  invoiceId: z.uuid(),
  body: messageBodySchema,
  kind: z.enum(["MESSAGE", "NOTE"]).default("MESSAGE"),
  clientMessageId: clientMessageIdSchema.optional(),
});
export type PostChatMessageInput = z.input<typeof postChatMessageSchema>;

export interface PostedChatMessage {
  message: ChatMessageView;
  conversationId: string;
  organizationId: string;
  /** True when this was a resend of a message already stored (same clientMessageId). */
  duplicate: boolean;
}

/**
 * Stores one chat message on an invoice's conversation (creating it on the first message) and
 * only then may it be broadcast. The conversation row is locked while the next sequence number is
 * taken, so messages are numbered without gaps or twins even when both sides write at once.
 */
export async function postChatMessage(options: {
  db: Db;
  input: PostChatMessageInput;
  author: ChatAuthor;
  now?: Date;
}): Promise<PostedChatMessage> {
  const input = parseInput(postChatMessageSchema, options.input);
  const { author } = options;
  if (author.type === "CUSTOMER" && input.kind === "NOTE") {
    throw new AppError("FORBIDDEN", "Only support staff can write internal notes");
  }
  const now = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({
      where: { id: input.invoiceId },
      select: { id: true, organizationId: true, customerId: true, status: true },
    });
    // Another organisation's invoice does not exist, as far as its staff can tell.
    if (!invoice || (author.type === "STAFF" && invoice.organizationId !== author.organizationId)) {
      throw new AppError("NOT_FOUND", "No such invoice");
    }
    if (invoice.status === "DRAFT" && input.kind === "MESSAGE") {
      throw new AppError("CONFLICT", "The customer cannot see a draft; write an internal note");
    }
    await tx.conversation.createMany({
      data: [
        {
          organizationId: invoice.organizationId,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          lastMessageAt: now,
        },
      ],
      skipDuplicates: true,
    });
    const [locked] = await tx.$queryRaw<
      Array<{ id: string; waitingSince: Date | null; assignedStaffId: string | null }>
    >`SELECT "id", "waitingSince", "assignedStaffId" FROM "Conversation"
      WHERE "invoiceId" = ${invoice.id} FOR UPDATE`;
    if (!locked) throw new Error(`conversation of invoice ${invoice.id} vanished while locked`);
    const conversation = locked;
    if (input.clientMessageId) {
      const earlier = await tx.chatMessage.findUnique({
        where: {
          conversationId_clientMessageId: {
            conversationId: conversation.id,
            clientMessageId: input.clientMessageId,
          },
        },
        select: chatMessageSelect,
      });
      if (earlier) {
        return {
          message: toChatMessageView(earlier),
          conversationId: conversation.id,
          organizationId: invoice.organizationId,
          duplicate: true,
        };
      }
    }
    const { lastSeq: seq } = await tx.conversation.update({
      where: { id: conversation.id },
      data: { lastSeq: { increment: 1 } },
      select: { lastSeq: true },
    });
    const message = await tx.chatMessage.create({
      data: {
        organizationId: invoice.organizationId,
        conversationId: conversation.id,
        seq,
        kind: input.kind,
        authorType: author.type,
        authorStaffId: author.type === "STAFF" ? author.staffId : null,
        body: input.body,
        clientMessageId: input.clientMessageId ?? null,
        createdAt: now,
      },
      select: chatMessageSelect,
    });
    await tx.conversation.update({
      where: { id: conversation.id },
      data:
        author.type === "CUSTOMER"
          ? {
              // A customer writing again reopens the conversation and keeps the oldest wait.
              status: "OPEN",
              waitingSince: conversation.waitingSince ?? now,
              lastMessageAt: now,
              customerDeliveredSeq: seq,
              customerReadSeq: seq,
            }
          : input.kind === "NOTE"
            ? // A note is not a reply: the customer still waits, and read marks come from reading.
              {}
            : {
                // An answer ends the wait; the first agent to answer takes the conversation.
                waitingSince: null,
                lastMessageAt: now,
                staffDeliveredSeq: seq,
                staffReadSeq: seq,
                assignedStaffId: conversation.assignedStaffId ?? author.staffId,
              },
    });
    return {
      message: toChatMessageView(message),
      conversationId: conversation.id,
      organizationId: invoice.organizationId,
      duplicate: false,
    };
  });
}
