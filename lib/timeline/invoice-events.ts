import type { ActorType, EventVisibility, Prisma } from "@/lib/db/generated/client";
import { recordWebhookEvents } from "@/lib/webhooks/outbox";
import { webhookEventsForTimeline } from "@/lib/webhooks/timeline-webhooks";

/** Timeline event types. Customer-visible ones are shown on the invoice page. */
export const INVOICE_EVENT_TYPES = [
  "CREATED",
  "ISSUED",
  "SENT",
  "OPENED",
  /**
   * Customer: a collection step was taken (data: step courtesy | reminder | final_reminder |
   * collection_handover, channel, actionId, amountDueOre, feeOre, feeKind, interestOre,
   * interestFrom, interestThrough, interestRateBasisPoints, payBy).
   */
  "REMINDER_SENT",
  "PAYMENT_RECEIVED",
  /** Customer: a refund was asked for (data: amountOre, status PENDING | SUCCEEDED, balanceOre). */
  "PAYMENT_REFUNDED",
  "PAYMENT_FAILED",
  "PAYMENT_CANCELED",
  "CREDITED",
  "CREDIT_NOTE_ISSUED",
  "STATUS_CHANGED",
  "ACCESS_LINK_RENEWED",
  "OFFER_ACCEPTED",
  /** Staff-only: a draft's lines were replaced (data: before/after line count and total). */
  "LINES_EDITED",
  /** Customer: a goodwill credit note (data: creditNoteNumber, creditedOre). */
  "COMPENSATION_CREDITED",
  /** Customer: more time to pay (data: previousDueDate, dueDate). */
  "RESPITE_GRANTED",
  /** Staff-only twin of RESPITE_GRANTED carrying the internal reason. */
  "DUE_DATE_CHANGED",
  /** Customer: a reminder fee was taken off (data: amountOre). */
  "FEE_WAIVED",
  /** Staff-only twin of FEE_WAIVED carrying the ledger entries and the internal reason. */
  "FEE_WAIVER_BOOKED",
  /** Staff-only: support's answer was emailed to the customer (data: messageId). */
  "REPLY_EMAILED",
  /** Staff-only, on the credit note: its customer was emailed about it with a link of its own. */
  "CREDIT_NOTE_EMAILED",
  /** Staff-only: an agent revoked every link of the invoice (data: revoked, reason). */
  "ACCESS_LINK_REVOKED",
  /** Staff-only: a new link was mailed to the customer (data: reason renewed | expired). */
  "ACCESS_LINK_SENT",
  /** Customer: a pending refund was paid out (data: refundId, amountOre). */
  "REFUND_COMPLETED",
  /** Customer: a refund failed and its amount is their credit again (data: amountOre, balanceOre). */
  "REFUND_FAILED",
  /** Staff-only twin of REFUND_FAILED carrying the provider's reason. */
  "REFUND_FAILURE_NOTED",
  /** Customer: the invoice could not be delivered (data: channel, deliveryId, status). */
  "DELIVERY_FAILED",
  /** Customer: the customer agreed to pay in parts (data: planId, parts [{dueDate, amountOre, ocr}], feeOre). */
  "PAYMENT_PLAN_AGREED",
  /** Customer: a payment plan ended (data: planId, status COMPLETED | BROKEN | CANCELLED). */
  "PAYMENT_PLAN_ENDED",
  /** Customer: support marked the conversation as a dispute; steps wait (data: conversationId). */
  "DISPUTE_OPENED",
  /** Customer: the dispute was settled; steps resume, re-timed (data: conversationId). */
  "DISPUTE_CLOSED",
  /**
   * Staff-only: the customer was emailed a confirmation of a choice they made on their page
   * (data: kind respite | payment-plan).
   */
  "COLLECTION_CHOICE_EMAILED",
  /** Staff-only: a collection letter was marked printed and posted (data: actionId, step). */
  "LETTER_PRINTED",
] as const;
export type InvoiceEventType = (typeof INVOICE_EVENT_TYPES)[number];

export interface InvoiceEventInput {
  organizationId: string;
  invoiceId: string;
  type: InvoiceEventType;
  visibility: EventVisibility;
  actorType?: ActorType;
  actorStaffId?: string | null;
  customerText?: string | null;
  data?: Prisma.InputJsonObject;
  occurredAt?: Date;
}

/**
 * Writes a timeline event; always called with the transaction that made the change. The webhook
 * events it stands for (lib/webhooks/timeline-webhooks.ts) go to the outbox in the same
 * transaction.
 */
export async function recordInvoiceEvent(
  tx: Prisma.TransactionClient,
  event: InvoiceEventInput,
): Promise<void> {
  await recordWebhookEvents(tx, webhookEventsForTimeline(event));
  await tx.invoiceEvent.create({
    data: {
      organizationId: event.organizationId,
      invoiceId: event.invoiceId,
      type: event.type,
      visibility: event.visibility,
      actorType: event.actorType ?? "SYSTEM",
      actorStaffId: event.actorStaffId ?? null,
      customerText: event.customerText ?? null,
      data: event.data ?? {},
      occurredAt: event.occurredAt,
    },
  });
}

/**
 * Writes many timeline events (and their webhook events) of one organisation in a fixed number of
 * statements: a run that touches thousands of invoices at once.
 */
export async function recordInvoiceEvents(
  tx: Prisma.TransactionClient,
  events: readonly InvoiceEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await recordWebhookEvents(tx, events.flatMap(webhookEventsForTimeline));
  await tx.invoiceEvent.createMany({
    data: events.map((event) => ({
      organizationId: event.organizationId,
      invoiceId: event.invoiceId,
      type: event.type,
      visibility: event.visibility,
      actorType: event.actorType ?? "SYSTEM",
      actorStaffId: event.actorStaffId ?? null,
      customerText: event.customerText ?? null,
      data: event.data ?? {},
      occurredAt: event.occurredAt,
    })),
  });
}
