import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CreatePaymentRequest,
  ProviderRejectedError,
  ProviderUnavailableError,
} from "@/lib/payments/payment-provider";
import { createStripeClient, createStripeProvider } from "@/lib/payments/stripe-provider";
import { type StripeStandIn, startStripeStandIn } from "@/tests/helpers/stripe-stand-in";

/**
 * The real Stripe SDK against a local stand-in: what goes over the wire (amounts in öre, SEK,
 * card + Swish, our metadata) and how idempotency keys make retries safe.
 */

let stand: StripeStandIn;
let provider: ReturnType<typeof createStripeProvider>;

beforeAll(async () => {
  stand = await startStripeStandIn();
  provider = createStripeProvider(
    createStripeClient({
      secretKey: "sk_test_nota",
      host: "127.0.0.1",
      port: stand.port,
      protocol: "http",
    }),
  );
});
afterAll(async () => stand?.close());
beforeEach(() => stand.recover());

function paymentRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const attemptId = randomUUID();
  return {
    attemptId,
    invoiceId: randomUUID(),
    organizationId: randomUUID(),
    invoiceNumber: 1042,
    amountOre: 12_500,
    currency: "SEK",
    method: "CARD",
    description: "Faktura 1042 – Testbolaget AB",
    idempotencyKey: `nota-payment-attempt-${attemptId}`,
    ...overrides,
  };
}

const requestsWithKey = (key: string) => stand.requests.filter((r) => r.idempotencyKey === key);

