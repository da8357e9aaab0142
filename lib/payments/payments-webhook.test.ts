import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
 * Stripe's webhooks take the route's exact path: signed raw body → verifyStripeWebhook →
 * envelopeFromStripeEvent → applyPaymentEvent. Payments start through the real SDK on the stand-in.
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
beforeEach(() => stand.recover());

/** A customer starts paying `amountOre` (default: all) of a fresh 125,00 kr invoice by card. */
async function startCardPayment(amountOre?: number) {
  const org = await createOrganization(db.prisma);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  const started = await startPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    input: { amountOre: amountOre ?? invoice.totalOre, method: "CARD" },
    provider: stripe,
  });
  const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
    where: { id: started.attemptId },
  });
  return {
    invoiceId: invoice.id,
    totalOre: invoice.totalOre,
    attemptId: attempt.id,
    intentId: attempt.providerPaymentId!,
  };
}

/** Signs the event as Stripe would and hands it to the webhook's steps. */
async function deliver(
  event: Stripe.Event,
  options: { secret?: string; timestamp?: number; tamper?: (payload: string) => string } = {},
) {
  const payload = JSON.stringify(event);
  const header = client.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
  const body = options.tamper ? options.tamper(payload) : payload;
  const verified = verifyStripeWebhook(client, body, header, WEBHOOK_SECRET);
  const envelope = envelopeFromStripeEvent(verified);
  return envelope ? applyPaymentEvent({ db: db.prisma, envelope }) : null;
}

const succeeded = (intentId: string, options?: { id?: string }) =>
  stripeEvent("payment_intent.succeeded", stand.succeedPaymentIntent(intentId), options);
/** A later or earlier event about the same PaymentIntent, as its object looked then. */
const intentEvent = (type: string, intentId: string) =>
  stripeEvent(type, {
    ...stand.succeedPaymentIntent(intentId),
    status: type.replace("payment_intent.", ""),
    amount_received: 0,
    last_payment_error: { message: "Kortet nekades" },
  });

