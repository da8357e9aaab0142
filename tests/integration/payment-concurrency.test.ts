import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { completeDemoPayment, settleDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { startPayment } from "@/lib/payments/start-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
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
  return createIssuedInvoice(db.prisma, {
    organizationId: organization.id,
    customerId: customer.id,
  });
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
