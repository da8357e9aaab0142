import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import { requirePaymentProvider } from "@/lib/payments/payment-providers";
import { settleAfterProviderSuccess } from "@/lib/payments/refund-credited-invoice";
import { createStripeClient } from "@/lib/payments/stripe-provider";
import { envelopeFromStripeEvent, verifyStripeWebhook } from "@/lib/payments/stripe-webhook";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

const WEBHOOK_MAX_BYTES = 512 * 1024;

/**
 * Stripe's webhook: the signature is checked on the raw body before anything is read from it;
 * each event is applied once (see applyPaymentEvent); unknown types are acknowledged and ignored.
 */
export async function POST(request: Request) {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    return NextResponse.json(
      { error: { code: "NOT_FOUND", message: "Stripe is not configured" } },
      { status: 404 },
    );
  }
  // Stripe's events are a few kB; anything far larger is not Stripe and is not read.
  if (Number(request.headers.get("content-length") ?? 0) > WEBHOOK_MAX_BYTES) {
    return NextResponse.json(
      { error: { code: "TOO_LARGE", message: "Payload too large" } },
      { status: 413 },
    );
  }
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > WEBHOOK_MAX_BYTES) {
    return NextResponse.json(
      { error: { code: "TOO_LARGE", message: "Payload too large" } },
      { status: 413 },
    );
  }
  let event: ReturnType<typeof verifyStripeWebhook>;
  try {
    event = verifyStripeWebhook(
      createStripeClient({ secretKey: env.STRIPE_SECRET_KEY }),
      rawBody,
      request.headers.get("stripe-signature"),
      env.STRIPE_WEBHOOK_SECRET,
    );
  } catch {
    return NextResponse.json(
      { error: { code: "BAD_SIGNATURE", message: "Invalid signature" } },
      { status: 400 },
    );
  }
  const envelope = envelopeFromStripeEvent(event);
  if (!envelope) return NextResponse.json({ received: true, outcome: "ignored" });
  try {
    const applied = await applyPaymentEvent({ db: await getDb(), envelope });
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
      const settled = await settleAfterProviderSuccess({
        db: await getDb(),
        providerPaymentId: envelope.providerPaymentId,
        provider: requirePaymentProvider(),
      }).then(
        () => true,
        (error: unknown) => {
          console.error(
            "refund of a late payment failed; Stripe will redeliver",
            { eventId: event.id },
            error,
          );
          return false;
        },
      );
      if (!settled) {
        return NextResponse.json(
          { error: { code: "UNAVAILABLE", message: "Refund pending; retry" } },
          { status: 503 },
        );
      }
    }
    return NextResponse.json({ received: true, outcome: applied.outcome });
  } catch (error) {
    // Not yet applicable (e.g. a refund before its payment): answer with an error so Stripe
    // delivers it again later; nothing was claimed.
    if (isAppError(error) && error.details?.retryable) {
      return NextResponse.json(
        { error: { code: error.code, message: error.message } },
        { status: 503 },
      );
    }
    // An event we will never be able to apply (e.g. another currency) is acknowledged so Stripe
    // stops resending it; it is logged for a person to look at.
    if (isAppError(error)) {
      console.warn("stripe event not applied", {
        eventId: event.id,
        type: event.type,
        reason: error.message,
      });
      return NextResponse.json({ received: true, outcome: "rejected", reason: error.message });
    }
    console.error("stripe event failed", { eventId: event.id, type: event.type }, error);
    return NextResponse.json(
      { error: { code: "INTERNAL", message: "Try again" } },
      { status: 500 },
    );
  }
}
