import type { WebhookEventInput } from "@/lib/webhooks/outbox";

/**
 * Which webhook events a timeline event is, with what the billing system needs to know. The
 * timeline writer calls this for every event it writes, so a change that writes its timeline
 * event writes its webhook events in the same transaction — no change can forget them.
 */
export function webhookEventsForTimeline(event: {
  organizationId: string;
  invoiceId: string;
  type: string;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}): WebhookEventInput[] {
  const data = event.data ?? {};
  const base = {
    organizationId: event.organizationId,
    invoiceId: event.invoiceId,
    occurredAt: event.occurredAt,
  };
  const pick = (...keys: string[]) =>
    Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key]]));
  switch (event.type) {
    case "ISSUED":
      return [{ ...base, type: "invoice.issued" }];
    case "SENT":
      return [{ ...base, type: "invoice.delivered", data: pick("channel", "deliveryId") }];
    case "DELIVERY_FAILED":
      return [
        { ...base, type: "invoice.delivery_failed", data: pick("channel", "deliveryId", "status") },
      ];
    case "OPENED":
      return [{ ...base, type: "invoice.viewed" }];
    case "PAYMENT_RECEIVED": {
      const payment = {
        amountOre: data.amountOre,
        method: data.method,
        ...(typeof data.overpaidOre === "number" ? { overpaidOre: data.overpaidOre } : {}),
      };
      const balance = typeof data.balanceOre === "number" ? data.balanceOre : null;
      return [
        { ...base, type: "payment.received", data: { payment } },
        balance !== null && balance <= 0
          ? { ...base, type: "invoice.paid", data: { payment } }
          : { ...base, type: "invoice.partially_paid", data: { payment } },
      ];
    }
    case "STATUS_CHANGED":
      return data.to === "OVERDUE" ? [{ ...base, type: "invoice.overdue" }] : [];
    case "CREDITED":
    case "COMPENSATION_CREDITED": {
      const creditNote = {
        id: data.creditNoteId,
        number: data.creditNoteNumber,
        creditedOre: data.creditedOre,
        ...(typeof data.mode === "string" ? { mode: data.mode } : {}),
      };
      return [
        { ...base, type: "invoice.credited", data: { creditNote } },
        {
          ...base,
          invoiceId: typeof data.creditNoteId === "string" ? data.creditNoteId : event.invoiceId,
          type: "credit_note.issued",
          data: { creditedInvoiceId: event.invoiceId },
        },
      ];
    }
    case "PAYMENT_REFUNDED":
      return [{ ...base, type: "payment.refunded", data: { refund: pick("amountOre", "status") } }];
    case "OFFER_ACCEPTED":
      return [
        {
          ...base,
          type: "offer.accepted",
          data: { offer: pick("acceptanceId", "planId", "planName", "effectiveFrom", "blockId") },
        },
      ];
    case "REMINDER_SENT":
      return [
        {
          ...base,
          type: "reminder.sent",
          data: pick("step", "channel", "feeOre", "feeKind", "interestOre", "payBy"),
        },
      ];
    default:
      return [];
  }
}
