import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { getPaymentAttemptStatus, startPayment } from "@/lib/payments/start-payment";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
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
} from "@/tests/helpers/stripe-stand-in";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * The embedded demo: no money moves, but a completed demo payment takes the same recording path
 * as a Stripe webhook (applyPaymentEvent), so it is recorded exactly once too.
 */

let db: TestDatabase;
let stand: StripeStandIn;

beforeAll(async () => {
  db = await createTestDatabase();
  stand = await startStripeStandIn();
});
afterAll(async () => {
  await stand?.close();
  await db?.close();
});

/** An issued invoice of 125,00 kr (12 500 öre) from a fresh organisation. */
async function openInvoice() {
  const org = await createOrganization(db.prisma);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  return { invoiceId: invoice.id, totalOre: invoice.totalOre };
}

const paymentEntriesOf = (invoiceId: string) =>
  db.prisma.ledgerEntry.count({ where: { invoiceId, kind: "PAYMENT" } });

describe(`demo payments (${testDatabaseKind})`, () => {
  async function startDemoPayment() {
    const invoice = await openInvoice();
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.invoiceId,
      input: { amountOre: invoice.totalOre, method: "CARD" },
      provider: createDemoProvider(),
    });
    const complete = (outcome: "succeeded" | "failed") =>
      completeDemoPayment({
        db: db.prisma,
        invoiceId: invoice.invoiceId,
        attemptId: started.attemptId,
        outcome,
      });
    return { ...invoice, started, complete };
  }

  it("records a demo payment pressed twice once, through the provider-event path", async () => {
    const payment = await startDemoPayment();
    expect(payment.started).toMatchObject({ provider: "DEMO", clientSecret: null });
    expect((await payment.complete("succeeded")).outcome).toBe("applied");
    expect((await payment.complete("succeeded")).outcome).toBe("duplicate");

    const entries = await db.prisma.ledgerEntry.findMany({
      where: { invoiceId: payment.invoiceId, kind: "PAYMENT" },
    });
    expect(entries).toEqual([
      expect.objectContaining({ amountOre: -payment.totalOre, memo: "demo" }),
    ]);
    expect(
      await db.prisma.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } }),
    ).toMatchObject({ status: "PAID" });
    expect(
      await getPaymentAttemptStatus(db.prisma, payment.invoiceId, payment.started.attemptId),
    ).toMatchObject({ status: "SUCCEEDED", provider: "DEMO" });
  });

  it("marks a declined demo payment FAILED and records nothing in the ledger", async () => {
    const payment = await startDemoPayment();
    await payment.complete("failed");

    // The customer is told it failed, in their language; the provider's words are for staff.
    const status = await getPaymentAttemptStatus(
      db.prisma,
      payment.invoiceId,
      payment.started.attemptId,
    );
    expect(status).toMatchObject({ status: "FAILED" });
    expect(status).not.toHaveProperty("failureMessage");
    expect(
      await db.prisma.paymentAttempt.findUniqueOrThrow({
        where: { id: payment.started.attemptId },
      }),
    ).toMatchObject({ failureMessage: "Declined in the demo" });
    expect(await paymentEntriesOf(payment.invoiceId)).toBe(0);
    expect(
      await db.prisma.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } }),
    ).toMatchObject({ status: "OPEN" });
  });

  it("completes only demo attempts of the invoice named", async () => {
    const payment = await startDemoPayment();
    const stripePayment = await startPayment({
      db: db.prisma,
      invoiceId: payment.invoiceId,
      input: { amountOre: 10_000, method: "CARD" },
      provider: createStripeProvider(createStandInClient(stand)),
    });
    const other = await openInvoice();
    await expectAppError(
      completeDemoPayment({
        db: db.prisma,
        invoiceId: payment.invoiceId,
        attemptId: stripePayment.attemptId,
        outcome: "succeeded",
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      completeDemoPayment({
        db: db.prisma,
        invoiceId: other.invoiceId,
        attemptId: payment.started.attemptId,
        outcome: "succeeded",
      }),
      "NOT_FOUND",
    );
    expect(await paymentEntriesOf(payment.invoiceId)).toBe(0);
  });
});
