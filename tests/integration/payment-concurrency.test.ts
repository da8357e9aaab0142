import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { completeDemoPayment, settleDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { creditInvoiceAndRefund } from "@/lib/payments/refund-credited-invoice";
import { type StartedPayment, startPayment } from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import { envelopeFromStripeEvent } from "@/lib/payments/stripe-webhook";
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
 * Reproduction (issue: "two payments can start at once and both be paid"): concurrent starts of a
 * full payment each found nothing to cancel and each made a payable attempt; completing all of
 * them booked the invoice several times over. Now at most one attempt is payable, held by a
 * partial unique index, and what is paid beyond the balance goes back per the refund policy.
 */
let db: TestDatabase;
const demo = createDemoProvider();
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function openInvoice() {
  const organization = await createOrganization(db.prisma, { allowPartialPayment: true });
  const customer = await createCustomer(db.prisma, organization.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: organization.id,
    customerId: customer.id,
  });
  return { ...invoice, organizationId: organization.id };
}

const start = (invoiceId: string, amountOre: number) =>
  startPayment({
    db: db.prisma,
    invoiceId,
    input: { amountOre, currency: "SEK", method: "CARD" },
    provider: demo,
  }).then(
    (started) => started.attemptId,
    () => null,
  );

const complete = (invoiceId: string, attemptId: string) =>
  completeDemoPayment({ db: db.prisma, invoiceId, attemptId, outcome: "succeeded" }).then(
    () => true,
    () => false,
  );

describe(`payments under concurrency (${testDatabaseKind})`, () => {
  it("lets one of ten concurrent full-payment starts be paid, and books it once", async () => {
    const invoice = await openInvoice();
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => start(invoice.id, invoice.totalOre)),
    );
    const started = attempts.filter((id): id is string => id !== null);
    expect(started.length).toBeGreaterThanOrEqual(1);
    const completed = await Promise.all(started.map((id) => complete(invoice.id, id)));
    expect(completed.filter(Boolean)).toHaveLength(1);
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.paidOre).toBe(invoice.totalOre);
    expect(balanceOre(sums)).toBe(0);
    expect(
      await db.prisma.paymentAttempt.count({
        where: { invoiceId: invoice.id, status: { in: ["CREATED", "PROCESSING"] } },
      }),
    ).toBe(0);
  });

  it("never has two payable attempts, and never pays more than the balance (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ parts: fc.integer({ min: 1, max: 3 }), completeNow: fc.boolean() }), {
          minLength: 2,
          maxLength: 6,
        }),
        async (rounds) => {
          const invoice = await openInvoice();
          const pending: string[] = [];
          for (const round of rounds) {
            const { paidOre } = await getLedgerSums(db.prisma, invoice.id);
            const left = invoice.totalOre - paidOre;
            if (left <= 0) break;
            const amount = Math.max(10_000, Math.floor(left / round.parts));
            const ids = await Promise.all([
              start(invoice.id, Math.min(amount, left)),
              start(invoice.id, left),
            ]);
            const payable = await db.prisma.paymentAttempt.count({
              where: { invoiceId: invoice.id, status: { in: ["CREATED", "PROCESSING"] } },
            });
            expect(payable).toBeLessThanOrEqual(1);
            pending.push(...ids.filter((id): id is string => id !== null));
            if (round.completeNow) {
              await Promise.all(pending.map((id) => complete(invoice.id, id)));
            }
          }
          await Promise.all(pending.map((id) => complete(invoice.id, id)));
          const sums = await getLedgerSums(db.prisma, invoice.id);
          expect(sums.paidOre).toBeLessThanOrEqual(invoice.totalOre);
          expect(balanceOre(sums)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("sends back what two payments paid beyond the balance, per the refund policy", async () => {
    const invoice = await openInvoice();
    // A payment made outside our attempt bookkeeping (say, by bank transfer) lands first …
    const first = await start(invoice.id, invoice.totalOre);
    await db.prisma.ledgerEntry.create({
      data: {
        organizationId: (await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } }))
          .organizationId,
        invoiceId: invoice.id,
        kind: "PAYMENT",
        amountOre: -invoice.totalOre,
        externalRef: `bank:${invoice.id}`,
        memo: "bankgiro",
      },
    });
    // … and the card payment started before it is completed after it.
    await settleDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: first!,
      outcome: "succeeded",
      provider: demo,
    });
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.paidOre).toBe(2 * invoice.totalOre);
    expect(sums.refundedOre).toBe(invoice.totalOre);
    expect(balanceOre(sums)).toBe(0);
  });
});

/**
 * Reproduction (audit: "double payment via Stripe still possible"): a start found the earlier
 * attempt still waiting for Stripe's PaymentIntent (no provider id stored yet), cancelled it on our
 * side only, and made its own; when Stripe answered the first, its id was stored and its client
 * secret handed out all the same. Both customers' tabs could pay: 25 000 öre on a 12 500 öre
 * invoice. Stripe is slowed here so the second start (or a credit) lands while the first waits.
 */
