import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { issueCreditNoteInputSchema } from "@/lib/invoices/credit-note-input";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import { creditTestBed } from "@/tests/helpers/credit-test-bed";
import {
  addReminderFee,
  atTheBoundary,
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/** Crediting an amount or a compensation, and what every credit refuses (issueCreditNote). */
const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const { issued, versionOf, credit, creditNote } = creditTestBed(() => db.prisma);

describe(`issueCreditNote by amount and goodwill (${testDatabaseKind})`, () => {
  it("credits 100,00 kr incl. 25 % VAT as net 80,00 and VAT 20,00, then never more than is left", async () => {
    const { organizationId, invoice } = await issued();
    const target = { invoiceId: invoice.id, organizationId };
    const result = await credit(target, { kind: "amount", amountOre: 10_000, vatRate: 25 });
    const { row, recomputed } = await creditNote(result.creditNoteId);
    expect(row).toMatchObject({
      netOre: -8_000,
      vatOre: -2_000,
      roundingOre: 0,
      totalOre: -10_000,
    });
    expect(recomputed).toMatchObject({ netOre: -8_000, vatOre: -2_000, totalOre: -10_000 });
    expect(row.lines.map((l) => [l.position, l.kind, l.description, l.descriptionEn])).toEqual([
      [0, "CREDIT", "Kreditering", "Credit"],
    ]);
    expect(result).toMatchObject({
      status: "OPEN",
      creditedOre: 10_000,
      remainingCreditableOre: 2_500,
    });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(2_500);

    await expectAppError(
      credit(target, { kind: "amount", amountOre: 3_000, vatRate: 25 }),
      "CONFLICT",
      /Only 25,00\skr including VAT is left to credit at 25 %/,
    );
    // An amount credit does not use up any line: the lines can still be credited (up to the money left).
    expect((await credit(target, { kind: "amount", amountOre: 2_500, vatRate: 25 })).status).toBe(
      "CREDITED",
    );
    await expectAppError(
      credit(target, { kind: "amount", amountOre: 100, vatRate: 25 }),
      "CONFLICT",
      /already been credited in full/,
    );
  });

  it("refuses an amount that cannot be split exactly, naming the nearest that can", async () => {
    const organization = await createOrganization(db.prisma, { roundToWholeKrona: false });
    const customer = await createCustomer(db.prisma, organization.id);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const target = { invoiceId: invoice.id, organizationId: organization.id };
    await expectAppError(
      credit(target, { kind: "amount", amountOre: 10_002, vatRate: 25 }),
      "BAD_INPUT",
      /100,01\skr or 100,03\skr/,
    );
    const exact = await credit(target, { kind: "amount", amountOre: 10_001, vatRate: 25 });
    expect((await creditNote(exact.creditNoteId, false)).row).toMatchObject({
      netOre: -8_001,
      vatOre: -2_000,
      totalOre: -10_001,
    });
  });

  it("compensates a paid invoice: a compensation on the customer's timeline, money to get back", async () => {
    const { organizationId, invoice } = await issued();
    await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.id,
        organizationId,
        amountOre: invoice.totalOre,
        method: "bank_transfer",
        externalRef: `bg-${invoice.id}`,
      },
    });
    const result = await credit(
      { invoiceId: invoice.id, organizationId },
      { kind: "goodwill", amountOre: 5_000, vatRate: 25 },
      { reason: "Avbrott i tre dagar" },
    );
    expect(result).toMatchObject({
      status: "PAID",
      creditedOre: 5_000,
      version: invoice.version + 2,
    });
    const { row } = await creditNote(result.creditNoteId);
    expect(row.lines[0]).toMatchObject({
      description: "Kompensation",
      descriptionEn: "Compensation",
      kind: "CREDIT",
    });
    expect(balanceOre(await getLedgerSums(db.prisma, invoice.id))).toBe(-5_000);
    const events = await db.prisma.invoiceEvent.findMany({
      where: {
        invoiceId: invoice.id,
        type: { in: ["CREDITED", "COMPENSATION_CREDITED", "CREDIT_NOTE_ISSUED"] },
      },
      orderBy: { type: "asc" },
    });
    expect(events.map((e) => [e.type, e.visibility, e.customerText])).toEqual([
      ["COMPENSATION_CREDITED", "CUSTOMER", null],
      ["CREDIT_NOTE_ISSUED", "STAFF", null],
    ]);
    expect(events[0]?.data).toEqual({
      creditNoteId: row.id,
      creditNoteNumber: row.number,
      creditedOre: 5_000,
      mode: "goodwill",
    });
    expect(events[1]?.data).toMatchObject({ reason: "Avbrott i tre dagar", mode: "goodwill" });
  });

  it("takes VAT back only at the rates the invoice charged, and never a reminder fee", async () => {
    const { organizationId, invoice } = await issued();
    await addReminderFee(db.prisma, { organizationId, invoiceId: invoice.id, amountOre: 6_000 });
    const target = { invoiceId: invoice.id, organizationId };
    await expectAppError(
      credit(target, { kind: "amount", amountOre: 6_000, vatRate: 12 }),
      "CONFLICT",
      /Nothing is left to credit at 12 % VAT.*reminder fee.*fee waiver/,
    );
    // The fee is outside VAT and not the invoice's turnover: the credit-note path says so.
    await expectAppError(
      credit(target, { kind: "amount", amountOre: 6_000, vatRate: 0 }),
      "CONFLICT",
      /A reminder fee is outside VAT.*fee waiver, not a credit note/,
    );
    await expectAppError(
      credit(target, { kind: "amount", amountOre: 12_600, vatRate: 25 }),
      "CONFLICT",
      /Only 125,00\skr including VAT is left to credit at 25 %.*fee waiver/,
    );
    expect(await db.prisma.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(0);

    // Crediting all it charged takes the fee with it: a waiver, booked beside the credit note.
    const last = await credit(target, { kind: "amount", amountOre: 12_500, vatRate: 25 });
    expect(last).toMatchObject({ status: "CREDITED", creditedOre: 12_500, waivedFeesOre: 6_000 });
    const sums = await getLedgerSums(db.prisma, invoice.id);
    expect(sums).toMatchObject({ feesOre: 0, creditedOre: 12_500 });
    expect(balanceOre(sums)).toBe(0);
    const note = await db.prisma.invoice.findFirstOrThrow({
      where: { creditedInvoiceId: invoice.id },
      include: { lines: true },
    });
    expect(note.lines.map((line) => line.vatRate)).toEqual([25]);
    expect(
      await db.prisma.invoiceEvent.findMany({
        where: { invoiceId: invoice.id, type: { in: ["FEE_WAIVED", "FEE_WAIVER_BOOKED"] } },
        select: { type: true, visibility: true, data: true },
        orderBy: { type: "asc" },
      }),
    ).toEqual([
      { type: "FEE_WAIVED", visibility: "CUSTOMER", data: { amountOre: 6_000 } },
      {
        type: "FEE_WAIVER_BOOKED",
        visibility: "STAFF",
        data: expect.objectContaining({
          amountOre: 6_000,
          reason: expect.stringMatching(/credit note/),
        }),
      },
    ]);
  });
});

