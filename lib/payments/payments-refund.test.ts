import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyAgentInvoiceChange } from "@/lib/agent/agent-invoice-change";
import type { RefundPolicy } from "@/lib/db/generated/client";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import {
  creditInvoiceAndRefund,
  refundCustomerCredit,
} from "@/lib/payments/refund-credited-invoice";
import { startPayment } from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import { envelopeFromStripeEvent } from "@/lib/payments/stripe-webhook";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
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
 * Crediting an invoice the customer paid by card: the credit note is issued, then the money goes
 * back through Stripe (the stand-in) with an idempotency key that makes a retry ask for the same
 * refund — or stays as the customer's credit when that is the organisation's policy.
 */

const STAFF = { type: "SYSTEM" } as const;
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

const applyStripeEvent = (event: ReturnType<typeof stripeEvent>) =>
  applyPaymentEvent({ db: db.prisma, envelope: envelopeFromStripeEvent(event)! });

/** A 125,00 kr invoice paid by card in the given parts, each confirmed by Stripe's webhook. */
async function invoicePaidByCard(options: { parts?: number[]; refundPolicy?: RefundPolicy } = {}) {
  const org = await createOrganization(db.prisma, {
    refundPolicy: options.refundPolicy ?? "REFUND",
    minimumPartialPaymentOre: 1_000,
  });
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  const attempts = [];
  for (const amountOre of options.parts ?? [invoice.totalOre]) {
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre, method: "CARD" },
      provider: stripe,
    });
    const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: started.attemptId },
    });
    const intent = stand.succeedPaymentIntent(attempt.providerPaymentId!);
    await applyStripeEvent(stripeEvent("payment_intent.succeeded", intent));
    attempts.push({ id: attempt.id, intentId: intent.id, amountOre });
  }
  const input = { invoiceId: invoice.id, organizationId: org.id, reason: "Fel kund fakturerad" };
  return { invoiceId: invoice.id, totalOre: invoice.totalOre, attempts, input };
}

const credit = (input: { invoiceId: string; organizationId: string; reason: string }) =>
  creditInvoiceAndRefund({ db: db.prisma, input, actor: STAFF, provider: stripe });

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
      select: { amountOre: true, externalRef: true },
    }),
    creditNotes: await db.prisma.invoice.count({ where: { creditedInvoiceId: invoiceId } }),
    refundedEvents: await db.prisma.invoiceEvent.findMany({
      where: { invoiceId, type: "PAYMENT_REFUNDED" },
      select: { visibility: true, data: true },
    }),
  };
}
const refundRequestsFor = (attemptId: string) =>
  stand.requests.filter((r) => r.idempotencyKey?.startsWith(`nota-refund-${attemptId}-`));

