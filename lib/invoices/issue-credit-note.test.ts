import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { creditNoteInputSchema } from "@/lib/invoices/credit-note-input";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  atTheBoundary,
  createDraft,
  createIssuedInvoice,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
/** −n without JavaScript's −0, which the database cannot store and toEqual tells apart from 0. */
const negate = (n: number) => 0 - n;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe(`issueFullCreditNote (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("credits an invoice with the next number in its series, negating every line", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const staff = await db.prisma.staffUser.create({
      data: {
        organizationId,
        email: `agent.${organizationId}@example.se`,
        name: "Agent",
        passwordHash: "x",
        role: "AGENT",
      },
    });
    const lines: InvoiceLineInput[] = [
      {
        kind: "SUBSCRIPTION",
        description: "Bredband",
        quantityMilli: 1000,
        unit: "mån",
        unitPriceCentiOre: 3_992_000,
        vatRate: 25,
        discountOre: 1_000,
      },
      {
        kind: "USAGE",
        description: "Samtal",
        quantityMilli: 12_345,
        unit: "min",
        unitPriceCentiOre: 4900,
        vatRate: 25,
      },
      {
        kind: "OTHER",
        description: "Tidning",
        quantityMilli: 1000,
        unit: "st",
        unitPriceCentiOre: 995_000,
        vatRate: 6,
      },
    ];
    const original = await createIssuedInvoice(db.prisma, { organizationId, customerId, lines });
    const issueDate = parseCalendarDate("2026-02-15");

    const result = await issueFullCreditNote({
      db: db.prisma,
      actor: { type: "STAFF", staffId: staff.id, organizationId },
      issueDate,
      input: {
        invoiceId: original.id,
        organizationId,
        reason: "Kunden flyttade innan perioden började",
        customerText: "Vi har krediterat fakturan.",
        expectedVersion: original.version,
      },
    });

    expect(result).toEqual({
      creditNoteId: expect.any(String),
      number: original.number + 1,
      creditedOre: original.totalOre,
    });
    const creditNote = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: result.creditNoteId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    const originalRow = await db.prisma.invoice.findUniqueOrThrow({
      where: { id: original.id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    // Chosen so that öresutjämning is not zero: the credit note must mirror it too.
    expect(originalRow.roundingOre).toBe(47);
    expect(creditNote).toMatchObject({
      kind: "CREDIT_NOTE",
      status: "CREDITED",
      number: original.number + 1,
      creditedInvoiceId: original.id,
      creditReason: "Kunden flyttade innan perioden började",
      customerId,
      issueDate,
      netOre: negate(originalRow.netOre),
      vatOre: negate(originalRow.vatOre),
      roundingOre: negate(originalRow.roundingOre),
      totalOre: -original.totalOre,
    });
    expect(
      creditNote.lines.map((l) => [
        l.position,
        l.description,
        l.quantityMilli,
        l.unitPriceCentiOre,
        l.discountOre,
        l.vatRate,
      ]),
    ).toEqual(
      originalRow.lines.map((l) => [
        l.position,
        l.description,
        negate(l.quantityMilli),
        l.unitPriceCentiOre,
        negate(l.discountOre),
        l.vatRate,
      ]),
    );

    expect(originalRow).toMatchObject({ status: "CREDITED", version: original.version + 1 });
    const ledger = await db.prisma.ledgerEntry.findMany({
      where: { invoiceId: original.id },
      orderBy: { kind: "asc" },
    });
    expect(ledger.map((e) => [e.kind, e.amountOre])).toEqual([
      ["INVOICE_ISSUED", original.totalOre],
      ["CREDIT", -original.totalOre],
    ]);
    expect(await getLedgerSums(db.prisma, original.id)).toMatchObject({
      creditedOre: original.totalOre,
    });

    const events = await db.prisma.invoiceEvent.findMany({
      where: { invoiceId: original.id, type: { in: ["CREDITED", "CREDIT_NOTE_ISSUED"] } },
      orderBy: { type: "asc" },
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: "CREDITED",
        visibility: "CUSTOMER",
        actorType: "STAFF",
        actorStaffId: staff.id,
        customerText: "Vi har krediterat fakturan.",
        data: {
          creditNoteId: result.creditNoteId,
          creditNoteNumber: result.number,
          creditedOre: original.totalOre,
        },
      }),
      expect.objectContaining({
        type: "CREDIT_NOTE_ISSUED",
        visibility: "STAFF",
        customerText: null,
        data: {
          creditNoteId: result.creditNoteId,
          creditNoteNumber: result.number,
          reason: "Kunden flyttade innan perioden började",
        },
      }),
    ]);
    // The staff-only reason never reaches what the customer can read.
    expect(JSON.stringify(events[0])).not.toContain("flyttade");

    // The series stays shared and gap-free: the next invoice follows the credit note.
    expect((await createIssuedInvoice(db.prisma, { organizationId, customerId })).number).toBe(
      original.number + 2,
    );
  });

  it("refuses to credit twice, to credit a draft, a credit note or a stale version, and writes nothing", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const original = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    const credit = (invoiceId: string, expectedVersion?: number) =>
      issueFullCreditNote({
        db: db.prisma,
        actor: SYSTEM,
        input: { invoiceId, organizationId, reason: "Fel pris", expectedVersion },
      });

    await expectAppError(credit(original.id, original.version - 1), "STALE_VERSION");
    await expectAppError(credit(draft.id), "CONFLICT", /edit a draft instead/);
    const { creditNoteId } = await credit(original.id, original.version);
    await expectAppError(credit(original.id), "CONFLICT", /already been credited/);
    await expectAppError(credit(creditNoteId), "CONFLICT");
    await expectAppError(
      atTheBoundary(creditNoteInputSchema, { invoiceId: original.id, organizationId, reason: "x" }),
      "BAD_INPUT",
      /reason/,
    );

    expect(await db.prisma.invoice.count({ where: { organizationId, kind: "CREDIT_NOTE" } })).toBe(
      1,
    );
    expect(await db.prisma.ledgerEntry.count({ where: { organizationId, kind: "CREDIT" } })).toBe(
      1,
    );
    expect(
      await db.prisma.invoiceNumberSeries.findUniqueOrThrow({ where: { organizationId } }),
    ).toMatchObject({ lastNumber: 2 });
  });
});

describe("markOverdueInvoices", () => {
  it("moves OPEN invoices past their due date to OVERDUE and leaves the rest alone", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const dates = (issue: string, due: string) => ({
      organizationId,
      customerId,
      issueDate: parseCalendarDate(issue),
      dueDate: parseCalendarDate(due),
    });
    const late = await createIssuedInvoice(db.prisma, dates("2020-01-01", "2020-01-31"));
    const dueToday = await createIssuedInvoice(db.prisma, dates("2020-01-15", "2020-02-14"));
    const paid = await createIssuedInvoice(db.prisma, dates("2020-01-01", "2020-01-31"));
    await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: paid.id,
        organizationId,
        amountOre: paid.totalOre,
        method: "bank_transfer",
        externalRef: `bg-${paid.id}`,
      },
    });
    const credited = await createIssuedInvoice(db.prisma, dates("2020-01-01", "2020-01-31"));
    await issueFullCreditNote({
      db: db.prisma,
      actor: SYSTEM,
      input: { invoiceId: credited.id, organizationId, reason: "Dubblett" },
    });
    const draft = await createDraft(db.prisma, { organizationId, customerId });

    const moved = await markOverdueInvoices({
      db: db.prisma,
      today: parseCalendarDate("2020-02-14"),
    });

    expect(moved).toBe(1);
    const statuses = await db.prisma.invoice.findMany({
      where: { organizationId },
      select: { id: true, kind: true, status: true, version: true },
    });
    const statusOf = (id: string) => statuses.find((s) => s.id === id);
    expect(statusOf(late.id)).toMatchObject({ status: "OVERDUE", version: late.version + 1 });
    expect(statusOf(dueToday.id)).toMatchObject({ status: "OPEN", version: dueToday.version });
    expect(statusOf(paid.id)?.status).toBe("PAID");
    expect(statusOf(credited.id)?.status).toBe("CREDITED");
    expect(statusOf(draft.id)?.status).toBe("DRAFT");
    expect(statuses.filter((s) => s.kind === "CREDIT_NOTE").map((s) => s.status)).toEqual([
      "CREDITED",
    ]);

    const changes = await db.prisma.invoiceEvent.findMany({
      where: { organizationId, type: "STATUS_CHANGED" },
    });
    expect(changes).toEqual([
      expect.objectContaining({
        invoiceId: late.id,
        visibility: "STAFF",
        data: { from: "OPEN", to: "OVERDUE" },
      }),
    ]);

    // Running it again changes nothing more.
    expect(
      await markOverdueInvoices({ db: db.prisma, today: parseCalendarDate("2020-02-14") }),
    ).toBe(0);
    expect(
      await db.prisma.invoiceEvent.count({ where: { organizationId, type: "STATUS_CHANGED" } }),
    ).toBe(1);
  });
});
