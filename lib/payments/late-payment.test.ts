import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { completeDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import { settleLatePayment } from "@/lib/payments/refund-credited-invoice";
import { startPayment } from "@/lib/payments/start-payment";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * A customer starts paying, staff credit the invoice, then the payment goes through: the money
 * has moved, so it must be recorded (as the customer's credit) and — per the organisation's
 * policy — paid back, never lost or refused.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function paymentThatLandsAfterCredit(refundPolicy: "REFUND" | "KEEP_CREDIT") {
  const org = await createOrganization(db.prisma);
  await db.prisma.organization.update({ where: { id: org.id }, data: { refundPolicy } });
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  const provider = createDemoProvider();
  const started = await startPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    input: { amountOre: invoice.totalOre, method: "SWISH" },
    provider,
  });
  await issueFullCreditNote({
    db: db.prisma,
    actor: { type: "SYSTEM" },
    input: { invoiceId: invoice.id, organizationId: org.id, reason: "Wrong customer" },
  });
  // A new payment on the credited invoice is refused …
  await expectAppError(
    startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: 100_00, method: "CARD" },
      provider,
    }),
    "CONFLICT",
  );
  // … but the one already under way lands.
  const applied = await completeDemoPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    attemptId: started.attemptId,
    outcome: "succeeded",
  });
  return { invoice, provider, applied };
}

describe(`a payment landing after the credit (${testDatabaseKind})`, () => {
  it("is recorded as the customer's credit and paid back when the policy is to refund", async () => {
    const { invoice, provider, applied } = await paymentThatLandsAfterCredit("REFUND");
    expect(applied).toMatchObject({ outcome: "applied", status: "CREDITED" });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(-invoice.totalOre);

    await settleLatePayment({ db: db.prisma, invoiceId: invoice.id, provider });
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums).toMatchObject({ paidOre: invoice.totalOre, refundedOre: invoice.totalOre });
    expect(balanceOre(sums)).toBe(0);
    // Settling again finds nothing left to pay back.
    await settleLatePayment({ db: db.prisma, invoiceId: invoice.id, provider });
    expect(
      await db.prisma.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "REFUND" } }),
    ).toBe(1);
  });

  it("stays as the customer's credit when the organisation keeps credit", async () => {
    const { invoice, provider } = await paymentThatLandsAfterCredit("KEEP_CREDIT");
    await settleLatePayment({ db: db.prisma, invoiceId: invoice.id, provider });
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.refundedOre).toBe(0);
    expect(balanceOre(sums)).toBe(-invoice.totalOre);
  });
});

describe(`a refund reported before its payment (${testDatabaseKind})`, () => {
  it("is refused as retryable without being claimed, and applies once the payment is in", async () => {
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
      provider: createDemoProvider(),
    });
    const { providerPaymentId } = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: started.attemptId },
    });
    const refund = {
      provider: "DEMO" as const,
      eventId: "evt_refund_early",
      providerPaymentId: providerPaymentId!,
      event: {
        type: "refunded" as const,
        refunds: [{ providerRefundId: "re_early", amountOre: 5000, status: "succeeded" as const }],
      },
    };
    const early = await applyPaymentEvent({ db: db.prisma, envelope: refund }).catch(
      (error: unknown) => error,
    );
    expect(isAppError(early) && early.details?.retryable).toBe(true);
    expect(
      await db.prisma.paymentProviderEvent.count({ where: { eventId: "evt_refund_early" } }),
    ).toBe(0);
    expect(
      await db.prisma.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "REFUND" } }),
    ).toBe(0);

    await applyPaymentEvent({
      db: db.prisma,
      envelope: {
        provider: "DEMO",
        eventId: "evt_paid",
        providerPaymentId: providerPaymentId!,
        event: { type: "succeeded", amountOre: invoice.totalOre, currency: "SEK" },
      },
    });
    // The provider's redelivery of the refund now lands.
    expect((await applyPaymentEvent({ db: db.prisma, envelope: refund })).outcome).toBe("applied");
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(5000);
  });
});
