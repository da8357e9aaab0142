import { z } from "zod";

/**
 * The events a billing system can subscribe to. Each is written to the outbox in the transaction
 * of the change it reports (lib/webhooks/outbox.ts), so an event is sent if and only if the
 * change happened.
 */
export const WEBHOOK_EVENT_TYPES = [
  "invoice.issued",
  "invoice.delivered",
  "invoice.delivery_failed",
  "invoice.viewed",
  "invoice.paid",
  "invoice.partially_paid",
  "invoice.overdue",
  "invoice.credited",
  "credit_note.issued",
  "payment.received",
  "payment.refunded",
  "offer.accepted",
  "survey.answered",
  "conversation.started",
  "reminder.sent",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by the console's and the API's "send a test event", to one endpoint. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES, {
  error: `an event type is one of ${WEBHOOK_EVENT_TYPES.join(", ")}`,
});

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "invoice.issued": "An invoice was issued (numbered, with OCR and the customer's link)",
  "invoice.delivered": "The invoice was sent to the customer (email or SMS)",
  "invoice.delivery_failed": "Sending the invoice failed for good (bounced or refused)",
  "invoice.viewed": "The customer opened the invoice page for the first time",
  "invoice.paid": "The invoice is paid in full",
  "invoice.partially_paid": "A payment left part of the invoice to pay",
  "invoice.overdue": "The invoice passed its last day to pay unpaid",
  "invoice.credited": "A credit note changed the invoice",
  "credit_note.issued": "A credit note was issued (it names the invoice it changes)",
  "payment.received": "A payment was booked on an invoice",
  "payment.refunded": "Money was paid back to the customer",
  "offer.accepted": "The customer accepted an offer on the invoice (e.g. a change of plan)",
  "survey.answered": "The customer answered a survey on the invoice",
  "conversation.started": "The customer wrote to support on the invoice for the first time",
  "reminder.sent": "A reminder was sent for the invoice",
};