describe(`creditInvoiceAndRefund through Stripe (${testDatabaseKind})`, () => {
  it("issues the credit note and refunds the card payment in full, once", async () => {
    const paid = await invoicePaidByCard();
    const [attempt] = paid.attempts;
    const result = await credit(paid.input);

    expect(result).toMatchObject({
      creditedOre: paid.totalOre,
      refundedOre: paid.totalOre,
      keptAsCreditOre: 0,
    });
    const sent = refundRequestsFor(attempt!.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: "POST",
      path: "/v1/refunds",
      idempotencyKey: `nota-refund-${attempt!.id}-from-0`,
      status: 200,
    });
    expect(sent[0]!.params).toMatchObject({
      payment_intent: attempt!.intentId,
      amount: String(paid.totalOre),
    });
    const refundId = String(sent[0]!.response!.id);
    expect(await stateOf(paid.invoiceId)).toEqual({
      status: "CREDITED",
      balanceOre: 0,
      refunds: [{ amountOre: paid.totalOre, externalRef: refundId }],
      creditNotes: 1,
      refundedEvents: [
        {
          visibility: "CUSTOMER",
          data: {
            amountOre: paid.totalOre,
            balanceOre: 0,
            status: "SUCCEEDED",
            // Where the money went, for the customer's timeline ("to your card").
            to: "card",
            refundId: expect.any(String),
          },
        },
      ],
    });

    // Stripe's own charge.refunded about the same refund, in either shape, changes nothing.
    const before = await stateOf(paid.invoiceId);
    await applyStripeEvent(stripeEvent("charge.refunded", stand.chargeFor(attempt!.intentId)));
    await applyStripeEvent(
      stripeEvent("charge.refunded", stand.chargeFor(attempt!.intentId, { withRefundList: false })),
    );
    expect(await stateOf(paid.invoiceId)).toEqual(before);
    // Nothing is left to refund: asking again sends nothing to Stripe.
    expect(
      await refundCustomerCredit({
        db: db.prisma,
        invoiceId: paid.invoiceId,
        provider: stripe,
        reason: "igen",
      }),
    ).toEqual({ refundedOre: 0, keptAsCreditOre: 0, changes: [] });
    expect(refundRequestsFor(attempt!.id)).toHaveLength(1);
  });

  it("refunds each card payment of a part-paid invoice", async () => {
    const paid = await invoicePaidByCard({ parts: [10_000, 2_500] });
    const result = await credit(paid.input);

    expect(result).toMatchObject({ refundedOre: 12_500, keptAsCreditOre: 0 });
    for (const attempt of paid.attempts) {
      expect(refundRequestsFor(attempt.id).map((r) => r.params.amount)).toEqual([
        String(attempt.amountOre),
      ]);
    }
    const after = await stateOf(paid.invoiceId);
    expect(after.balanceOre).toBe(0);
    expect(after.refunds.map((r) => r.amountOre).sort((a, b) => a - b)).toEqual([2_500, 10_000]);
  });

  it("keeps the money as the customer's credit when the organisation's policy says so", async () => {
    const paid = await invoicePaidByCard({ refundPolicy: "KEEP_CREDIT" });
    const refundsBefore = stand.requests.filter((r) => r.path === "/v1/refunds").length;
    const result = await credit(paid.input);

    expect(result).toMatchObject({ refundedOre: 0, keptAsCreditOre: paid.totalOre });
    expect(stand.requests.filter((r) => r.path === "/v1/refunds")).toHaveLength(refundsBefore);
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      status: "CREDITED",
      balanceOre: -paid.totalOre,
      refunds: [],
      creditNotes: 1,
    });
  });

  it("keeps the credit note when Stripe is down, and a later retry refunds exactly once", async () => {
    const paid = await invoicePaidByCard();
    const [attempt] = paid.attempts;
    stand.failNext(Number.POSITIVE_INFINITY, 503);
    await expectAppError(credit(paid.input), "UNAVAILABLE", /stays as the customer's credit/);

    expect(refundRequestsFor(attempt!.id).map((r) => r.status)).toEqual([503, 503, 503]);
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      status: "CREDITED",
      balanceOre: -paid.totalOre,
      refunds: [],
      creditNotes: 1,
    });

    stand.recover();
    const retry = () =>
      refundCustomerCredit({
        db: db.prisma,
        invoiceId: paid.invoiceId,
        provider: stripe,
        reason: paid.input.reason,
      });
    const { version } = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: paid.invoiceId },
    });
    // The refund is recorded and said to have changed the invoice (its route announces it).
    expect(await retry()).toEqual({
      refundedOre: paid.totalOre,
      keptAsCreditOre: 0,
      changes: [{ invoiceId: paid.invoiceId, version: version + 1, kind: "refund" }],
    });
    expect(await retry()).toEqual({ refundedOre: 0, keptAsCreditOre: 0, changes: [] });
    // Every try asked for the same refund under the same key.
    expect(new Set(refundRequestsFor(attempt!.id).map((r) => r.idempotencyKey))).toEqual(
      new Set([`nota-refund-${attempt!.id}-from-0`]),
    );
    expect(stand.chargeFor(attempt!.intentId).amount_refunded).toBe(paid.totalOre);
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      balanceOre: 0,
      refunds: [expect.objectContaining({ amountOre: paid.totalOre })],
      creditNotes: 1,
    });
  });

  it("records a refund Stripe made but whose answer was lost once, when retried", async () => {
    const paid = await invoicePaidByCard();
    const [attempt] = paid.attempts;
    // Stripe refunds, then every answer (the first and the SDK's two retries) is lost.
    stand.dropNext(3);
    await expectAppError(credit(paid.input), "UNAVAILABLE");
    expect(stand.chargeFor(attempt!.intentId).amount_refunded).toBe(paid.totalOre);
    expect((await stateOf(paid.invoiceId)).refunds).toEqual([]);

    stand.recover();
    await refundCustomerCredit({
      db: db.prisma,
      invoiceId: paid.invoiceId,
      provider: stripe,
      reason: paid.input.reason,
    });
    const sent = refundRequestsFor(attempt!.id);
    expect(sent.map((r) => [r.replayed ?? false, r.status])).toEqual([
      [false, 0],
      [true, 0],
      [true, 0],
      [true, 200],
    ]);
    expect(stand.chargeFor(attempt!.intentId).refunds?.data).toHaveLength(1);
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      balanceOre: 0,
      refunds: [{ amountOre: paid.totalOre, externalRef: String(sent[3]!.response!.id) }],
    });
  });

  it("refunds once when two refunds of the same credit race while Stripe is slow", async () => {
    const paid = await invoicePaidByCard();
    const [attempt] = paid.attempts;
    await issueFullCreditNote({ db: db.prisma, input: paid.input, actor: STAFF });
    stand.delayMs = 300;
    const refund = () =>
      refundCustomerCredit({
        db: db.prisma,
        invoiceId: paid.invoiceId,
        provider: stripe,
        reason: paid.input.reason,
      });
    await Promise.all([refund(), refund()]);

    // Both asked with one key; Stripe made one refund and the ledger holds it once.
    expect(new Set(refundRequestsFor(attempt!.id).map((r) => r.idempotencyKey)).size).toBe(1);
    expect(stand.chargeFor(attempt!.intentId).refunds?.data).toHaveLength(1);
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      balanceOre: 0,
      refunds: [expect.objectContaining({ amountOre: paid.totalOre })],
      refundedEvents: [expect.anything()],
    });
  });
});