async function ledgerOf(invoiceId: string) {
  const entries = await db.prisma.ledgerEntry.findMany({
    where: { invoiceId, kind: "PAYMENT" },
    select: { kind: true, amountOre: true, externalRef: true },
  });
  const invoice = await db.prisma.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { status: true, version: true },
  });
  // Events of one second tie on occurredAt (Stripe's `created`); the type breaks the tie.
  const events = await db.prisma.invoiceEvent.findMany({
    where: { invoiceId, type: { startsWith: "PAYMENT_" } },
    orderBy: [{ occurredAt: "asc" }, { type: "asc" }],
    select: { type: true, visibility: true, data: true },
  });
  return {
    entries,
    ...invoice,
    balanceOre: balanceOre(await getLedgerSums(db.prisma, invoiceId)),
    events,
  };
}
const attemptStatus = async (attemptId: string) =>
  (await db.prisma.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status;

describe(`Stripe webhooks recording payments (${testDatabaseKind})`, () => {
  it("records a signed payment_intent.succeeded: one payment, attempt SUCCEEDED, invoice PAID", async () => {
    const payment = await startCardPayment();
    expect(await deliver(succeeded(payment.intentId))).toMatchObject({
      outcome: "applied",
      invoiceId: payment.invoiceId,
    });

    const after = await ledgerOf(payment.invoiceId);
    expect(after.entries).toEqual([
      { kind: "PAYMENT", amountOre: -payment.totalOre, externalRef: payment.intentId },
    ]);
    expect(after).toMatchObject({ status: "PAID", balanceOre: 0 });
    expect(after.events).toEqual([
      {
        type: "PAYMENT_RECEIVED",
        visibility: "CUSTOMER",
        // The instrument names the method in the customer's timeline ("med kort").
        data: { amountOre: payment.totalOre, method: "card", instrument: "card", balanceOre: 0 },
      },
    ]);
    expect(await attemptStatus(payment.attemptId)).toBe("SUCCEEDED");
  });

  it("keeps a partly paid invoice OPEN with the rest left to pay", async () => {
    const payment = await startCardPayment(10_000);
    await deliver(succeeded(payment.intentId));
    const after = await ledgerOf(payment.invoiceId);
    expect(after).toMatchObject({ status: "OPEN", balanceOre: payment.totalOre - 10_000 });
    expect(after.entries).toEqual([expect.objectContaining({ amountOre: -10_000 })]);
  });

  it("records an event delivered five times once", async () => {
    const payment = await startCardPayment();
    const event = succeeded(payment.intentId);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await deliver(event))?.outcome);
    expect(outcomes).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);
    const after = await ledgerOf(payment.invoiceId);
    expect(after.entries).toHaveLength(1);
    expect(after.events).toHaveLength(1);
  });

  it("records five concurrent deliveries of one event once", async () => {
    const payment = await startCardPayment();
    const event = succeeded(payment.intentId);
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(results.map((r) => r?.outcome).sort()).toEqual([
      "applied",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect((await ledgerOf(payment.invoiceId)).entries).toHaveLength(1);
  });

  it("records a payment once when Stripe reports it again under a new event id", async () => {
    const payment = await startCardPayment();
    await deliver(succeeded(payment.intentId));
    const before = await ledgerOf(payment.invoiceId);
    await deliver(succeeded(payment.intentId));
    expect(await ledgerOf(payment.invoiceId)).toEqual(before);
  });

  it("records a payment once when two events about it arrive at the same time", async () => {
    const payment = await startCardPayment();
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => deliver(succeeded(payment.intentId))),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const after = await ledgerOf(payment.invoiceId);
    expect(after.entries).toHaveLength(1);
    expect(after.events).toHaveLength(1);
  });

  it("keeps a succeeded payment SUCCEEDED when processing or failure arrive late", async () => {
    const payment = await startCardPayment();
    await deliver(succeeded(payment.intentId));
    expect(await deliver(intentEvent("payment_intent.processing", payment.intentId))).toMatchObject(
      { outcome: "ignored" },
    );
    expect(
      await deliver(intentEvent("payment_intent.payment_failed", payment.intentId)),
    ).toMatchObject({ outcome: "ignored" });
    expect(await deliver(intentEvent("payment_intent.canceled", payment.intentId))).toMatchObject({
      outcome: "ignored",
    });

    expect(await attemptStatus(payment.attemptId)).toBe("SUCCEEDED");
    const after = await ledgerOf(payment.invoiceId);
    expect(after).toMatchObject({ status: "PAID", balanceOre: 0 });
    expect(after.events.map((e) => e.type)).toEqual(["PAYMENT_RECEIVED"]);
  });

  it("lets a success after a failure (a retried confirmation) record the payment", async () => {
    const payment = await startCardPayment();
    await deliver(intentEvent("payment_intent.payment_failed", payment.intentId));
    expect(await attemptStatus(payment.attemptId)).toBe("FAILED");
    await deliver(succeeded(payment.intentId));
    expect(await attemptStatus(payment.attemptId)).toBe("SUCCEEDED");
    const after = await ledgerOf(payment.invoiceId);
    expect(after.status).toBe("PAID");
    expect(after.events.map((e) => [e.type, e.visibility])).toEqual([
      ["PAYMENT_FAILED", "STAFF"],
      ["PAYMENT_RECEIVED", "CUSTOMER"],
    ]);
  });

  it("refuses forged, tampered and stale deliveries and records nothing", async () => {
    const payment = await startCardPayment();
    const event = succeeded(payment.intentId);
    const forged = deliver(event, { secret: "whsec_someone_else" });
    await expect(forged).rejects.toThrow(/signature/i);
    const tampered = deliver(event, {
      tamper: (payload) =>
        payload.replace(`"amount_received":${payment.totalOre}`, '"amount_received":1'),
    });
    await expect(tampered).rejects.toThrow(/signature/i);
    const stale = deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    await expect(stale).rejects.toThrow(/tolerance/i);
    expect(() => verifyStripeWebhook(client, JSON.stringify(event), null, WEBHOOK_SECRET)).toThrow(
      /missing/,
    );

    expect(await db.prisma.paymentProviderEvent.count({ where: { eventId: event.id } })).toBe(0);
    expect((await ledgerOf(payment.invoiceId)).entries).toEqual([]);
    expect(await attemptStatus(payment.attemptId)).toBe("CREATED");
    // The genuine delivery still goes through afterwards.
    expect(await deliver(event)).toMatchObject({ outcome: "applied" });
  });

  it("acknowledges event types it does not act on without recording them", async () => {
    const event = stripeEvent("customer.created", { id: "cus_123", object: "customer" });
    expect(await deliver(event)).toBeNull();
    expect(await db.prisma.paymentProviderEvent.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("does not record a payment it never started or one in another currency", async () => {
    const payment = await startCardPayment();
    const foreign = stripeEvent("payment_intent.succeeded", {
      ...stand.succeedPaymentIntent(payment.intentId),
      id: "pi_not_ours",
      metadata: {},
    });
    expect(await deliver(foreign)).toEqual({ outcome: "unknown-payment" });
    const inEuro = stripeEvent("payment_intent.succeeded", {
      ...stand.succeedPaymentIntent(payment.intentId),
      currency: "eur",
    });
    await expect(deliver(inEuro)).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect((await ledgerOf(payment.invoiceId)).entries).toEqual([]);
    expect(await attemptStatus(payment.attemptId)).toBe("CREATED");
  });
});
