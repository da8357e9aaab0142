import type Stripe from "stripe";
import type { ProviderEventEnvelope } from "@/lib/payments/payment-events";
import { refundFromStripe } from "@/lib/payments/stripe-provider";

/** Stripe's signature check allows this much clock difference (and replay window). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function verifyStripeWebhook(
  stripe: Stripe,
  rawBody: string,
  signature: string | null,
  secret: string,
): Stripe.Event {
  if (!signature) throw new Error("missing Stripe-Signature header");
  return stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
}

function paymentIntentId(value: string | Stripe.PaymentIntent | null): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/**
 * Translates the Stripe events we act on into our own payment events; any other type is
 * acknowledged and ignored (null).
 */
export function envelopeFromStripeEvent(event: Stripe.Event): ProviderEventEnvelope | null {
  const occurredAt = new Date(event.created * 1000);
  const base = { provider: "STRIPE" as const, eventId: event.id, occurredAt };
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.processing":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled": {
      const intent = event.data.object;
      const envelope = {
        ...base,
        providerPaymentId: intent.id,
        attemptId: intent.metadata?.attempt_id ?? null,
      };
      if (event.type === "payment_intent.succeeded") {
        return {
          ...envelope,
          event: {
            type: "succeeded",
            amountOre: intent.amount_received,
            currency: intent.currency,
          },
        };
      }
      if (event.type === "payment_intent.processing")
        return { ...envelope, event: { type: "processing" } };
      if (event.type === "payment_intent.canceled")
        return { ...envelope, event: { type: "canceled" } };
      return {
        ...envelope,
        event: { type: "failed", message: intent.last_payment_error?.message ?? null },
      };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const intentId = paymentIntentId(charge.payment_intent);
      if (!intentId) return null;
      const listed = charge.refunds?.data ?? [];
      // Newer API versions leave the refund list out of the event: then the refunds, each with
      // its own status, are asked for from Stripe before the event is applied.
      return {
        ...base,
        providerPaymentId: intentId,
        event: {
          type: "refunded",
          refunds: listed.map(refundFromStripe),
          listRefunds: listed.length === 0 || Boolean(charge.refunds?.has_more),
        },
      };
    }
    // One refund, as it is created and as its status moves (pending → succeeded, or → failed).
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
    case "charge.refund.updated": {
      const refund = event.data.object;
      const intentId = paymentIntentId(refund.payment_intent);
      if (!intentId) return null;
      return {
        ...base,
        providerPaymentId: intentId,
        event: { type: "refunded", refunds: [refundFromStripe(refund)] },
      };
    }
    default:
      return null;
  }
}
