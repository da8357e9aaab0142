import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { LedgerEntryKind } from "@/lib/db/generated/client";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import {
  balanceOre,
  creditableOre,
  deriveInvoiceStatus,
  EMPTY_LEDGER,
  isPartlyPaid,
  type LedgerSums,
  sumLedger,
} from "@/lib/ledger/invoice-status";
import {
  type RecordPaymentInput,
  recordPayment,
  recordPaymentInputSchema,
} from "@/lib/ledger/record-payment";
import {
  atTheBoundary,
  createDraft,
  createIssuedInvoice,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const day = parseCalendarDate;

describe("sumLedger and balanceOre", () => {
  it("sums each kind as a positive figure and derives the balance owed", () => {
    const entries: Array<{ kind: LedgerEntryKind; amountOre: number }> = [
      { kind: "INVOICE_ISSUED", amountOre: 12_500 },
      { kind: "FEE", amountOre: 6_000 },
      { kind: "PAYMENT", amountOre: -10_000 },
      { kind: "PAYMENT", amountOre: -2_000 },
      { kind: "REFUND", amountOre: 1_000 },
      { kind: "CREDIT", amountOre: -500 },
    ];
    const sums = sumLedger(entries);
    expect(sums).toEqual({
      issuedOre: 12_500,
      feesOre: 6_000,
      paidOre: 12_000,
      refundedOre: 1_000,
      creditedOre: 500,
    });
    expect(balanceOre(sums)).toBe(12_500 + 6_000 - 12_000 + 1_000 - 500);
    expect(sumLedger([])).toEqual(EMPTY_LEDGER);
    expect(balanceOre(EMPTY_LEDGER)).toBe(0);
  });

  it("goes negative when the customer paid too much", () => {
    const sums = sumLedger([
      { kind: "INVOICE_ISSUED", amountOre: 100 },
      { kind: "PAYMENT", amountOre: -150 },
    ]);
    expect(balanceOre(sums)).toBe(-50);
  });
});

describe("deriveInvoiceStatus", () => {
  const issued: LedgerSums = { ...EMPTY_LEDGER, issuedOre: 10_000 };
  const today = day("2026-03-10");
  const status = (
    sums: LedgerSums,
    overrides: Partial<Parameters<typeof deriveInvoiceStatus>[0]> = {},
  ) =>
    deriveInvoiceStatus({
      kind: "INVOICE",
      status: "OPEN",
      dueDate: day("2026-03-10"),
      sums,
      today,
      ...overrides,
    });

  it("keeps an unpaid invoice OPEN up to and including its due date, OVERDUE the day after", () => {
    expect(status(issued)).toBe("OPEN");
    expect(status(issued, { dueDate: day("2026-03-09") })).toBe("OVERDUE");
    expect(status(issued, { dueDate: null })).toBe("OPEN");
  });

  it("is PAID when the balance is zero or below, even when overdue", () => {
    expect(status({ ...issued, paidOre: 10_000 }, { dueDate: day("2026-01-01") })).toBe("PAID");
    expect(status({ ...issued, paidOre: 12_000 })).toBe("PAID");
    expect(status({ ...issued, paidOre: 9_999 })).toBe("OPEN");
    expect(status({ ...issued, paidOre: 10_000, refundedOre: 1 })).toBe("OPEN");
    expect(status({ ...issued, feesOre: 6_000, paidOre: 10_000 })).toBe("OPEN");
  });

  it("is CREDITED when credits cover what was issued and no fee is left standing", () => {
    expect(status({ ...issued, creditedOre: 10_000 })).toBe("CREDITED");
    expect(status({ ...issued, creditedOre: 9_000 })).toBe("OPEN");
    // A fee is never credited: while it stands the customer owes it (or paid it).
    expect(status({ ...issued, feesOre: 6_000, creditedOre: 10_000 })).toBe("OPEN");
    expect(status({ ...issued, feesOre: 6_000, creditedOre: 10_000, paidOre: 6_000 })).toBe("PAID");
    // Waived (the fee and its waiver sum to nothing): credited.
    expect(status({ ...issued, feesOre: 0, creditedOre: 10_000 })).toBe("CREDITED");
  });

  it("leaves only the turnover to credit: fees are waived, never credited", () => {
    expect(creditableOre({ ...issued, feesOre: 6_000 })).toBe(10_000);
    expect(creditableOre({ ...issued, feesOre: 6_000, creditedOre: 4_000 })).toBe(6_000);
    expect(creditableOre({ ...issued, creditedOre: 10_000 })).toBe(0);
  });

  it("keeps drafts DRAFT and credit notes CREDITED whatever the ledger says", () => {
    expect(status(EMPTY_LEDGER, { status: "DRAFT" })).toBe("DRAFT");
    expect(status(EMPTY_LEDGER, { kind: "CREDIT_NOTE", status: "CREDITED" })).toBe("CREDITED");
    expect(
      status(issued, { kind: "CREDIT_NOTE", status: "OPEN", dueDate: day("2026-01-01") }),
    ).toBe("CREDITED");
  });

  it("calls an OPEN or OVERDUE invoice with net payments partly paid", () => {
    expect(isPartlyPaid("OPEN", { ...issued, paidOre: 1 })).toBe(true);
    expect(isPartlyPaid("OVERDUE", { ...issued, paidOre: 5_000 })).toBe(true);
    expect(isPartlyPaid("OPEN", issued)).toBe(false);
    expect(isPartlyPaid("OPEN", { ...issued, paidOre: 5_000, refundedOre: 5_000 })).toBe(false);
    expect(isPartlyPaid("PAID", { ...issued, paidOre: 10_000 })).toBe(false);
    expect(isPartlyPaid("CREDITED", { ...issued, paidOre: 5_000 })).toBe(false);
  });
});

describe(`recordPayment (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  const SYSTEM = { type: "SYSTEM" } as const;
  let nextRef = 0;
  async function openInvoice() {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    return { organizationId, customerId, invoiceId: issued.id, totalOre: issued.totalOre };
  }
  // A payment as a provider event or an import hands it over: parsed with the domain's schema.
  async function pay(
    invoice: { organizationId: string; invoiceId: string },
    input: Partial<RecordPaymentInput> = {},
  ) {
    return recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: await atTheBoundary(recordPaymentInputSchema, {
        invoiceId: invoice.invoiceId,
        organizationId: invoice.organizationId,
        amountOre: 5_000,
        method: "card",
        externalRef: `pi_${process.pid}_${++nextRef}`,
        ...input,
      }),
    });
  }
  const payments = (invoiceId: string) =>
    db.prisma.ledgerEntry.findMany({ where: { invoiceId, kind: "PAYMENT" } });

  it("keeps a partly paid invoice OPEN with the balance reduced", async () => {
    const invoice = await openInvoice();

    const result = await pay(invoice, { amountOre: 5_000 });

    expect(result).toEqual({
      recorded: true,
      balanceOre: invoice.totalOre - 5_000,
      status: "OPEN",
      version: 3,
      overpaidOre: 0,
      payBackByBank: false,
      statusBefore: "OPEN",
    });
    expect(await payments(invoice.invoiceId)).toEqual([
      expect.objectContaining({ amountOre: -5_000, currency: "SEK", memo: "card" }),
    ]);
    expect(
      await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } }),
    ).toMatchObject({
      status: "OPEN",
      version: 3,
    });
  });

  it("marks a fully paid invoice PAID and tells the customer", async () => {
    const invoice = await openInvoice();
    await pay(invoice, { amountOre: 2_500, method: "swish" });

    const result = await pay(invoice, { amountOre: invoice.totalOre - 2_500 });

    expect(result).toMatchObject({ recorded: true, balanceOre: 0, status: "PAID" });
    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: invoice.invoiceId, type: "PAYMENT_RECEIVED" },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((e) => [e.visibility, e.data])).toEqual([
      ["CUSTOMER", { amountOre: 2_500, method: "swish", balanceOre: invoice.totalOre - 2_500 }],
      ["CUSTOMER", { amountOre: invoice.totalOre - 2_500, method: "card", balanceOre: 0 }],
    ]);
  });

  it("records a payment once per externalRef", async () => {
    const invoice = await openInvoice();
    const first = await pay(invoice, { externalRef: "pi_once" });

    const again = await pay(invoice, { externalRef: "pi_once" });

    expect(again).toEqual({ ...first, recorded: false });
    expect(await payments(invoice.invoiceId)).toHaveLength(1);
    expect(
      await db.prisma.invoiceEvent.count({
        where: { invoiceId: invoice.invoiceId, type: "PAYMENT_RECEIVED" },
      }),
    ).toBe(1);
  });

  it("refuses the same externalRef on another invoice", async () => {
    const invoice = await openInvoice();
    const other = await openInvoice();
    await pay(invoice, { externalRef: "pi_shared" });

    await expectAppError(pay(other, { externalRef: "pi_shared" }), "CONFLICT", /another invoice/);
    expect(await payments(other.invoiceId)).toHaveLength(0);
  });

  it("records ten concurrent deliveries of one payment exactly once", async () => {
    const invoice = await openInvoice();

    const results = await Promise.all(
      Array.from({ length: 10 }, () => pay(invoice, { externalRef: "pi_storm" })),
    );

    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(results.every((r) => r.balanceOre === invoice.totalOre - 5_000)).toBe(true);
    expect(await payments(invoice.invoiceId)).toHaveLength(1);
    expect(
      await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } }),
    ).toMatchObject({ version: 3 });
  });

  it("refuses bad payments and writes nothing", async () => {
    const invoice = await openInvoice();
    const draft = await createDraft(db.prisma, invoice);

    await expectAppError(pay(invoice, { amountOre: 0 }), "BAD_INPUT", /amount must be more than 0/);
    await expectAppError(
      pay(invoice, { amountOre: -100 }),
      "BAD_INPUT",
      /amount must be more than 0/,
    );
    await expectAppError(pay(invoice, { amountOre: 1.5 }), "BAD_INPUT", /whole öre/);
    await expectAppError(pay(invoice, { currency: "EUR" as "SEK" }), "BAD_INPUT", /only SEK/);
    await expectAppError(pay(invoice, { externalRef: "" }), "BAD_INPUT", /externalRef/);
    await expectAppError(
      pay({ ...invoice, invoiceId: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
    );
    const otherOrg = await createOrganizationWithCustomer(db.prisma);
    await expectAppError(pay({ ...invoice, organizationId: otherOrg.organizationId }), "NOT_FOUND");
    await expectAppError(
      pay({ ...invoice, invoiceId: draft.id }),
      "CONFLICT",
      /cannot take payments/,
    );

    expect(
      await db.prisma.ledgerEntry.count({
        where: { organizationId: invoice.organizationId, kind: "PAYMENT" },
      }),
    ).toBe(0);
    expect(
      await db.prisma.invoiceEvent.count({
        where: { invoiceId: invoice.invoiceId, type: "PAYMENT_RECEIVED" },
      }),
    ).toBe(0);
  });

  it("refuses a payment on a credited invoice", async () => {
    const invoice = await openInvoice();
    await issueFullCreditNote({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.invoiceId,
        organizationId: invoice.organizationId,
        reason: "Fel kund",
      },
    });

    await expectAppError(pay(invoice), "CONFLICT", /credited/);
    expect(await payments(invoice.invoiceId)).toHaveLength(0);
  });
});
