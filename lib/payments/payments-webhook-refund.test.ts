import type { Server } from "socket.io";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { creditInvoiceAndRefund } from "@/lib/payments/refund-credited-invoice";
import { startPayment } from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import { registerSocketServer } from "@/lib/realtime/invoice-cues";
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
 * Refunds made in Stripe (e.g. from its dashboard) reach us through the webhook's exact path:
 * charge.refunded with the refund list (older API versions) or without it (then the refunds are
 * read from Stripe), and refund.created / refund.updated / refund.failed / charge.refund.updated
 * as a refund's status moves. A refund is booked with its status; one that fails gives the
 * customer's credit back.
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

/** One signed delivery through the webhook's handler: its whole answer. */
async function answerTo(event: Stripe.Event) {
  const payload = JSON.stringify(event);
  const signature = client.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return handleStripeWebhook({
    db: db.prisma,
    stripe: client,
    webhookSecret: WEBHOOK_SECRET,
    provider: stripe,
    rawBody: payload,
    signature,
  });
}

/** One signed delivery through the webhook's handler: its answer's body (or problem). */
async function deliver(event: Stripe.Event) {
  const answer = await answerTo(event);
  return { status: answer.status, ...(answer.body ?? answer.problem) };
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
    refundRows: await db.prisma.refund.findMany({
      where: { invoiceId },
      orderBy: { createdAt: "asc" },
      select: { providerRefundId: true, amountOre: true, status: true, failureReason: true },
    }),
  };
}

const eventsOf = (invoiceId: string, types: string[]) =>
  db.prisma.invoiceEvent.findMany({
    where: { invoiceId, type: { in: types } },
    orderBy: { occurredAt: "asc" },
    select: { type: true, visibility: true, data: true },
  });