describe(`a refund that fails (${testDatabaseKind})`, () => {
  it("keeps the credit when Stripe answers failed at once, and an agent's retry refunds it once with a new key", async () => {
    const paid = await invoicePaidByCard();
    const [attempt] = paid.attempts;
    stand.refundStatus = "failed";
    const result = await credit(paid.input);
    stand.recover();
    // The credit note stands; the money did not go back, so it is still the customer's credit.
    expect(result).toMatchObject({ refundedOre: 0, keptAsCreditOre: paid.totalOre });
    expect(await stateOf(paid.invoiceId)).toMatchObject({
      status: "CREDITED",
      balanceOre: -paid.totalOre,
      refunds: [],
      refundedEvents: [],
    });
    expect(
      await db.prisma.refund.findMany({
        where: { invoiceId: paid.invoiceId },
        select: { status: true, failureReason: true, amountOre: true },
      }),
    ).toEqual([
      { status: "FAILED", failureReason: "expired_or_canceled_card", amountOre: paid.totalOre },
    ]);
    const failedEvents = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: paid.invoiceId, type: { in: ["REFUND_FAILED", "REFUND_FAILURE_NOTED"] } },
      select: { type: true, visibility: true },
      orderBy: { occurredAt: "asc" },
    });
    expect(failedEvents).toEqual([
      { type: "REFUND_FAILED", visibility: "CUSTOMER" },
      { type: "REFUND_FAILURE_NOTED", visibility: "STAFF" },
    ]);

    // A stale screen, another organisation and a missing credit are refused and change nothing.
    const { version } = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: paid.invoiceId },
    });
    const agentRefund = (expectedVersion: number, organizationId = paid.input.organizationId) =>
      applyAgentInvoiceChange({
        db: db.prisma,
        invoiceId: paid.invoiceId,
        staff: { id: "00000000-0000-4000-8000-000000000000", organizationId },
        change: { action: "refund-credit", expectedVersion },
        provider: stripe,
      });
    await expectAppError(agentRefund(version - 1), "STALE_VERSION");
    const other = await createOrganization(db.prisma);
    await expectAppError(agentRefund(version, other.id), "NOT_FOUND");
    expect(refundRequestsFor(attempt!.id)).toHaveLength(1);

    await agentRefund(version);
    const sent = refundRequestsFor(attempt!.id);
    expect(sent.map((r) => r.idempotencyKey)).toEqual([
      `nota-refund-${attempt!.id}-from-0`,
      `nota-refund-${attempt!.id}-from-0-retry-1`,
    ]);
    expect(await stateOf(paid.invoiceId)).toMatchObject({ balanceOre: 0 });
    // Nothing left: a second press is refused and asks Stripe for nothing.
    const now = await db.prisma.invoice.findUniqueOrThrow({ where: { id: paid.invoiceId } });
    await expectAppError(agentRefund(now.version), "CONFLICT");
    expect(refundRequestsFor(attempt!.id)).toHaveLength(2);
  });

  it("is refused for an organisation that keeps credit as credit", async () => {
    const paid = await invoicePaidByCard({ refundPolicy: "KEEP_CREDIT" });
    await credit(paid.input);
    const { version } = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: paid.invoiceId },
    });
    await expectAppError(
      applyAgentInvoiceChange({
        db: db.prisma,
        invoiceId: paid.invoiceId,
        staff: {
          id: "00000000-0000-4000-8000-000000000000",
          organizationId: paid.input.organizationId,
        },
        change: { action: "refund-credit", expectedVersion: version },
        provider: stripe,
      }),
      "CONFLICT",
    );
    expect(refundRequestsFor(paid.attempts[0]!.id)).toHaveLength(0);
  });
});