describe(`issueCreditNote refusals (${testDatabaseKind})`, () => {
  it("needs the current version, the invoice's own organisation and an issued invoice; writes nothing otherwise", async () => {
    const { organizationId, customerId, invoice } = await issued();
    const other = await createOrganizationWithCustomer(db.prisma);
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    const amount = { kind: "amount" as const, amountOre: 1_000, vatRate: 25 };
    const input = { invoiceId: invoice.id, organizationId, reason: "Fel pris", mode: amount };

    const stale = await expectAppError(
      issueCreditNote({
        db: db.prisma,
        actor: SYSTEM,
        input: { ...input, expectedVersion: invoice.version - 1 },
      }),
      "STALE_VERSION",
    );
    expect(stale.details).toMatchObject({ currentVersion: invoice.version });
    await expectAppError(
      atTheBoundary(issueCreditNoteInputSchema, { ...input, expectedVersion: undefined }),
      "BAD_INPUT",
      /expectedVersion/,
    );
    await expectAppError(
      credit({ invoiceId: invoice.id, organizationId: other.organizationId }, amount),
      "NOT_FOUND",
    );
    await expectAppError(
      credit({ invoiceId: draft.id, organizationId }, amount),
      "CONFLICT",
      /edit a draft instead/,
    );
    await expectAppError(
      credit({ invoiceId: invoice.id, organizationId }, amount, { reason: "x" }),
      "BAD_INPUT",
      /reason/,
    );
    await expectAppError(
      credit({ invoiceId: invoice.id, organizationId }, { ...amount, vatRate: 7 }),
      "BAD_INPUT",
      /VAT rate/,
    );

    expect(await db.prisma.invoice.count({ where: { organizationId, kind: "CREDIT_NOTE" } })).toBe(
      0,
    );
    expect(
      await db.prisma.ledgerEntry.count({ where: { invoiceId: invoice.id, kind: "CREDIT" } }),
    ).toBe(0);
    expect(await versionOf(invoice.id)).toBe(invoice.version);
    expect(
      await db.prisma.invoiceNumberSeries.findUniqueOrThrow({ where: { organizationId } }),
    ).toMatchObject({
      lastNumber: 1,
    });
  });

  it("lets only one of two agents crediting the same version through", async () => {
    const { organizationId, invoice } = await issued();
    const input = {
      invoiceId: invoice.id,
      organizationId,
      reason: "Dubbelklick",
      expectedVersion: invoice.version,
      mode: { kind: "amount" as const, amountOre: invoice.totalOre, vatRate: 25 },
    };
    const outcomes = await Promise.allSettled([
      issueCreditNote({ db: db.prisma, actor: SYSTEM, input }),
      issueCreditNote({ db: db.prisma, actor: SYSTEM, input }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "STALE_VERSION" });
    expect(await getLedgerSums(db.prisma, invoice.id)).toMatchObject({
      creditedOre: invoice.totalOre,
    });
  });

  it("credits an overdue invoice with the credit note's issue date deciding the status", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId,
      customerId,
      issueDate: parseCalendarDate("2026-01-01"),
      dueDate: parseCalendarDate("2026-01-31"),
    });
    const result = await issueCreditNote({
      db: db.prisma,
      actor: SYSTEM,
      issueDate: parseCalendarDate("2026-02-10"),
      input: {
        invoiceId: invoice.id,
        organizationId,
        reason: "Delvis fel",
        expectedVersion: invoice.version,
        mode: { kind: "amount", amountOre: 2_500, vatRate: 25 },
      },
    });
    expect(result.status).toBe("OVERDUE");
  });
});

