import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";
import { requirePaymentProvider } from "@/lib/payments/payment-providers";
import { createStripeClient } from "@/lib/payments/stripe-provider";

export const dynamic = "force-dynamic";

// Stripe's events are a few kB; anything far larger is not Stripe and is not read.
const WEBHOOK_MAX_BYTES = 512 * 1024;
const tooLarge = () =>
  NextResponse.json(
    { error: { code: "TOO_LARGE", message: "Payload too large" } },
    { status: 413 },
  );

/** Stripe's webhook: the raw body goes to lib/payments/handle-stripe-webhook.ts. */
export async function POST(request: Request) {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    return NextResponse.json(
      { error: { code: "NOT_FOUND", message: "Stripe is not configured" } },
      { status: 404 },
    );
  }
  if (Number(request.headers.get("content-length") ?? 0) > WEBHOOK_MAX_BYTES) return tooLarge();
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > WEBHOOK_MAX_BYTES) return tooLarge();
  const answer = await handleStripeWebhook({
    db: await getDb(),
    stripe: createStripeClient({ secretKey: env.STRIPE_SECRET_KEY }),
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    provider: requirePaymentProvider(),
    rawBody,
    signature: request.headers.get("stripe-signature"),
  });
  return NextResponse.json(answer.body, { status: answer.status });
}
