import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import {
  getPaymentAttemptStatus,
  type StartPaymentInput,
  startPayment,
  startPaymentInputSchema,
} from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import {
  atTheBoundary,
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createStandInClient,
  type StripeStandIn,
  startStripeStandIn,
} from "@/tests/helpers/stripe-stand-in";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
let stand: StripeStandIn;
let stripe: PaymentProvider;

beforeAll(async () => {
  db = await createTestDatabase();
  stand = await startStripeStandIn();
  stripe = createStripeProvider(createStandInClient(stand));
});
afterAll(async () => {
  await stand?.close();
  await db?.close();
});
beforeEach(() => stand.recover());

/** An issued invoice of 125,00 kr (12 500 öre) from a fresh organisation. */
async function openInvoice(organization: Parameters<typeof createOrganization>[1] = {}) {
  const org = await createOrganization(db.prisma, organization);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  return {
    organizationId: org.id,
    customerId: customer.id,
    invoiceId: invoice.id,
    totalOre: invoice.totalOre,
  };
}

// As the route hands it over: the customer's body parsed with the domain's schema first.
async function pay(invoiceId: string, input: StartPaymentInput) {
  return startPayment({
    db: db.prisma,
    invoiceId,
    input: await atTheBoundary(startPaymentInputSchema, input),
    provider: stripe,
  });
}

const attemptsOf = (invoiceId: string) =>
  db.prisma.paymentAttempt.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" } });
const paymentEntriesOf = (invoiceId: string) =>
  db.prisma.ledgerEntry.count({ where: { invoiceId, kind: "PAYMENT" } });