describe("createStripeProvider against the Stripe stand-in", () => {
  it("creates a PaymentIntent in öre and SEK for card and Swish, keyed by the caller's key", async () => {
    const request = paymentRequest();
    const created = await provider.createPayment(request);

    const [sent, ...others] = requestsWithKey(request.idempotencyKey);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({
      method: "POST",
      path: "/v1/payment_intents",
      authorization: "Bearer sk_test_nota",
      status: 200,
    });
    expect(sent!.params).toMatchObject({
      amount: "12500",
      currency: "sek",
      description: "Faktura 1042 – Testbolaget AB",
      metadata: {
        attempt_id: request.attemptId,
        invoice_id: request.invoiceId,
        organization_id: request.organizationId,
        invoice_number: "1042",
      },
    });
    expect(sent!.params.allowed_payment_method_types).toEqual(["card", "swish"]);
    expect(sent!.params).not.toHaveProperty("payment_method_types");
    expect(created.providerPaymentId).toMatch(/^pi_/);
    expect(created.clientSecret).toMatch(new RegExp(`^${created.providerPaymentId}_secret_`));
  });

  it("creates one PaymentIntent when called twice with the same key", async () => {
    const request = paymentRequest();
    const before = stand.paymentIntentCount();
    const first = await provider.createPayment(request);
    const second = await provider.createPayment(request);

    expect(second).toEqual(first);
    expect(stand.paymentIntentCount()).toBe(before + 1);
    expect(requestsWithKey(request.idempotencyKey).map((r) => r.replayed ?? false)).toEqual([
      false,
      true,
    ]);
  });

  it("creates one PaymentIntent when two calls with one key race while Stripe is slow", async () => {
    const request = paymentRequest();
    const before = stand.paymentIntentCount();
    stand.delayMs = 300;
    const [first, second] = await Promise.all([
      provider.createPayment(request),
      provider.createPayment(request),
    ]);

    expect(second).toEqual(first);
    expect(stand.paymentIntentCount()).toBe(before + 1);
    // The loser is told the key is in use (409) and the SDK retries it into a replay.
    expect(
      requestsWithKey(request.idempotencyKey).map((r) => [r.status, r.replayed ?? false]),
    ).toEqual([
      [200, false],
      [409, false],
      [200, true],
    ]);
  });

  it("creates distinct PaymentIntents for distinct keys", async () => {
    const first = await provider.createPayment(paymentRequest());
    const second = await provider.createPayment(paymentRequest());
    expect(second.providerPaymentId).not.toBe(first.providerPaymentId);
  });

  it.each([500, 503, 409] as const)(
    "retries a %i with the same idempotency key and creates the payment once",
    async (status) => {
      const request = paymentRequest();
      const before = stand.paymentIntentCount();
      stand.failNext(1, status);
      const created = await provider.createPayment(request);

      const sent = requestsWithKey(request.idempotencyKey);
      expect(sent.map((r) => [r.path, r.status])).toEqual([
        ["/v1/payment_intents", status],
        ["/v1/payment_intents", 200],
      ]);
      expect(sent[1]!.params).toEqual(sent[0]!.params);
      expect(created.providerPaymentId).toMatch(/^pi_/);
      expect(stand.paymentIntentCount()).toBe(before + 1);
    },
  );

  it("replays the created payment when the answer was lost on the way back", async () => {
    const request = paymentRequest();
    const before = stand.paymentIntentCount();
    stand.dropNext(1);
    const created = await provider.createPayment(request);

    // Stripe created it, the connection dropped, the SDK asked again with the same key.
    expect(requestsWithKey(request.idempotencyKey).map((r) => r.replayed ?? false)).toEqual([
      false,
      true,
    ]);
    expect(stand.paymentIntentCount()).toBe(before + 1);
    expect(created.providerPaymentId).toMatch(/^pi_/);
  });

  it("gives up with ProviderUnavailableError when Stripe keeps failing, having created nothing", async () => {
    const request = paymentRequest();
    const before = stand.paymentIntentCount();
    stand.failNext(Number.POSITIVE_INFINITY, 503);

    const error = await provider.createPayment(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toMatch(/PaymentIntent create failed/);
    // One try and maxNetworkRetries (2) retries, every one with the caller's key.
    expect(requestsWithKey(request.idempotencyKey).map((r) => r.status)).toEqual([503, 503, 503]);
    expect(stand.paymentIntentCount()).toBe(before);
  });

  it("refunds a PaymentIntent by its id and amount with the caller's key", async () => {
    const payment = await provider.createPayment(paymentRequest());
    stand.succeedPaymentIntent(payment.providerPaymentId);
    const key = `nota-refund-${randomUUID()}-from-0`;
    const refund = await provider.refund({
      providerPaymentId: payment.providerPaymentId,
      amountOre: 5_000,
      idempotencyKey: key,
      reason: "Fel kund",
    });
    const again = await provider.refund({
      providerPaymentId: payment.providerPaymentId,
      amountOre: 5_000,
      idempotencyKey: key,
      reason: "Fel kund",
    });

    expect(refund.providerRefundId).toMatch(/^re_/);
    expect(again).toEqual(refund);
    const [sent] = requestsWithKey(key);
    expect(sent).toMatchObject({ method: "POST", path: "/v1/refunds", status: 200 });
    expect(sent!.params).toMatchObject({
      payment_intent: payment.providerPaymentId,
      amount: "5000",
      reason: "requested_by_customer",
      metadata: { reason: "Fel kund" },
    });
    expect(stand.chargeFor(payment.providerPaymentId).amount_refunded).toBe(5_000);
  });

  it("reports a refund Stripe refuses as ProviderRejectedError (no point retrying) and records nothing", async () => {
    const payment = await provider.createPayment(paymentRequest());
    // Not yet paid: Stripe has no charge to refund.
    const error = await provider
      .refund({
        providerPaymentId: payment.providerPaymentId,
        amountOre: 100,
        idempotencyKey: `nota-refund-${randomUUID()}-from-0`,
        reason: "Fel kund",
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(stand.chargeFor(payment.providerPaymentId).amount_refunded).toBe(0);
  });

  it("cancels a PaymentIntent with the caller's key", async () => {
    const payment = await provider.createPayment(paymentRequest());
    const key = `nota-cancel-${randomUUID()}`;
    await provider.cancelPayment(payment.providerPaymentId, key);

    expect(requestsWithKey(key)).toEqual([
      expect.objectContaining({
        method: "POST",
        path: `/v1/payment_intents/${payment.providerPaymentId}/cancel`,
        status: 200,
      }),
    ]);
  });
});

describe("the Stripe stand-in itself", () => {
  it("answers unknown paths with Stripe's 404 error shape", async () => {
    const response = await fetch(`http://127.0.0.1:${stand.port}/v1/unknown`, {
      headers: { authorization: "Bearer sk_test_nota" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { type: "invalid_request_error", message: expect.stringMatching(/Unrecognized/) },
    });
  });

  it("refuses a reused key with other parameters, as Stripe does", async () => {
    const request = paymentRequest();
    await provider.createPayment(request);
    const error = await provider
      .createPayment({ ...request, amountOre: 1 })
      .catch((caught: unknown) => caught);
    // A 400 is Stripe saying no: not "try again later".
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(requestsWithKey(request.idempotencyKey).map((r) => r.status)).toEqual([200, 400]);
  });
});
