import type Stripe from "stripe";
import type { ProviderEventEnvelope } from "@/lib/payments/payment-events";

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
      // Newer API versions leave the refund list out of the event; then the cumulative refunded
      // amount, keyed by itself, records only what is new beyond what is already recorded.
      const refunds = listed.length
        ? listed.map((refund) => ({ providerRefundId: refund.id, amountOre: refund.amount }))
        : [
            {
              providerRefundId: `${charge.id}:refunded-total:${charge.amount_refunded}`,
              cumulativeOre: charge.amount_refunded,
            },
          ];
      return { ...base, providerPaymentId: intentId, event: { type: "refunded", refunds } };
    }
    default:
      return null;
  }
}
