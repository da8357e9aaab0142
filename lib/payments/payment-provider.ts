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

/** Where a refund stands at the provider. "pending" has not reached the customer yet. */
export type ProviderRefundStatus = "pending" | "succeeded" | "failed" | "canceled";

export interface ProviderRefund {
  providerRefundId: string;
  amountOre: number;
  status: ProviderRefundStatus;
  /** The provider's reason for a failure, for staff (never shown to the customer as it is). */
  failureReason: string | null;
}

export interface PaymentProvider {
  kind: PaymentProviderKind;
  createPayment(request: CreatePaymentRequest): Promise<CreatedPayment>;
  cancelPayment(providerPaymentId: string, idempotencyKey: string): Promise<void>;
  refund(request: RefundRequest): Promise<ProviderRefund>;
  /** Every refund of one payment as the provider sees it now (for events that do not list them). */
  listRefunds(providerPaymentId: string): Promise<ProviderRefund[]>;
}

/** A provider's refund status in our words; anything still moving (e.g. requires_action) is pending. */
export function refundStatusFrom(status: string | null | undefined): ProviderRefundStatus {
  return status === "succeeded" || status === "failed" || status === "canceled"
    ? status
    : "pending";
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
