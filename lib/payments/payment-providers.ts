import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { createStripeClient, createStripeProvider } from "@/lib/payments/stripe-provider";

/**
 * The process's provider: Stripe when its keys are configured, the demo provider when demo
 * payments are on (never beside Stripe, so demo money cannot exist on a live site), or none —
 * then invoices are paid by bank transfer only.
 */
const providerKey = Symbol.for("nota.payment-provider");

export function getPaymentProvider(): PaymentProvider | null {
  const holder = globalThis as { [providerKey]?: PaymentProvider | null };
  if (holder[providerKey] === undefined) {
    const env = getEnv();
    holder[providerKey] = env.STRIPE_SECRET_KEY
      ? createStripeProvider(createStripeClient({ secretKey: env.STRIPE_SECRET_KEY }))
      : env.demoPayments
        ? createDemoProvider()
        : null;
  }
  return holder[providerKey];
}

/** For routes that can only work with a provider (webhook, demo completion, payment start). */
export function requirePaymentProvider(): PaymentProvider {
  const provider = getPaymentProvider();
  if (!provider) {
    throw new AppError(
      "CONFLICT",
      "Card and Swish payments are not available here; please pay by bank transfer.",
    );
  }
  return provider;
}

export function isDemoPaymentsEnabled(): boolean {
  return getEnv().demoPayments;
}
