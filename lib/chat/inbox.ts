import { z } from "zod";
import { closeDispute } from "@/lib/collections/disputes";
import type { Db } from "@/lib/db/database";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";

export interface InboxConversation {
  id: string;
  invoiceId: string;
  invoiceNumber: number | null;
  customerName: string;
  status: "OPEN" | "RESOLVED";
  waitingSince: Date | null;
  lastMessageAt: Date;
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  /** Customer messages the staff side has not read yet. */
  unreadCount: number;
  lastMessagePreview: string | null;
}

export const inboxFilterSchema = z.enum(["open", "mine", "unassigned", "resolved"]).catch("open");
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

/**
 * The agent inbox: open conversations, the longest wait first (then those already answered, the
 * most recent first), with unread counts and who handles each. Internal notes are not previews.
 */
export async function listInbox(
  db: Db,
  options: { organizationId: string; staffId: string; filter?: InboxFilter; limit?: number },
): Promise<InboxConversation[]> {
  const filter = options.filter ?? "open";
  const limit = Math.min(options.limit ?? 100, 500);
  return db.$queryRawUnsafe<InboxConversation[]>(
    `SELECT c."id", c."invoiceId", i."number" AS "invoiceNumber", cu."name" AS "customerName",
            c."status"::text AS "status", c."waitingSince", c."lastMessageAt", c."assignedStaffId",
            s."name" AS "assignedStaffName",
            (SELECT count(*)::int FROM "ChatMessage" m
              WHERE m."conversationId" = c."id" AND m."authorType" = 'CUSTOMER'
                AND m."seq" > c."staffReadSeq") AS "unreadCount",
            (SELECT m."body" FROM "ChatMessage" m
              WHERE m."conversationId" = c."id" AND m."kind" = 'MESSAGE'
              ORDER BY m."seq" DESC LIMIT 1) AS "lastMessagePreview"
       FROM "Conversation" c
       JOIN "Invoice" i ON i."id" = c."invoiceId"
       JOIN "Customer" cu ON cu."id" = c."customerId"
       LEFT JOIN "StaffUser" s ON s."id" = c."assignedStaffId"
      WHERE c."organizationId" = $1
        AND c."status" = $2::"ConversationStatus"
        AND ($3::text IS NULL OR c."assignedStaffId" = $3::text)
        AND (NOT $4::boolean OR c."assignedStaffId" IS NULL)
      ORDER BY c."waitingSince" ASC NULLS LAST, c."lastMessageAt" DESC, c."id"
      LIMIT $5::int`,
    options.organizationId,
    filter === "resolved" ? "RESOLVED" : "OPEN",
    filter === "mine" ? options.staffId : null,
    filter === "unassigned",
    limit,
  );
}

export const conversationActionSchema = z.object({
  conversationId: z.uuid(),
  action: z.enum(["assign-to-me", "unassign", "resolve", "reopen"]),
});

/** Assign to me, unassign, resolve or reopen: staff of the conversation's organisation only. */
export async function updateConversation(options: {
  db: Db;
  input: z.output<typeof conversationActionSchema>;
  staff: { staffId: string; organizationId: string };
}): Promise<{
  conversationId: string;
  invoiceId: string;
  /** Set when resolving ended a dispute: the invoice's new version. */
  disputeClosedVersion: number | null;
}> {
  const { input } = options;
  const conversation = await options.db.conversation.findFirst({
    where: { id: input.conversationId, organizationId: options.staff.organizationId },
    select: { id: true, invoiceId: true, organizationId: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", "No such conversation");
  const data =
    input.action === "assign-to-me"
      ? { assignedStaffId: options.staff.staffId }
      : input.action === "unassign"
        ? { assignedStaffId: null }
        : input.action === "resolve"
          ? { status: "RESOLVED" as const, waitingSince: null }
          : { status: "OPEN" as const };
  const disputeClosedVersion = await options.db.$transaction(async (tx) => {
    // A resolved conversation is no open dispute: reminders resume (lib/collections/disputes.ts).
    const closed =
      input.action === "resolve"
        ? await closeDispute(tx, {
            conversation,
            actor: { type: "STAFF", ...options.staff },
          })
        : null;
    await tx.conversation.update({ where: { id: conversation.id }, data });
    return closed;
  }, QUEUED_TRANSACTION);
  return {
    conversationId: conversation.id,
    invoiceId: conversation.invoiceId,
    disputeClosedVersion,
  };
}
