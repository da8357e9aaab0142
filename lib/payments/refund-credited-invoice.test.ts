import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
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

/** The console credits every kind of credit through creditInvoiceAndRefund; money follows. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const provider = createDemoProvider();
const SYSTEM = { type: "SYSTEM" } as const;

async function openInvoice() {
  const org = await createOrganization(db.prisma);
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  return { organizationId: org.id, invoice };
}

const versionOf = async (id: string) =>
  (await db.prisma.invoice.findUniqueOrThrow({ where: { id } })).version;

describe(`creditInvoiceAndRefund with any kind of credit (${testDatabaseKind})`, () => {
  it("pays back a compensation on a paid invoice through the provider it was paid with", async () => {
    const { organizationId, invoice } = await openInvoice();
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "CARD" },
      provider,
    });
    await completeDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: started.attemptId,
      outcome: "succeeded",
    });
    const result = await creditInvoiceAndRefund({
      db: db.prisma,
      provider,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Avbrott",
        expectedVersion: await versionOf(invoice.id),
        mode: { kind: "goodwill", amountOre: 2_500, vatRate: 25 },
      },
    });
    expect(result).toMatchObject({ creditedOre: 2_500, refundedOre: 2_500, keptAsCreditOre: 0 });
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums).toMatchObject({ paidOre: 12_500, creditedOre: 2_500, refundedOre: 2_500 });
    expect(balanceOre(sums)).toBe(0);
    expect((await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe(
      "PAID",
    );
  });

  it("closes a payment started for the old amount after a part is credited; refuses a stale one", async () => {
    const { organizationId, invoice } = await openInvoice();
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "SWISH" },
      provider,
    });
    const version = await versionOf(invoice.id);
    const input = {
      invoiceId: invoice.id,
      organizationId,
      reason: "Fel pris",
      expectedVersion: version,
      mode: { kind: "amount" as const, amountOre: 5_000, vatRate: 25 },
    };
    const result = await creditInvoiceAndRefund({ db: db.prisma, provider, actor: SYSTEM, input });
    expect(result).toMatchObject({
      version: version + 1,
      status: "OPEN",
      refundedOre: 0,
      keptAsCreditOre: 0,
    });
    expect(
      (await db.prisma.paymentAttempt.findUniqueOrThrow({ where: { id: started.attemptId } }))
        .status,
    ).toBe("CANCELED");
    await expectAppError(
      creditInvoiceAndRefund({ db: db.prisma, provider, actor: SYSTEM, input }),
      "STALE_VERSION",
    );
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(7_500);
  });
});
