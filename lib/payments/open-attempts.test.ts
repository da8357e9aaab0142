import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { creditInvoiceAndRefund } from "@/lib/payments/refund-credited-invoice";
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

/** Only the newest payment a customer starts can take money; crediting closes them all. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function openInvoice() {
  const org = await createOrganization(db.prisma);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  return { org, invoice };
}

const provider = createDemoProvider();

describe(`open payment attempts (${testDatabaseKind})`, () => {
  it("cancels the earlier attempt when a new one starts, so only one can be paid", async () => {
    const { invoice } = await openInvoice();
    const start = () =>
      startPayment({
        db: db.prisma,
        invoiceId: invoice.id,
        input: { amountOre: invoice.totalOre, method: "CARD" },
        provider,
      });
    const first = await start();
    const second = await start();
    const statusOf = async (id: string) =>
      (await db.prisma.paymentAttempt.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(first.attemptId)).toBe("CANCELED");
    expect(await statusOf(second.attemptId)).toBe("CREATED");
    await expectAppError(
      completeDemoPayment({
        db: db.prisma,
        invoiceId: invoice.id,
        attemptId: first.attemptId,
        outcome: "succeeded",
      }),
      "CONFLICT",
    );
    await completeDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: second.attemptId,
      outcome: "succeeded",
    });
    expect(
      await db.prisma.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "PAYMENT" } }),
    ).toBe(1);
  });

  it("closes the customer's unfinished payments when the invoice is credited", async () => {
    const { org, invoice } = await openInvoice();
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "SWISH" },
      provider,
    });
    await creditInvoiceAndRefund({
      db: db.prisma,
      provider,
      actor: { type: "SYSTEM" },
      input: { invoiceId: invoice.id, organizationId: org.id, reason: "Billed twice" },
    });
    const attempt = await db.prisma.paymentAttempt.findUniqueOrThrow({
      where: { id: started.attemptId },
    });
    expect(attempt.status).toBe("CANCELED");
  });
});
