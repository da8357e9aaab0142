import type Stripe from "stripe";
import type { Db } from "@/lib/db/database";
import { isAppError } from "@/lib/errors/app-error";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { applyPaymentEvent } from "./payment-events";
import type { PaymentProvider } from "./payment-provider";
import { settleAfterProviderSuccess } from "./refund-credited-invoice";
import { envelopeFromStripeEvent, verifyStripeWebhook } from "./stripe-webhook";

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One Stripe webhook delivery, start to end. The signature is checked on the raw body before
 * anything is read from it; each event is applied once (see applyPaymentEvent); unknown types are
 * acknowledged and ignored. The answer decides whether Stripe delivers again: 2xx for done (or
 * never applicable), 5xx for "not yet" — a refund before its payment, or a late payment's refund
 * that failed — so its redelivery retries.
 */
export async function handleStripeWebhook(options: {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  provider: PaymentProvider;
  rawBody: string;
  signature: string | null;
}): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    event = verifyStripeWebhook(
      options.stripe,
      options.rawBody,
      options.signature,
      options.webhookSecret,
    );
  } catch {
    return {
      status: 400,
      body: { error: { code: "BAD_SIGNATURE", message: "Invalid signature" } },
    };
  }
  const envelope = envelopeFromStripeEvent(event);
  if (!envelope) return { status: 200, body: { received: true, outcome: "ignored" } };
  try {
    const applied = await applyPaymentEvent({ db: options.db, envelope });
    if (applied.outcome === "applied" && applied.invoiceId) {
      emitInvoiceChanged({
        invoiceId: applied.invoiceId,
        version: applied.version,
        kind: "payment",
      });
    }
    // Money that landed on an invoice credited meanwhile goes back to the customer — checked on
    // every delivery, so if the refund fails now, Stripe's redelivery tries it again.
    if (envelope.event.type === "succeeded") {
      try {
        await settleAfterProviderSuccess({
          db: options.db,
          providerPaymentId: envelope.providerPaymentId,
          provider: options.provider,
        });
      } catch (error) {
        console.error(
          "refund of a late payment failed; Stripe will redeliver",
          { eventId: event.id },
          error,
        );
        return {
          status: 503,
          body: { error: { code: "UNAVAILABLE", message: "Refund pending; retry" } },
        };
      }
    }
    return { status: 200, body: { received: true, outcome: applied.outcome } };
  } catch (error) {
    // Not yet applicable (e.g. a refund before its payment): nothing was claimed; deliver again.
    if (isAppError(error) && error.details?.retryable) {
      return { status: 503, body: { error: { code: error.code, message: error.message } } };
    }
    // Never applicable (e.g. another currency): acknowledged so Stripe stops resending it, and
    // logged for a person to look at.
    if (isAppError(error)) {
      console.warn("stripe event not applied", {
        eventId: event.id,
        type: event.type,
        reason: error.message,
      });
      return { status: 200, body: { received: true, outcome: "rejected", reason: error.message } };
    }
    console.error("stripe event failed", { eventId: event.id, type: event.type }, error);
    return { status: 500, body: { error: { code: "INTERNAL", message: "Try again" } } };
  }
}
