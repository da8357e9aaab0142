import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import { getPaymentProvider } from "@/lib/payments/payment-providers";
import { settleLatePayment } from "@/lib/payments/refund-credited-invoice";
import { createStripeClient } from "@/lib/payments/stripe-provider";
import { envelopeFromStripeEvent, verifyStripeWebhook } from "@/lib/payments/stripe-webhook";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

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
  const rawBody = await request.text();
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
      // Money that landed on an invoice credited meanwhile goes back to the customer.
      if (applied.status === "CREDITED") {
        await settleLatePayment({
          db: await getDb(),
          invoiceId: applied.invoiceId,
          provider: getPaymentProvider(),
        }).catch((error) =>
          console.error(
            "refund of a late payment failed; it stays as credit",
            { eventId: event.id },
            error,
          ),
        );
      }
    }
    return NextResponse.json({ received: true, outcome: applied.outcome });
  } catch (error) {
    // An event we will never be able to apply (wrong currency, a credited invoice) is acknowledged
    // so Stripe stops resending it; it is logged for a person to look at.
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