describe(`charge.refunded from Stripe (${testDatabaseKind})`, () => {
  it("records a refund from the event's refund list once and reopens the invoice", async () => {
    const payment = await paidByCard();
    const { providerRefundId } = await payment.refundInStripe(5_000);
    const event = stripeEvent("charge.refunded", stand.chargeFor(payment.intentId));
    expect(await deliver(event)).toMatchObject({ status: 200, outcome: "applied" });

    const after = await stateOf(payment.invoiceId);
    expect(after).toEqual({
      status: "OPEN",
      balanceOre: 5_000,
      refunds: [{ amountOre: 5_000, externalRef: providerRefundId }],
      refundedEvents: [
        {
          visibility: "CUSTOMER",
          data: {
            amountOre: 5_000,
            balanceOre: 5_000,
            status: "SUCCEEDED",
            to: "card",
            refundId: expect.any(String),
          },
        },
      ],
      refundRows: [
        { providerRefundId, amountOre: 5_000, status: "SUCCEEDED", failureReason: null },
      ],
    });
    expect(await deliver(event)).toMatchObject({ outcome: "duplicate" });
    // The same list under a new event id changes nothing either.
    const again = stripeEvent("charge.refunded", stand.chargeFor(payment.intentId));
    expect(await deliver(again)).toMatchObject({ outcome: "ignored" });
    expect(await stateOf(payment.invoiceId)).toEqual(after);
  });

  it("reads the refunds from Stripe when the event does not list them, each once by its own id", async () => {
    const payment = await paidByCard();
    const unlisted = () =>
      stripeEvent("charge.refunded", stand.chargeFor(payment.intentId, { withRefundList: false }));
    const first = await payment.refundInStripe(3_000);
    const firstEvent = unlisted();
    const second = await payment.refundInStripe(2_000);
    const secondEvent = unlisted();
    expect(firstEvent.data.object).not.toHaveProperty("refunds");

    // Delivered late, both events find both refunds at Stripe; redeliveries add nothing.
    await deliver(firstEvent);
    await deliver(secondEvent);
    await deliver(firstEvent);
    await deliver(unlisted());
    const listed = stand.requests.filter((r) => r.method === "GET" && r.path === "/v1/refunds");
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed[0]!.params).toMatchObject({ payment_intent: payment.intentId });

    const after = await stateOf(payment.invoiceId);
    expect(after.refunds).toEqual(
      [
        { amountOre: 3_000, externalRef: first.providerRefundId },
        { amountOre: 2_000, externalRef: second.providerRefundId },
      ].sort((a, b) => a.externalRef.localeCompare(b.externalRef)),
    );
    expect(after.balanceOre).toBe(5_000);
    const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: payment.attemptId },
    });
    expect(attempt.refundedOre).toBe(5_000);
  });

  it("answers 503 when the refunds cannot be read, so Stripe delivers again, and books nothing", async () => {
    const payment = await paidByCard();
    await payment.refundInStripe(3_000);
    const event = stripeEvent(
      "charge.refunded",
      stand.chargeFor(payment.intentId, { withRefundList: false }),
    );
    stand.failNext(Infinity);
    try {
      expect(await deliver(event)).toMatchObject({ status: 503 });
    } finally {
      stand.recover();
    }
    expect((await stateOf(payment.invoiceId)).refunds).toEqual([]);
    expect(await deliver(event)).toMatchObject({ status: 200, outcome: "applied" });
    expect((await stateOf(payment.invoiceId)).balanceOre).toBe(3_000);
  });

  it("books a pending refund as on its way, and as paid out once Stripe says it succeeded", async () => {
    const payment = await paidByCard();
    stand.refundStatus = "pending";
    const refund = await payment.refundInStripe(4_000).finally(() => stand.recover());
    expect(refund.status).toBe("pending");
    const created = stand.setRefundStatus(refund.providerRefundId, "pending");
    expect(await deliver(stripeEvent("refund.created", created))).toMatchObject({
      outcome: "applied",
    });
    let state = await stateOf(payment.invoiceId);
    // The credit is held for it (it is not refunded twice) but it is not money returned yet.
    expect(state.balanceOre).toBe(4_000);
    expect(state.refundRows).toEqual([
      {
        providerRefundId: refund.providerRefundId,
        amountOre: 4_000,
        status: "PENDING",
        failureReason: null,
      },
    ]);
    expect(state.refundedEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({ amountOre: 4_000, status: "PENDING" }),
    ]);

    const succeeded = stand.setRefundStatus(refund.providerRefundId, "succeeded");
    const paidOut = await answerTo(stripeEvent("refund.updated", succeeded));
    expect(paidOut.body).toMatchObject({ outcome: "applied" });
    // Paid out, the version did not move: the cue carries none, so open pages read it again.
    expect(paidOut.changes).toEqual([{ invoiceId: payment.invoiceId, kind: "refund" }]);
    // Redelivered and repeated as charge.refund.updated: nothing more.
    expect(await deliver(stripeEvent("charge.refund.updated", succeeded))).toMatchObject({
      outcome: "ignored",
    });
    state = await stateOf(payment.invoiceId);
    expect(state.balanceOre).toBe(4_000);
    expect(state.refunds).toEqual([{ amountOre: 4_000, externalRef: refund.providerRefundId }]);
    expect(state.refundRows[0]!.status).toBe("SUCCEEDED");
    expect(await eventsOf(payment.invoiceId, ["REFUND_COMPLETED"])).toEqual([
      {
        type: "REFUND_COMPLETED",
        visibility: "CUSTOMER",
        data: { amountOre: 4_000, refundId: expect.any(String) },
      },
    ]);
  });

  it("gives the customer's credit back when a refund fails later, once, and says so", async () => {
    const payment = await paidByCard();
    stand.refundStatus = "pending";
    const refund = await payment.refundInStripe(12_500).finally(() => stand.recover());
    await deliver(
      stripeEvent("refund.created", stand.setRefundStatus(refund.providerRefundId, "pending")),
    );
    expect((await stateOf(payment.invoiceId)).balanceOre).toBe(12_500);

    const failed = stand.setRefundStatus(
      refund.providerRefundId,
      "failed",
      "expired_or_canceled_card",
    );
    const failure = stripeEvent("refund.failed", failed);
    expect(await deliver(failure)).toMatchObject({ status: 200, outcome: "applied" });
    // Stripe sends refund.updated and charge.refund.updated about the same change, and
    // redelivers: the credit comes back once, and a failed refund stays failed.
    await deliver(stripeEvent("refund.updated", failed));
    await deliver(stripeEvent("charge.refund.updated", failed));
    await deliver(failure);
    await deliver(
      stripeEvent("refund.updated", {
        ...failed,
        status: "succeeded",
        failure_reason: undefined,
      } as Stripe.Refund),
    );

    const state = await stateOf(payment.invoiceId);
    expect(state.balanceOre).toBe(0);
    expect(state.status).toBe("PAID");
    expect(state.refunds.map((r) => [r.externalRef, r.amountOre])).toEqual([
      [refund.providerRefundId, 12_500],
      [`${refund.providerRefundId}:reversed`, -12_500],
    ]);
    expect(state.refundRows).toEqual([
      {
        providerRefundId: refund.providerRefundId,
        amountOre: 12_500,
        status: "FAILED",
        failureReason: "expired_or_canceled_card",
      },
    ]);
    const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: payment.attemptId },
    });
    expect(attempt.refundedOre).toBe(0);
    // The customer is told the money stays theirs; the provider's reason is for staff only.
    expect(await eventsOf(payment.invoiceId, ["REFUND_FAILED", "REFUND_FAILURE_NOTED"])).toEqual([
      {
        type: "REFUND_FAILED",
        visibility: "CUSTOMER",
        data: { amountOre: 12_500, balanceOre: 0, refundId: expect.any(String) },
      },
      {
        type: "REFUND_FAILURE_NOTED",
        visibility: "STAFF",
        data: {
          amountOre: 12_500,
          refundId: expect.any(String),
          failureReason: "expired_or_canceled_card",
        },
      },
    ]);
  });

  it("ignores a refund report for a payment it does not know", async () => {
    const event = stripeEvent("charge.refunded", {
      id: "ch_elsewhere",
      object: "charge",
      payment_intent: "pi_elsewhere",
      amount_refunded: 100,
    });
    expect(await deliver(event)).toMatchObject({ status: 200, outcome: "unknown-payment" });
  });
});