describe(`what a credit note says happens to the money (${testDatabaseKind})`, () => {
  /** An issued invoice paid in full through the provider by the given methods, in equal parts. */
  async function paidBy(methods: Array<"CARD" | "SWISH">, refundPolicy?: "KEEP_CREDIT") {
    const target = await issued();
    const { organizationId, invoice } = target;
    if (refundPolicy) {
      await db.prisma.organization.update({
        where: { id: organizationId },
        data: { refundPolicy },
      });
    }
    const part = Math.floor(invoice.totalOre / methods.length);
    for (const [index, method] of methods.entries()) {
      const amountOre = index === methods.length - 1 ? invoice.totalOre - part * index : part;
      const providerPaymentId = `pi_${method}_${index}_${invoice.id}`;
      await db.prisma.paymentAttempt.create({
        data: {
          organizationId,
          invoiceId: invoice.id,
          provider: "STRIPE",
          method,
          amountOre,
          status: "SUCCEEDED",
          providerPaymentId,
        },
      });
      await recordPayment({
        db: db.prisma,
        actor: SYSTEM,
        input: {
          invoiceId: invoice.id,
          organizationId,
          amountOre,
          method: method === "SWISH" ? "swish" : "card",
          externalRef: providerPaymentId,
        },
      });
    }
    return target;
  }

  async function settlementOf(target: Awaited<ReturnType<typeof issued>>) {
    const result = await credit(
      { invoiceId: target.invoice.id, organizationId: target.organizationId },
      { kind: "amount", amountOre: 5_000, vatRate: 25 },
    );
    const { row } = await creditNote(result.creditNoteId);
    return (row.issuedSnapshot as { creditNote: { settlement: Record<string, unknown> } })
      .creditNote.settlement;
  }

  it("records the method a refund goes back by: Swish for a Swish payment, not a card", async () => {
    expect(await settlementOf(await paidBy(["SWISH"]))).toMatchObject({
      moneyBackOre: 5_000,
      moneyBack: "refund",
      refundMethods: ["swish"],
    });
    expect(await settlementOf(await paidBy(["CARD"]))).toMatchObject({
      moneyBack: "refund",
      refundMethods: ["card"],
    });
    expect(await settlementOf(await paidBy(["SWISH", "CARD"]))).toMatchObject({
      moneyBack: "refund",
      refundMethods: ["card", "swish"],
    });
  });

  it("keeps the credit, with no refund method, when the organisation keeps credits", async () => {
    const settlement = await settlementOf(await paidBy(["SWISH"], "KEEP_CREDIT"));
    expect(settlement).toMatchObject({ moneyBackOre: 5_000, moneyBack: "credit_balance" });
    expect(settlement).not.toHaveProperty("refundMethods");
  });
});
