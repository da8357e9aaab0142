import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { financeOverview } from "@/lib/bank-files/bank-file-console";
import { bankFilePaymentsCsv } from "@/lib/bank-files/bank-file-report";
import {
  bankRepaymentDecisionSchema,
  decideBankRepayment,
  listBankRepayments,
} from "@/lib/bank-files/bank-repayments";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { decideUnmatchedPayment } from "@/lib/bank-files/unmatched-queue";
import { setDatabase } from "@/lib/db/client";
import { pendingRefunds } from "@/lib/invoice-page/what-happens-next";
import { issueCreditNote, issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { type GeneratorPayment, generateCamt054 } from "@/tests/helpers/bank-file-generator";
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
 * Money from the bank's files that is more than the invoice owed follows the organisation's refund
 * policy: under REFUND a payment back is planned for finance (the customer's page says it is on
 * its way to the account they paid from), under KEEP_CREDIT it stays as credit. Finance marks it
 * paid back or keeps it, once. A payment the bank marks as Swish is booked as swish_direct.
 */
process.env.NEXTAUTH_SECRET ??= "bank-repayments-test-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ??= "true";

let database: TestDatabase;
const account = { bankgiro: "50501055" };
let messageNumber = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
});
afterAll(async () => {
  await database?.close();
});

async function world(refundPolicy: "REFUND" | "KEEP_CREDIT") {
  const organization = await createOrganization(database.prisma, { refundPolicy });
  const finance = await database.prisma.staffUser.create({
    data: {
      organizationId: organization.id,
      email: `finance.${crypto.randomUUID().slice(0, 8)}@example.se`,
      name: "Fredrik Berg",
      passwordHash: "x",
      role: "FINANCE",
    },
  });
  return {
    organizationId: organization.id,
    staff: { staffId: finance.id, organizationId: organization.id },
  };
}

async function invoiceFor(organizationId: string, name: string) {
  const customer = await createCustomer(database.prisma, organizationId, { name });
  const invoice = await createIssuedInvoice(database.prisma, {
    organizationId,
    customerId: customer.id,
  });
  const row = await database.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { id: invoice.id, totalOre: invoice.totalOre, ocr: row.ocr!, number: row.number! };
}

async function importPayments(organizationId: string, payments: GeneratorPayment[]) {
  messageNumber += 1;
  const file = generateCamt054(payments, {
    account,
    messageId: `REPAY-${messageNumber}-${crypto.randomUUID().slice(0, 6)}`,
  });
  const received = await receiveBankFile({
    db: database.prisma,
    organizationId,
    source: "UPLOAD",
    fileName: "camt054.xml",
    bytes: file.bytes,
  });
  const result = await importBankFile({
    db: database.prisma,
    organizationId,
    bankFileId: received.id,
  });
  return result;
}

const ocrRef = (ocr: string) => ({ kind: "structured" as const, value: ocr });
const balance = async (invoiceId: string) =>
  balanceOre(await getLedgerSums(database.prisma, invoiceId));
const customerEvents = (invoiceId: string) =>
  database.prisma.invoiceEvent.findMany({
    where: { invoiceId, visibility: "CUSTOMER" },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });

describe(`payments back from bank files (${testDatabaseKind})`, () => {
  it("plans a payment back for what an overpayment, a payment after a credit and a second payment bring, once, and says so to the customer", async () => {
    const { organizationId } = await world("REFUND");
    await createWebhookEndpoint({
      db: database.prisma,
      organizationId,
      input: { url: "https://erp.example.se/hooks", events: ["payment.refunded"] },
      allowPrivateNetworks: false,
    });
    const over = await invoiceFor(organizationId, "Anna Över");
    const credited = await invoiceFor(organizationId, "Bertil Krediterad");
    await issueFullCreditNote({
      db: database.prisma,
      input: { invoiceId: credited.id, organizationId, reason: "Fel kund" },
      actor: { type: "SYSTEM" },
    });
    const twice = await invoiceFor(organizationId, "Cecilia Två");
    const payer = { payerName: "ANNA ÖVER", payerAccount: "SE4550000000058398257466" };
    const unique = crypto.randomUUID().slice(0, 8);
    const payments: GeneratorPayment[] = [
      {
        amountOre: over.totalOre + 2_500,
        reference: ocrRef(over.ocr),
        bookingDate: "2026-12-11",
        ...payer,
      },
      { amountOre: 10_000, reference: ocrRef(credited.ocr), bookingDate: "2026-12-11" },
      { amountOre: twice.totalOre, reference: ocrRef(twice.ocr), bookingDate: "2026-12-11" },
      { amountOre: twice.totalOre, reference: ocrRef(twice.ocr), bookingDate: "2026-12-12" },
    ].map((payment, index) => ({ ...payment, entryReference: `REPAY-${unique}-${index}` }));
    const first = await importPayments(organizationId, payments);
    expect(first.report).toMatchObject({ booked: 4, unmatched: 0 });

    const planned = await listBankRepayments(database.prisma, organizationId, {
      status: "PENDING",
    });
    const byInvoice = new Map(planned.map((row) => [row.invoice?.id, row]));
    expect(planned).toHaveLength(3);
    expect(byInvoice.get(over.id)).toMatchObject({
      amountOre: 2_500,
      reason: "overpaid",
      method: "bankgiro",
      payerName: "ANNA ÖVER",
      payerAccount: "SE4550000000058398257466",
      status: "PENDING",
    });
    expect(byInvoice.get(credited.id)).toMatchObject({
      amountOre: 10_000,
      reason: "credited_invoice",
    });
    expect(byInvoice.get(twice.id)).toMatchObject({
      amountOre: twice.totalOre,
      reason: "paid_invoice",
    });
    // The credit is on its way: nothing shows as waiting on the invoices.
    expect(await balance(over.id)).toBe(0);
    expect(await balance(credited.id)).toBe(0);
    expect(await balance(twice.id)).toBe(0);

    const events = await customerEvents(over.id);
    const received = events.find((event) => event.type === "PAYMENT_RECEIVED")!;
    expect(received.customerText).toMatch(
      /^Via bankgiro, 11 dec\. Du betalade 25,00\skr mer än du var skyldig på fakturan\. Vi betalar tillbaka det till kontot du betalade från\.$/,
    );
    const onItsWay = events.find((event) => event.type === "PAYMENT_REFUNDED")!;
    expect(onItsWay.data).toMatchObject({
      amountOre: 2_500,
      status: "PENDING",
      to: "bank_account",
    });
    expect(events.indexOf(onItsWay)).toBeGreaterThan(events.indexOf(received));
    expect(pendingRefunds(events)).toEqual([{ amountOre: 2_500, to: "bank_account" }]);
    const hooks = await database.prisma.webhookEvent.findMany({
      where: { organizationId, type: "payment.refunded" },
    });
    expect(hooks).toHaveLength(3);
    expect((await financeOverview(database.prisma, organizationId)).repaymentsOre).toBe(
      2_500 + 10_000 + twice.totalOre,
    );

    // Another file holding the same payments books nothing and plans nothing more.
    const again = await importPayments(organizationId, payments);
    expect(again.report).toMatchObject({ booked: 0, alreadyBooked: 4 });
    expect(await database.prisma.bankRepayment.count({ where: { organizationId } })).toBe(3);
    expect(await balance(over.id)).toBe(0);
  });

  it("keeps the extra as the customer's credit when the organisation's policy is to keep it", async () => {
    const { organizationId } = await world("KEEP_CREDIT");
    const over = await invoiceFor(organizationId, "David Behåll");
    await importPayments(organizationId, [
      { amountOre: over.totalOre + 1_000, reference: ocrRef(over.ocr), bookingDate: "2026-12-11" },
    ]);
    expect(await database.prisma.bankRepayment.count({ where: { organizationId } })).toBe(0);
    expect(await balance(over.id)).toBe(-1_000);
    const received = (await customerEvents(over.id)).find((e) => e.type === "PAYMENT_RECEIVED")!;
    expect(received.customerText).toMatch(/finns kvar hos oss som ditt tillgodohavande\.$/);
  });

  it("books a payment the bank marks as Swish as swish_direct, and pays its extra back by Swish", async () => {
    const { organizationId } = await world("REFUND");
    const exact = await invoiceFor(organizationId, "Erik Swish");
    const over = await invoiceFor(organizationId, "Frida Swish");
    await importPayments(organizationId, [
      {
        amountOre: exact.totalOre,
        reference: { kind: "unstructured", value: exact.ocr },
        bookingDate: "2026-12-11",
        proprietaryCode: "SWISH",
        payerAccount: "46701234567",
      },
      {
        amountOre: over.totalOre + 500,
        reference: { kind: "unstructured", value: over.ocr },
        bookingDate: "2026-12-11",
        information: ["Swish från 46709876543"],
        payerAccount: "46709876543",
      },
    ]);
    const ledger = await database.prisma.ledgerEntry.findFirstOrThrow({
      where: { invoiceId: exact.id, kind: "PAYMENT" },
    });
    expect(ledger.memo).toBe("swish_direct");
    const stored = await database.prisma.bankPayment.findMany({ where: { organizationId } });
    expect(stored.map((row) => row.method)).toEqual(["swish_direct", "swish_direct"]);
    const received = (await customerEvents(exact.id)).find((e) => e.type === "PAYMENT_RECEIVED")!;
    expect(received.customerText).toMatch(/^Via Swish, 11 dec/);
    expect(received.data).toMatchObject({ method: "swish_direct" });
    const [repayment] = await listBankRepayments(database.prisma, organizationId, {
      status: "PENDING",
    });
    expect(repayment).toMatchObject({
      amountOre: 500,
      method: "swish_direct",
      payerAccount: "46709876543",
    });
    const overReceived = (await customerEvents(over.id)).find(
      (e) => e.type === "PAYMENT_RECEIVED",
    )!;
    expect(overReceived.customerText).toMatch(
      /Vi betalar tillbaka det med Swish till numret du betalade från\.$/,
    );
    const refunded = (await customerEvents(over.id)).find((e) => e.type === "PAYMENT_REFUNDED")!;
    expect(refunded.data).toMatchObject({ to: "swish_direct", status: "PENDING" });
    // The file's CSV says how each payment came.
    const file = await database.prisma.bankFile.findFirstOrThrow({ where: { organizationId } });
    const { csv } = await bankFilePaymentsCsv(database.prisma, organizationId, file.id);
    const [header, ...lines] = csv.trim().split("\n");
    expect(header!.split(",").at(-1)).toBe("method");
    expect(lines.map((line) => line.split(",").at(-1))).toEqual(["swish_direct", "swish_direct"]);
  });

  it("pays back from the bank what a credit note gives back on an invoice paid from the bank, and the credit note says so", async () => {
    const { organizationId, staff } = await world("REFUND");
    const keeper = await world("KEEP_CREDIT");
    const paid = await invoiceFor(organizationId, "Johan Krediteras");
    const kept = await invoiceFor(keeper.organizationId, "Karin Behåller");
    const payer = { payerName: "JOHAN KREDITERAS", payerAccount: "SE4550000000058398257466" };
    await importPayments(organizationId, [
      {
        amountOre: paid.totalOre,
        reference: ocrRef(paid.ocr),
        bookingDate: "2026-12-11",
        ...payer,
      },
    ]);
    await importPayments(keeper.organizationId, [
      { amountOre: kept.totalOre, reference: ocrRef(kept.ocr), bookingDate: "2026-12-11" },
    ]);
    const version = async (id: string) =>
      (await database.prisma.invoice.findUniqueOrThrow({ where: { id } })).version;
    const credit = (invoiceId: string, org: string, amountOre: number, expectedVersion: number) =>
      issueCreditNote({
        db: database.prisma,
        actor: { type: "STAFF", staffId: staff.staffId, organizationId: org },
        input: {
          invoiceId,
          organizationId: org,
          reason: "Fel tariff",
          expectedVersion,
          mode: { kind: "amount", amountOre, vatRate: 25 },
        },
      });
    const first = await credit(paid.id, organizationId, 1_500, await version(paid.id));
    const planned = await listBankRepayments(database.prisma, organizationId, {
      status: "PENDING",
    });
    expect(planned).toEqual([
      expect.objectContaining({
        amountOre: 1_500,
        reason: "credited_invoice",
        method: "bankgiro",
        payerAccount: "SE4550000000058398257466",
      }),
    ]);
    expect(await balance(paid.id)).toBe(0);
    const note = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: first.creditNoteId },
    });
    expect(
      (note.issuedSnapshot as { creditNote: { settlement: Record<string, unknown> } }).creditNote
        .settlement,
    ).toMatchObject({ moneyBackOre: 1_500, moneyBack: "refund", refundMethods: ["bank"] });
    const events = await customerEvents(paid.id);
    const credited = events.findIndex((event) => event.type === "CREDITED");
    const onItsWay = events.findIndex((event) => event.type === "PAYMENT_REFUNDED");
    expect(onItsWay).toBeGreaterThan(credited);
    expect(events[onItsWay]!.data).toMatchObject({ amountOre: 1_500, to: "bank_account" });

    // A second credit plans the rest of that payment, never more than it brought.
    await credit(paid.id, organizationId, 1_000, await version(paid.id));
    const both = await listBankRepayments(database.prisma, organizationId, { status: "PENDING" });
    expect(both.map((row) => row.amountOre)).toEqual([1_500, 1_000]);
    expect(await balance(paid.id)).toBe(0);

    // Where the organisation keeps credit as credit, nothing is planned and the note says so.
    const keptNote = await credit(kept.id, keeper.organizationId, 1_000, await version(kept.id));
    expect(
      await database.prisma.bankRepayment.count({
        where: { organizationId: keeper.organizationId },
      }),
    ).toBe(0);
    expect(await balance(kept.id)).toBe(-1_000);
    const keptRow = await database.prisma.invoice.findUniqueOrThrow({
      where: { id: keptNote.creditNoteId },
    });
    expect(
      (keptRow.issuedSnapshot as { creditNote: { settlement: Record<string, unknown> } }).creditNote
        .settlement,
    ).toMatchObject({ moneyBack: "credit_balance" });
  });

  it("lets finance mark a payment back paid or keep it as credit, once each, and only in its own organisation", async () => {
    const { organizationId, staff } = await world("REFUND");
    const other = await world("REFUND");
    const first = await invoiceFor(organizationId, "Gustav Tillbaka");
    const second = await invoiceFor(organizationId, "Hanna Behåller");
    await importPayments(organizationId, [
      {
        amountOre: first.totalOre + 3_000,
        reference: ocrRef(first.ocr),
        bookingDate: "2026-12-11",
      },
      {
        amountOre: second.totalOre + 4_000,
        reference: ocrRef(second.ocr),
        bookingDate: "2026-12-11",
      },
    ]);
    const planned = await listBankRepayments(database.prisma, organizationId, {
      status: "PENDING",
    });
    const of = (invoiceId: string) => planned.find((row) => row.invoice?.id === invoiceId)!;

    // Another organisation's finance cannot see or decide it.
    await expectAppError(
      decideBankRepayment({
        db: database.prisma,
        staff: other.staff,
        repaymentId: of(first.id).id,
        decision: { action: "paid-back", bankReference: "SEB 4711" },
      }),
      "NOT_FOUND",
    );
    // Bad input is refused at the boundary.
    expect(
      bankRepaymentDecisionSchema.safeParse({ action: "paid-back", bankReference: "x" }).success,
    ).toBe(false);
    expect(bankRepaymentDecisionSchema.safeParse({ action: "keep-as-credit" }).success).toBe(false);
    expect(
      bankRepaymentDecisionSchema.safeParse({ action: "refund-twice", note: "abc" }).success,
    ).toBe(false);

    const ledgerBefore = await database.prisma.ledgerEntry.count({
      where: { invoiceId: first.id },
    });
    const paid = await decideBankRepayment({
      db: database.prisma,
      staff,
      repaymentId: of(first.id).id,
      decision: { action: "paid-back", bankReference: "SEB 2026-12-14 4711" },
    });
    expect(paid.status).toBe("PAID_BACK");
    // Without a version (it did not move), so open pages read the invoice again.
    expect(paid.changes).toEqual([{ invoiceId: first.id, kind: "refund" }]);
    expect(await database.prisma.ledgerEntry.count({ where: { invoiceId: first.id } })).toBe(
      ledgerBefore,
    );
    expect(await balance(first.id)).toBe(0);
    const firstEvents = await customerEvents(first.id);
    expect(firstEvents.at(-1)).toMatchObject({
      type: "REFUND_COMPLETED",
      actorStaffId: staff.staffId,
    });
    expect(pendingRefunds(firstEvents)).toEqual([]);
    // Decided once: a second decision, either way, is refused and changes nothing.
    await expectAppError(
      decideBankRepayment({
        db: database.prisma,
        staff,
        repaymentId: of(first.id).id,
        decision: { action: "keep-as-credit", note: "Kunden ville behålla" },
      }),
      "CONFLICT",
    );
    expect(await balance(first.id)).toBe(0);

    const kept = await decideBankRepayment({
      db: database.prisma,
      staff,
      repaymentId: of(second.id).id,
      decision: { action: "keep-as-credit", note: "Inget konto i filen; kunden vill behålla" },
    });
    expect(kept.status).toBe("KEPT_AS_CREDIT");
    expect(await balance(second.id)).toBe(-4_000);
    const secondEvents = await customerEvents(second.id);
    expect(secondEvents.at(-1)).toMatchObject({
      type: "REFUND_FAILED",
      data: expect.objectContaining({ keptAsCredit: true, amountOre: 4_000 }),
    });
    expect(pendingRefunds(secondEvents)).toEqual([]);
    const decided = await listBankRepayments(database.prisma, organizationId, {
      status: "DECIDED",
    });
    expect(decided.map((row) => [row.status, row.bankReference, row.decisionNote]).sort()).toEqual([
      ["KEPT_AS_CREDIT", null, "Inget konto i filen; kunden vill behålla"],
      ["PAID_BACK", "SEB 2026-12-14 4711", null],
    ]);
    expect((await financeOverview(database.prisma, organizationId)).repaymentsCount).toBe(0);
  });

  it("plans a payment back for an unmatched payment marked for return, and for what a person books on a paid invoice", async () => {
    const { organizationId, staff } = await world("REFUND");
    const paid = await invoiceFor(organizationId, "Ivar Betald");
    await importPayments(organizationId, [
      { amountOre: paid.totalOre, reference: ocrRef(paid.ocr), bookingDate: "2026-12-11" },
      {
        amountOre: 7_700,
        reference: { kind: "none", value: null },
        payerName: "OKÄND BETALARE",
        payerAccount: "SE3550000000054910000003",
        bookingDate: "2026-12-11",
      },
      {
        amountOre: 8_800,
        reference: { kind: "unstructured", value: `Faktura ${paid.number}` },
        bookingDate: "2026-12-12",
      },
    ]);
    const queue = await database.prisma.bankPayment.findMany({
      where: { organizationId, status: "UNMATCHED" },
      orderBy: { amountOre: "asc" },
    });
    expect(queue.map((row) => row.amountOre)).toEqual([7_700, 8_800]);
    await decideUnmatchedPayment({
      db: database.prisma,
      staff,
      bankPaymentId: queue[0]!.id,
      decision: { action: "return", reason: "Ingen kund känner igen betalningen" },
    });
    await decideUnmatchedPayment({
      db: database.prisma,
      staff,
      bankPaymentId: queue[1]!.id,
      decision: { action: "assign-invoice", invoiceId: paid.id, reason: "Fakturanumret i texten" },
    });
    const planned = await listBankRepayments(database.prisma, organizationId, {
      status: "PENDING",
    });
    expect(
      planned.map((row) => [row.reason, row.amountOre, row.invoice?.id ?? null, row.payerAccount]),
    ).toEqual([
      ["returned", 7_700, null, "SE3550000000054910000003"],
      ["paid_invoice", 8_800, paid.id, null],
    ]);
    expect(await balance(paid.id)).toBe(0);
    const received = (await customerEvents(paid.id)).filter((e) => e.type === "PAYMENT_RECEIVED");
    expect(received.at(-1)!.customerText).toMatch(
      /Vi betalar tillbaka det till kontot du betalade från\.$/,
    );
    // A returned payment has no invoice: paying it back touches no ledger.
    const returned = planned[0]!;
    await decideBankRepayment({
      db: database.prisma,
      staff,
      repaymentId: returned.id,
      decision: { action: "paid-back", bankReference: "Swedbank 991" },
    });
    expect(
      await database.prisma.bankRepayment.findUniqueOrThrow({ where: { id: returned.id } }),
    ).toMatchObject({
      status: "PAID_BACK",
      bankReference: "Swedbank 991",
      decidedByStaffId: staff.staffId,
    });
  });
});