describe(`what a delivery changed (${testDatabaseKind})`, () => {
  it("is in the answer for the route to announce; the handler itself emits nothing", async () => {
    // Reproduction: handleStripeWebhook emitted the cue itself (and refundCustomerCredit another).
    const sent: unknown[] = [];
    registerSocketServer({
      to: () => ({ emit: (...args: unknown[]) => sent.push(args) }),
    } as unknown as Server);
    try {
      const payment = await paidByCard();
      const versionOf = async () =>
        (await db.prisma.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } })).version;
      await payment.refundInStripe(5_000);
      const refunded = await answerTo(
        stripeEvent("charge.refunded", stand.chargeFor(payment.intentId)),
      );
      expect(refunded.changes).toEqual([
        { invoiceId: payment.invoiceId, version: await versionOf(), kind: "refund" },
      ]);
      // A redelivery changes nothing and says nothing changed.
      expect(
        (await answerTo(stripeEvent("charge.refunded", stand.chargeFor(payment.intentId)))).changes,
      ).toEqual([]);
      expect(sent).toEqual([]);
    } finally {
      registerSocketServer(null);
    }
  });

  it("names a payment landing after the credit once, at the version after its refund", async () => {
    const org = await createOrganization(db.prisma);
    const customer = await createCustomer(db.prisma, org.id);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: org.id,
      customerId: customer.id,
    });
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "SWISH" },
      provider: stripe,
    });
    const { providerPaymentId } = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: started.attemptId },
    });
    // The customer is in the Swish app when staff credit the invoice, and Stripe cannot cancel.
    stand.failNext(3, 409);
    await creditInvoiceAndRefund({
      db: db.prisma,
      provider: stripe,
      actor: { type: "SYSTEM" },
      input: { invoiceId: invoice.id, organizationId: org.id, reason: "Fel kund" },
    });
    stand.recover();
    const answer = await answerTo(
      stripeEvent("payment_intent.succeeded", stand.succeedPaymentIntent(providerPaymentId!)),
    );
    const { version } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.changes).toEqual([{ invoiceId: invoice.id, version, kind: "payment" }]);
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
  });
});