describe(`startPayment through Stripe (${testDatabaseKind})`, () => {
  it("records an attempt and creates a PaymentIntent keyed by the attempt", async () => {
    const invoice = await openInvoice();
    const started = await pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" });

    const [attempt, ...others] = await attemptsOf(invoice.invoiceId);
    expect(others).toEqual([]);
    const key = `nota-payment-attempt-${attempt!.id}`;
    const sent = stand.requests.filter((r) => r.idempotencyKey === key);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toMatchObject({
      amount: String(invoice.totalOre),
      currency: "sek",
      allowed_payment_method_types: ["card", "swish"],
      metadata: { attempt_id: attempt!.id, invoice_id: invoice.invoiceId },
    });
    const intentId = String(sent[0]!.response!.id);
    expect(intentId).toMatch(/^pi_/);
    expect(attempt).toMatchObject({
      provider: "STRIPE",
      method: "CARD",
      amountOre: invoice.totalOre,
      currency: "SEK",
      status: "CREATED",
      providerPaymentId: intentId,
    });
    expect(started).toEqual({
      attemptId: attempt!.id,
      provider: "STRIPE",
      amountOre: invoice.totalOre,
      clientSecret: expect.stringMatching(new RegExp(`^${intentId}_secret_`)),
    });
    // Nothing is in the ledger until Stripe reports the payment succeeded.
    expect(await paymentEntriesOf(invoice.invoiceId)).toBe(0);
    expect(await getPaymentAttemptStatus(db.prisma, invoice.invoiceId, attempt!.id)).toMatchObject({
      status: "CREATED",
      amountOre: invoice.totalOre,
    });
  });

  it("starts a part payment at or above the organisation's minimum, by Swish", async () => {
    const invoice = await openInvoice({ minimumPartialPaymentOre: 5_000 });
    await pay(invoice.invoiceId, { amountOre: 5_000, method: "SWISH" });
    expect(await attemptsOf(invoice.invoiceId)).toEqual([
      expect.objectContaining({ amountOre: 5_000, method: "SWISH", status: "CREATED" }),
    ]);
  });

  it("refuses bad input and unpayable invoices without an attempt or a Stripe request", async () => {
    const invoice = await openInvoice();
    const strict = await openInvoice({ allowPartialPayment: false });
    const withMinimum = await openInvoice({ minimumPartialPaymentOre: 10_000 });
    const paid = await openInvoice();
    await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: paid.invoiceId,
        organizationId: paid.organizationId,
        amountOre: paid.totalOre,
        method: "bank_transfer",
        externalRef: `bg-${paid.invoiceId}`,
      },
    });
    const credited = await openInvoice();
    await issueFullCreditNote({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: credited.invoiceId,
        organizationId: credited.organizationId,
        reason: "Fel kund",
      },
    });
    const draft = await createDraft(db.prisma, invoice);
    const requestsBefore = stand.requests.length;
    const card = { method: "CARD" } as const;
    const id = invoice.invoiceId;

    await expectAppError(pay(id, { ...card, amountOre: 0 }), "BAD_INPUT", /more than 0/);
    await expectAppError(pay(id, { ...card, amountOre: -5 }), "BAD_INPUT", /more than 0/);
    await expectAppError(pay(id, { ...card, amountOre: 1.5 }), "BAD_INPUT", /whole öre/);
    await expectAppError(
      pay(id, { ...card, amountOre: "100" as unknown as number }),
      "BAD_INPUT",
      /number of öre/,
    );
    await expectAppError(pay(id, { ...card, amountOre: Number.NaN }), "BAD_INPUT");
    await expectAppError(
      pay(id, { ...card, amountOre: invoice.totalOre + 1 }),
      "BAD_INPUT",
      /more than what is left/,
    );
    await expectAppError(
      pay(id, { ...card, amountOre: 100, currency: "EUR" as "SEK" }),
      "BAD_INPUT",
      /SEK/,
    );
    await expectAppError(
      pay(id, { amountOre: 100, method: "BITCOIN" as "CARD" }),
      "BAD_INPUT",
      /card or Swish/,
    );
    await expectAppError(
      pay(paid.invoiceId, { ...card, amountOre: 100 }),
      "CONFLICT",
      /already paid/,
    );
    await expectAppError(
      pay(credited.invoiceId, { ...card, amountOre: 100 }),
      "CONFLICT",
      /credited/,
    );
    await expectAppError(pay(draft.id, { ...card, amountOre: 100 }), "CONFLICT", /cannot be paid/);
    await expectAppError(
      pay(strict.invoiceId, { ...card, amountOre: 10_000 }),
      "BAD_INPUT",
      /in full/,
    );
    await expectAppError(
      pay(withMinimum.invoiceId, { ...card, amountOre: 9_999 }),
      "BAD_INPUT",
      /smallest part payment/,
    );
    await expectAppError(
      pay("00000000-0000-4000-8000-000000000000", { ...card, amountOre: 100 }),
      "NOT_FOUND",
    );

    for (const refused of [invoice, strict, withMinimum, paid, credited]) {
      expect(await attemptsOf(refused.invoiceId)).toEqual([]);
    }
    expect(await attemptsOf(draft.id)).toEqual([]);
    expect(stand.requests.length).toBe(requestsBefore);
    // A refused attempt does not use up the invoice's budget of attempts either.
    expect(
      await db.prisma.rateLimitBucket.count({ where: { key: `payment-attempts:${id}` } }),
    ).toBe(0);
  });

  it("marks the attempt FAILED and answers UNAVAILABLE when Stripe is down, then works on retry", async () => {
    const invoice = await openInvoice();
    stand.failNext(Number.POSITIVE_INFINITY, 503);
    const unavailable = await expectAppError(
      pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" }),
      "UNAVAILABLE",
      /Nothing was charged/,
    );
    // Reproduction: the provider's own words ("Stripe PaymentIntent create …") reached the
    // customer. Now the reply carries a reason the page says in the customer's language.
    expect(unavailable.message).not.toMatch(/Stripe|PaymentIntent/);
    expect(unavailable.details).toMatchObject({ reason: "provider_unavailable" });

    const [failed] = await attemptsOf(invoice.invoiceId);
    expect(failed).toMatchObject({ status: "FAILED", providerPaymentId: null });
    expect(failed!.failureMessage).toMatch(/Stripe PaymentIntent create failed/);
    const key = `nota-payment-attempt-${failed!.id}`;
    // The SDK tried three times with one key; Stripe created nothing.
    expect(stand.requests.filter((r) => r.idempotencyKey === key).map((r) => r.status)).toEqual([
      503, 503, 503,
    ]);
    expect(await paymentEntriesOf(invoice.invoiceId)).toBe(0);
    expect(await getLedgerSums(db.prisma, invoice.invoiceId)).toMatchObject({ paidOre: 0 });

    stand.recover();
    const retried = await pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" });
    expect(retried.attemptId).not.toBe(failed!.id);
    expect((await attemptsOf(invoice.invoiceId)).map((a) => a.status)).toEqual([
      "FAILED",
      "CREATED",
    ]);
  });

  it("stops new attempts on one invoice after 20 in an hour, before asking Stripe", async () => {
    const invoice = await openInvoice();
    for (let i = 0; i < 20; i++) {
      await pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" });
    }
    const requestsBefore = stand.requests.length;
    await expectAppError(
      pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" }),
      "RATE_LIMITED",
    );
    expect(await attemptsOf(invoice.invoiceId)).toHaveLength(20);
    expect(stand.requests.length).toBe(requestsBefore);
  });

  it("shows an attempt only on its own invoice", async () => {
    const invoice = await openInvoice();
    const other = await openInvoice();
    const started = await pay(invoice.invoiceId, { amountOre: invoice.totalOre, method: "CARD" });
    await expectAppError(
      getPaymentAttemptStatus(db.prisma, other.invoiceId, started.attemptId),
      "NOT_FOUND",
    );
  });
});
