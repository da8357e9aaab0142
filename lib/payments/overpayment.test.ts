import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RefundPolicy } from "@/lib/db/generated/client";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import { completeDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { settleLatePayment } from "@/lib/payments/refund-credited-invoice";
import { startPayment } from "@/lib/payments/start-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Reproduction (audit: "under KEEP_CREDIT an overpayment becomes silent credit"): money paid
 * beyond what the invoice asked became the customer's credit with nothing on the timeline for
 * them or for staff. Every payment that pays more than is owed now says so, on the payment's own
 * customer-visible timeline entry, written in the transaction that books it.
 */
let db: TestDatabase;
const demo = createDemoProvider();
const SYSTEM = { type: "SYSTEM" } as const;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function openInvoice(refundPolicy: RefundPolicy, locale: "sv" | "en" = "sv") {
  const org = await createOrganization(db.prisma, { refundPolicy, minimumPartialPaymentOre: 100 });
  const customer = await createCustomer(db.prisma, org.id, { locale });
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  return { ...invoice, organizationId: org.id };
}

const byBank = (
  invoice: { id: string; organizationId: string },
  amountOre: number,
  reference: string,
) =>
  recordPayment({
    db: db.prisma,
    actor: SYSTEM,
    input: {
      invoiceId: invoice.id,
      organizationId: invoice.organizationId,
      amountOre,
      method: "bank_transfer",
      externalRef: `bg-${invoice.id}-${reference}`,
    },
  });

const paymentEvents = (invoiceId: string) =>
  db.prisma.invoiceEvent.findMany({
    where: { invoiceId, type: "PAYMENT_RECEIVED" },
    orderBy: { occurredAt: "asc" },
    select: { visibility: true, customerText: true, data: true },
  });

describe(`a payment beyond what the invoice asks (${testDatabaseKind})`, () => {
  it("says on the customer's timeline that the extra is kept as their credit (KEEP_CREDIT)", async () => {
    const invoice = await openInvoice("KEEP_CREDIT");
    // A card payment under way while the customer also pays by bank transfer.
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "CARD" },
      provider: demo,
    });
    await byBank(invoice, invoice.totalOre, "full");
    await completeDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: started.attemptId,
      outcome: "succeeded",
    });
    await settleLatePayment({ db: db.prisma, invoiceId: invoice.id, provider: demo });

    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums.refundedOre).toBe(0);
    expect(balanceOre(sums)).toBe(-invoice.totalOre);
    const [bank, card] = await paymentEvents(invoice.id);
    // The payment that settled the invoice exactly says nothing more.
    expect(bank).toMatchObject({ visibility: "CUSTOMER", customerText: null });
    expect(bank!.data).not.toHaveProperty("overpaidOre");
    expect(card).toMatchObject({
      visibility: "CUSTOMER",
      data: { amountOre: invoice.totalOre, overpaidOre: invoice.totalOre, balanceOre: -12_500 },
    });
    expect(card!.customerText).toBe(
      "Du betalade 125,00\u00a0kr mer än du var skyldig på fakturan. Beloppet finns kvar hos oss som ditt tillgodohavande.",
    );
  });

  it("counts only the part beyond the balance, in the customer's language", async () => {
    const invoice = await openInvoice("KEEP_CREDIT", "en");
    await byBank(invoice, 10_000, "first");
    await byBank(invoice, 5_000, "second");
    const [, second] = await paymentEvents(invoice.id);
    expect(second).toMatchObject({ data: { amountOre: 5_000, overpaidOre: 2_500 } });
    expect(second!.customerText).toBe(
      "You paid SEK\u00a025.00 more than you owed on this invoice. It stays with us as your credit.",
    );
  });

  it("says it is paid back when the policy refunds a card payment, and the refund follows", async () => {
    const invoice = await openInvoice("REFUND");
    const started = await startPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      input: { amountOre: invoice.totalOre, method: "SWISH" },
      provider: demo,
    });
    await byBank(invoice, invoice.totalOre, "full");
    await completeDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: started.attemptId,
      outcome: "succeeded",
    });
    const [, swish] = await paymentEvents(invoice.id);
    expect(swish).toMatchObject({ data: { overpaidOre: invoice.totalOre } });
    expect(swish!.customerText).toMatch(/tillgodohavande tills vi har betalat tillbaka det/);

    await settleLatePayment({ db: db.prisma, invoiceId: invoice.id, provider: demo });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(0);
    expect(
      await db.prisma.invoiceEvent.count({
        where: { invoiceId: invoice.id, type: "PAYMENT_REFUNDED", visibility: "CUSTOMER" },
      }),
    ).toBe(1);
  });

  it("keeps a bank transfer beyond the balance as credit even when the policy refunds", async () => {
    // Only a provider's payment can go back the way it came (refundCustomerCredit).
    const invoice = await openInvoice("REFUND");
    await byBank(invoice, invoice.totalOre + 1_000, "too-much");
    const [payment] = await paymentEvents(invoice.id);
    expect(payment).toMatchObject({ data: { overpaidOre: 1_000 } });
    expect(payment!.customerText).toMatch(/finns kvar hos oss som ditt tillgodohavande/);
  });
});
