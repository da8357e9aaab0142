import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { startPayment } from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import { envelopeFromStripeEvent, verifyStripeWebhook } from "@/lib/payments/stripe-webhook";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import {
  createStandInClient,
  type StripeStandIn,
  startStripeStandIn,
  stripeEvent,
} from "@/tests/helpers/stripe-stand-in";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Refunds made in Stripe (e.g. from its dashboard) reach us as charge.refunded, through the
 * webhook's exact path: with the refund list (older API versions) or only the running total.
 */

const WEBHOOK_SECRET = "whsec_test_nota";
let db: TestDatabase;
let stand: StripeStandIn;
let client: Stripe;
let stripe: PaymentProvider;

beforeAll(async () => {
  db = await createTestDatabase();
  stand = await startStripeStandIn();
  client = createStandInClient(stand);
  stripe = createStripeProvider(client);
});
afterAll(async () => {
  await stand?.close();
  await db?.close();
});

async function deliver(event: Stripe.Event) {
  const payload = JSON.stringify(event);
  const header = client.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const envelope = envelopeFromStripeEvent(
    verifyStripeWebhook(client, payload, header, WEBHOOK_SECRET),
  );
  return envelope ? applyPaymentEvent({ db: db.prisma, envelope }) : null;
}

/** A fresh 125,00 kr invoice paid in full by card, confirmed by Stripe's webhook. */
async function paidByCard() {
  const org = await createOrganization(db.prisma);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  const started = await startPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    input: { amountOre: invoice.totalOre, method: "CARD" },
    provider: stripe,
  });
  const { providerPaymentId } = await db.prisma.paymentAttempt.findUniqueOrThrow({
    where: { id: started.attemptId },
  });
  const intentId = providerPaymentId!;
  await deliver(stripeEvent("payment_intent.succeeded", stand.succeedPaymentIntent(intentId)));
  /** Someone refunds in Stripe's dashboard; Stripe tells us by webhook. */
  const refundInStripe = (amountOre: number) =>
    stripe.refund({
      providerPaymentId: intentId,
      amountOre,
      idempotencyKey: `dashboard-${started.attemptId}-${amountOre}`,
      reason: "Reklamation",
    });
  return { invoiceId: invoice.id, attemptId: started.attemptId, intentId, refundInStripe };
}

async function stateOf(invoiceId: string) {
  const invoice = await db.prisma.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { status: true },
  });
  return {
    status: invoice.status,
    balanceOre: balanceOre(await getLedgerSums(db.prisma, invoiceId)),
    refunds: await db.prisma.ledgerEntry.findMany({
      where: { invoiceId, kind: "REFUND" },
      orderBy: { externalRef: "asc" },
      select: { amountOre: true, externalRef: true },
    }),
    refundedEvents: await db.prisma.invoiceEvent.findMany({
      where: { invoiceId, type: "PAYMENT_REFUNDED" },
      orderBy: { occurredAt: "asc" },
      select: { visibility: true, data: true },
    }),
  };
}

describe(`charge.refunded from Stripe (${testDatabaseKind})`, () => {
  it("records a refund from the event's refund list once and reopens the invoice", async () => {
    const payment = await paidByCard();
    const { providerRefundId } = await payment.refundInStripe(5_000);
    const event = stripeEvent("charge.refunded", stand.chargeFor(payment.intentId));
    expect(await deliver(event)).toMatchObject({ outcome: "applied" });

    const after = await stateOf(payment.invoiceId);
    expect(after).toEqual({
      status: "OPEN",
      balanceOre: 5_000,
      refunds: [{ amountOre: 5_000, externalRef: providerRefundId }],
      refundedEvents: [{ visibility: "CUSTOMER", data: { amountOre: 5_000, balanceOre: 5_000 } }],
    });
    expect(await deliver(event)).toEqual({ outcome: "duplicate" });
    // The same list under a new event id changes nothing either.
    const again = stripeEvent("charge.refunded", stand.chargeFor(payment.intentId));
    expect(await deliver(again)).toMatchObject({ outcome: "ignored" });
    expect(await stateOf(payment.invoiceId)).toEqual(after);
  });

  it("records refunds known only by their running total: 3000, then 5000, as 3000 + 2000", async () => {
    const payment = await paidByCard();
    const totalOnly = () =>
      stripeEvent("charge.refunded", stand.chargeFor(payment.intentId, { withRefundList: false }));
    await payment.refundInStripe(3_000);
    const first = totalOnly();
    await payment.refundInStripe(2_000);
    const second = totalOnly();
    expect(first.data.object).toMatchObject({ amount_refunded: 3_000 });
    expect(second.data.object).toMatchObject({ amount_refunded: 5_000 });
    expect(first.data.object).not.toHaveProperty("refunds");

    await deliver(first);
    await deliver(second);
    // Redelivered, and resent under a new event id: nothing new.
    await deliver(first);
    await deliver(second);
    await deliver(totalOnly());

    const after = await stateOf(payment.invoiceId);
    expect(after.refunds.map((r) => r.amountOre)).toEqual([3_000, 2_000]);
    expect(after.refundedEvents.map((e) => e.data)).toEqual([
      { amountOre: 3_000, balanceOre: 3_000 },
      { amountOre: 2_000, balanceOre: 5_000 },
    ]);
    expect(after.balanceOre).toBe(5_000);
    const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: payment.attemptId },
    });
    expect(attempt.refundedOre).toBe(5_000);
  });

  it("ignores a refund report for a payment it does not know", async () => {
    const event = stripeEvent("charge.refunded", {
      id: "ch_elsewhere",
      object: "charge",
      payment_intent: "pi_elsewhere",
      amount_refunded: 100,
    });
    expect(await deliver(event)).toEqual({ outcome: "unknown-payment" });
  });
});