describe(`Stripe payments started while another is still being created (${testDatabaseKind})`, () => {
  let stand: StripeStandIn;
  let stripe: PaymentProvider;
  beforeAll(async () => {
    stand = await startStripeStandIn();
    stripe = createStripeProvider(createStandInClient(stand));
  });
  afterAll(async () => stand?.close());
  beforeEach(() => {
    stand.recover();
    stand.delayMs = 400;
  });

  const startByCard = (invoiceId: string, amountOre: number) =>
    startPayment({
      db: db.prisma,
      invoiceId,
      input: { amountOre, currency: "SEK", method: "CARD" },
      provider: stripe,
    });

  /** Resolves once the invoice's PaymentIntent create has reached Stripe (and waits there). */
  async function createReachedStripe(invoiceId: string) {
    const reached = () =>
      stand.requests.some(
        (r) =>
          r.path === "/v1/payment_intents" &&
          (r.params.metadata as Record<string, string> | undefined)?.invoice_id === invoiceId,
      );
    while (!reached()) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /**
   * Every customer who was handed a client secret pays with it (Stripe refuses a cancelled
   * PaymentIntent), and Stripe reports each success. Returns how many were taken.
   */
  async function payEverySecret(outcomes: PromiseSettledResult<StartedPayment>[]) {
    let taken = 0;
    for (const outcome of outcomes) {
      if (outcome.status !== "fulfilled" || !outcome.value.clientSecret) continue;
      let intent: ReturnType<StripeStandIn["confirmWithClientSecret"]>;
      try {
        intent = stand.confirmWithClientSecret(outcome.value.clientSecret);
      } catch {
        continue;
      }
      taken += 1;
      const envelope = envelopeFromStripeEvent(stripeEvent("payment_intent.succeeded", intent));
      await applyPaymentEvent({ db: db.prisma, envelope: envelope! });
    }
    return taken;
  }

  const refusedAs = (outcome: PromiseSettledResult<StartedPayment>, reason: string) =>
    outcome.status === "rejected" &&
    isAppError(outcome.reason) &&
    outcome.reason.code === "CONFLICT" &&
    outcome.reason.details?.reason === reason;

  it("refuses a second start while the first still waits for Stripe, so only one is paid", async () => {
    const invoice = await openInvoice();
    const first = startByCard(invoice.id, invoice.totalOre);
    await createReachedStripe(invoice.id);
    const second = startByCard(invoice.id, invoice.totalOre);
    const outcomes = await Promise.allSettled([first, second]);

    expect(await payEverySecret(outcomes)).toBe(1);
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.paidOre).toBe(invoice.totalOre);
    expect(balanceOre(sums)).toBe(0);
    // The first goes on; the second is told another payment is under way (a reason the page
    // says in the customer's words).
    expect(outcomes[0]).toMatchObject({ status: "fulfilled" });
    expect(refusedAs(outcomes[1]!, "another_payment")).toBe(true);
  });

  it("pays at most the invoice when starts keep coming while Stripe is slow", async () => {
    const invoice = await openInvoice();
    // Four tabs, each pressing "pay" while the one before still waits for Stripe.
    const outcomes = await Promise.allSettled(
      [0, 1, 2, 3].map(async (i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 120));
        return startByCard(invoice.id, invoice.totalOre);
      }),
    );
    expect(await payEverySecret(outcomes)).toBe(1);
    expect((await getLedgerSums(db.prisma, invoice.id)).paidOre).toBe(invoice.totalOre);
  });

  it("cancels at Stripe a PaymentIntent whose attempt was cancelled while it was being created", async () => {
    const invoice = await openInvoice();
    const first = startByCard(invoice.id, invoice.totalOre);
    await createReachedStripe(invoice.id);
    // The first start looks abandoned (older than any provider call can take, e.g. its process
    // died), so the next start cancels it on our side — and then Stripe answers it after all.
    await db.prisma.paymentAttempt.updateMany({
      where: { invoiceId: invoice.id, status: "CREATED" },
      data: { createdAt: new Date(Date.now() - 60 * 60_000) },
    });
    const second = startByCard(invoice.id, invoice.totalOre);
    const outcomes = await Promise.allSettled([first, second]);

    expect(await payEverySecret(outcomes)).toBe(1);
    expect((await getLedgerSums(db.prisma, invoice.id)).paidOre).toBe(invoice.totalOre);
    expect(refusedAs(outcomes[0]!, "another_payment")).toBe(true);
    expect(outcomes[1]).toMatchObject({ status: "fulfilled" });
    const attempts = await db.prisma.paymentAttempt.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => a.status)).toEqual(["CANCELED", "SUCCEEDED"]);
    // Stripe was asked to cancel the first PaymentIntent, with a key of its attempt's.
    const firstIntent = attempts[0]!.providerPaymentId;
    expect(firstIntent).toMatch(/^pi_/);
    expect(
      stand.requests.find((r) => r.path === `/v1/payment_intents/${firstIntent}/cancel`),
    ).toMatchObject({ status: 200, idempotencyKey: `nota-cancel-${attempts[0]!.id}` });
  });

  it("lets no payment through that was being created when the invoice was credited", async () => {
    const invoice = await openInvoice();
    const first = startByCard(invoice.id, invoice.totalOre);
    await createReachedStripe(invoice.id);
    await creditInvoiceAndRefund({
      db: db.prisma,
      provider: stripe,
      actor: { type: "SYSTEM" },
      input: { invoiceId: invoice.id, organizationId: invoice.organizationId, reason: "Fel kund" },
    });
    const outcomes = await Promise.allSettled([first]);

    expect(await payEverySecret(outcomes)).toBe(0);
    expect((await getLedgerSums(db.prisma, invoice.id)).paidOre).toBe(0);
    expect(outcomes[0]!.status).toBe("rejected");
    const [attempt] = await db.prisma.paymentAttempt.findMany({ where: { invoiceId: invoice.id } });
    expect(attempt).toMatchObject({ status: "CANCELED" });
  });
});
