import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, problemResponse, readBodyText } from "@/lib/http/api-response";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";
import { requirePaymentProvider } from "@/lib/payments/payment-providers";
import { createStripeClient } from "@/lib/payments/stripe-provider";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

// Stripe's events are a few kB; anything far larger is not Stripe and is not read.
const WEBHOOK_MAX_BYTES = 512 * 1024;

/**
 * Stripe's webhook: the raw body goes to lib/payments/handle-stripe-webhook.ts; what it committed
 * is announced to the invoice's open pages here, whatever the answer to Stripe.
 */
export async function POST(request: Request) {
  try {
    // Read (bounded) first: whatever else is wrong, an oversized body is 413 and never read whole.
    const rawBody = await readBodyText(request, WEBHOOK_MAX_BYTES);
    const env = getEnv();
    if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
      throw new AppError("NOT_FOUND", "Stripe is not configured");
    }
    const answer = await handleStripeWebhook({
      db: await getDb(),
      stripe: createStripeClient({ secretKey: env.STRIPE_SECRET_KEY }),
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      provider: requirePaymentProvider(),
      rawBody,
      signature: request.headers.get("stripe-signature"),
    });
    for (const change of answer.changes) emitInvoiceChanged(change);
    return answer.problem
      ? problemResponse(answer.problem)
      : NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    return errorResponse(error, { route: "stripe webhook" });
  }
}
