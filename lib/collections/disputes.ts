import { z } from "zod";
import { endPause } from "@/lib/collections/pauses";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { saveInvoiceChange } from "@/lib/invoices/invoice-change";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * A customer who disputes their invoice is not chased while it is looked into: support marks the
 * conversation as a dispute, and collection steps wait (a DISPUTE pause, sourced by the
 * conversation) until support unmarks it or resolves the conversation; then the steps resume,
 * re-timed by the days they waited (engine.ts). Each change is on the customer's timeline
 * ("Vi har pausat påminnelser medan vi utreder din invändning.") with a new invoice version, and
 * asks for a collection run of the invoice, in the same transaction.
 */
export const setDisputeInputSchema = z.object({
  disputed: z.boolean({ error: "disputed must be true or false" }),
});

export interface DisputeChange {
  conversationId: string;
  invoiceId: string;
  disputed: boolean;
  /** False when the conversation already was as asked (nothing was written). */
  changed: boolean;
  /** The invoice's version after the change (unchanged when nothing was written). */
  version: number;
}

/** Marks or unmarks a conversation as the customer disputing its invoice: staff of its organisation. */
export async function setDispute(options: {
  db: Db;
  staff: { staffId: string; organizationId: string };
  conversationId: string;
  disputed: boolean;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
  now?: Date;
}): Promise<DisputeChange> {
  const { staff } = options;
  const today = options.today ?? todayInSweden();
  return options.db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: options.conversationId, organizationId: staff.organizationId },
      select: { id: true, invoiceId: true, organizationId: true, status: true },
    });
    if (!conversation) throw new AppError("NOT_FOUND", "No such conversation");
    // The invoice first, then the conversation (as every invoice change locks): the state read
    // below is the one this change acts on, even against a second click.
    await lockInvoiceForLedger(tx, conversation.invoiceId);
    const { disputedAt } = await tx.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      select: { disputedAt: true },
    });
    const actor: Actor = { type: "STAFF", ...staff };
    const unchanged = async () => ({
      conversationId: conversation.id,
      invoiceId: conversation.invoiceId,
      disputed: options.disputed,
      changed: false,
      version: (
        await tx.invoice.findUniqueOrThrow({
          where: { id: conversation.invoiceId },
          select: { version: true },
        })
      ).version,
    });
    if (!options.disputed) {
      if (!disputedAt) return unchanged();
      const version = await closeDispute(tx, { conversation, actor, today, now: options.now });
      return { ...(await unchanged()), changed: true, version: version! };
    }
    if (disputedAt) return unchanged();
    if (conversation.status === "RESOLVED") {
      throw new AppError(
        "CONFLICT",
        "The conversation is resolved; reopen it to mark the invoice as disputed",
      );
    }
    const now = options.now ?? new Date();
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { disputedAt: now },
    });
    await tx.collectionPause.create({
      data: {
        organizationId: conversation.organizationId,
        invoiceId: conversation.invoiceId,
        reason: "DISPUTE",
        startedOn: today,
        sourceId: conversation.id,
      },
    });
    const version = await saveInvoiceChange(tx, conversation.invoiceId, {});
    await recordInvoiceEvent(tx, {
      organizationId: conversation.organizationId,
      invoiceId: conversation.invoiceId,
      type: "DISPUTE_OPENED",
      visibility: "CUSTOMER",
      ...actorFields(actor),
      data: { conversationId: conversation.id },
      occurredAt: now,
    });
    await requestCollectionRun(tx, conversation.organizationId, [conversation.invoiceId]);
    return {
      conversationId: conversation.id,
      invoiceId: conversation.invoiceId,
      disputed: true,
      changed: true,
      version,
    };
  }, QUEUED_TRANSACTION);
}

/**
 * Ends a conversation's dispute, if it is one, in the caller's transaction (unmarking it, or
 * resolving the conversation): the pause ends today (steps may run again from today), the
 * customer's timeline says so, and a run of the invoice is asked for. Returns the invoice's new
 * version, or null when the conversation was no dispute.
 */
export async function closeDispute(
  tx: Prisma.TransactionClient,
  options: {
    conversation: { id: string; invoiceId: string; organizationId: string };
    actor: Actor;
    today?: Date;
    now?: Date;
  },
): Promise<number | null> {
  const { conversation } = options;
  const today = options.today ?? todayInSweden();
  const now = options.now ?? new Date();
  // The invoice before the conversation, as setDispute locks them.
  await lockInvoiceForLedger(tx, conversation.invoiceId);
  const { count } = await tx.conversation.updateMany({
    where: { id: conversation.id, disputedAt: { not: null } },
    data: { disputedAt: null },
  });
  if (count === 0) return null;
  await endPause(tx, conversation.id, today);
  const version = await saveInvoiceChange(tx, conversation.invoiceId, {});
  await recordInvoiceEvent(tx, {
    organizationId: conversation.organizationId,
    invoiceId: conversation.invoiceId,
    type: "DISPUTE_CLOSED",
    visibility: "CUSTOMER",
    ...actorFields(options.actor),
    data: { conversationId: conversation.id },
    occurredAt: now,
  });
  await requestCollectionRun(tx, conversation.organizationId, [conversation.invoiceId]);
  return version;
}
