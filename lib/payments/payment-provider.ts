import type { PaymentMethod, PaymentProviderKind } from "@/lib/db/generated/client";

/**
 * What Nota needs from a payment provider. Stripe in production, the demo provider when no Stripe
 * key is configured; both report outcomes as the same normalised events (payment-events.ts).
 * Every call carries an idempotency key derived from our own ids, so a retried call cannot
 * charge or refund twice.
 */
export interface CreatePaymentRequest {
  attemptId: string;
  invoiceId: string;
  organizationId: string;
  invoiceNumber: number | null;
  amountOre: number;
  currency: "SEK";
  method: PaymentMethod;
  description: string;
  idempotencyKey: string;
}

export interface CreatedPayment {
  providerPaymentId: string;
  /** For the browser to confirm the payment (Stripe's PaymentIntent client secret). */
  clientSecret: string | null;
}

export interface RefundRequest {
  providerPaymentId: string;
  amountOre: number;
  idempotencyKey: string;
  reason: string;
}

export interface PaymentProvider {
  kind: PaymentProviderKind;
  createPayment(request: CreatePaymentRequest): Promise<CreatedPayment>;
  cancelPayment(providerPaymentId: string, idempotencyKey: string): Promise<void>;
  refund(request: RefundRequest): Promise<{ providerRefundId: string }>;
}

/** The provider's reply did not come, or came as an error: nothing may be assumed recorded. */
export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProviderUnavailableError";
  }
}

/** The provider answered and refused (a request that will never succeed as it is). */
export class ProviderRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProviderRejectedError";
  }
}
