import Stripe from "stripe";
import {
  type PaymentProvider,
  type ProviderRefund,
  ProviderRejectedError,
  ProviderUnavailableError,
  refundStatusFrom,
} from "@/lib/payments/payment-provider";

export interface StripeConnection {
  secretKey: string;
  /** Tests point the real SDK at a local stand-in server. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
}

export function createStripeClient(connection: StripeConnection): Stripe {
  return new Stripe(connection.secretKey, {
    host: connection.host,
    port: connection.port,
    protocol: connection.protocol,
    // The SDK retries network failures with the same idempotency key: safe, never a second charge.
    maxNetworkRetries: 2,
    timeout: 10_000,
    appInfo: { name: "Nota" },
  });
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // A 4xx other than a conflict or a rate limit is Stripe saying no: retrying will not help.
    // Everything else (network, timeouts, 5xx, 409, 429) may pass on a later try.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500 && status !== 409 && status !== 429) {
      throw new ProviderRejectedError(`Stripe ${what} refused: ${(error as Error).message}`, {
        cause: error,
      });
    }
    throw new ProviderUnavailableError(`Stripe ${what} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Card and Swish through Stripe PaymentIntents in SEK; the outcome arrives by webhook. */
export function createStripeProvider(stripe: Stripe): PaymentProvider {
  return {
    kind: "STRIPE",
    async createPayment(request) {
      const intent = await call("PaymentIntent create", () =>
        stripe.paymentIntents.create(
          {
            amount: request.amountOre,
            currency: "sek",
            allowed_payment_method_types: ["card", "swish"],
            description: request.description,
            metadata: {
              attempt_id: request.attemptId,
              invoice_id: request.invoiceId,
              organization_id: request.organizationId,
              invoice_number: String(request.invoiceNumber ?? ""),
            },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      return { providerPaymentId: intent.id, clientSecret: intent.client_secret };
    },
    async cancelPayment(providerPaymentId, idempotencyKey) {
      await call("PaymentIntent cancel", () =>
        stripe.paymentIntents.cancel(providerPaymentId, {}, { idempotencyKey }),
      );
    },
    async refund(request) {
      const refund = await call("refund", () =>
        stripe.refunds.create(
          {
            payment_intent: request.providerPaymentId,
            amount: request.amountOre,
            reason: "requested_by_customer",
            metadata: { reason: request.reason.slice(0, 400) },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      return refundFromStripe(refund);
    },
    async listRefunds(providerPaymentId) {
      const refunds: ProviderRefund[] = [];
      // Auto-paginated: a payment refunded in many parts is read to its last refund.
      await call("refund list", () =>
        stripe.refunds
          .list({ payment_intent: providerPaymentId, limit: 100 })
          .autoPagingEach((refund) => {
            refunds.push(refundFromStripe(refund));
          }),
      );
      return refunds;
    },
  };
}

/** A Stripe Refund object (from a reply or an event) in our words. */
export function refundFromStripe(refund: Stripe.Refund): ProviderRefund {
  return {
    providerRefundId: refund.id,
    amountOre: refund.amount,
    status: refundStatusFrom(refund.status),
    failureReason: refund.failure_reason ?? null,
  };
}
