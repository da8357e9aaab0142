import { createHash } from "node:crypto";
import type { PaymentProvider } from "@/lib/payments/payment-provider";

/**
 * The embedded demo's provider: no money moves. Payments are completed or declined by the visitor
 * on the invoice page, which sends the same normalised events a Stripe webhook would. Ids are
 * derived from the idempotency key, so a repeated call answers with the same payment or refund.
 * A demo refund succeeds at once and is reported in full by refund()'s answer, so the demo
 * provider has no later refund news to list.
 */
export function createDemoProvider(): PaymentProvider {
  const idFor = (prefix: string, key: string) =>
    `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
  return {
    kind: "DEMO",
    async createPayment(request) {
      return { providerPaymentId: idFor("demo_pi", request.idempotencyKey), clientSecret: null };
    },
    async cancelPayment() {},
    async refund(request) {
      return {
        providerRefundId: idFor("demo_re", request.idempotencyKey),
        amountOre: request.amountOre,
        status: "succeeded",
        failureReason: null,
      };
    },
    async listRefunds() {
      return [];
    },
  };
}
