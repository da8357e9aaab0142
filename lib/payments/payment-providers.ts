import { getEnv } from "@/lib/env";
import { createDemoProvider } from "./demo-provider";
import type { PaymentProvider } from "./payment-provider";
import { createStripeClient, createStripeProvider } from "./stripe-provider";

/**
 * The process's provider: Stripe when its keys are configured, otherwise the demo provider. The
 * demo provider can never be active beside Stripe, so demo payments cannot exist on a live site.
 */
const providerKey = Symbol.for("nota.payment-provider");

export function getPaymentProvider(): PaymentProvider {
  const holder = globalThis as { [providerKey]?: PaymentProvider };
  if (!holder[providerKey]) {
    const env = getEnv();
    holder[providerKey] = env.STRIPE_SECRET_KEY
      ? createStripeProvider(createStripeClient({ secretKey: env.STRIPE_SECRET_KEY }))
      : createDemoProvider();
  }
  return holder[providerKey];
}

export function isDemoPaymentsEnabled(): boolean {
  return !getEnv().hasStripe;
}
