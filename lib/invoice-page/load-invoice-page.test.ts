import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { loadInvoicePage } from "@/lib/invoice-page/load-invoice-page";
import type { InvoiceLineInput } from "@/lib/invoices/invoice-input";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { EMPTY_LEDGER } from "@/lib/ledger/invoice-status";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createIssuedInvoiceForPeriod,
  createOrganizationWithCustomer,
  createUsageReadings,
  DEFAULT_LINES,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
const day = parseCalendarDate;

const MONTHLY = DEFAULT_LINES[0]!;
/** 399,20 kr at 25 % and 99,50 kr at 6 %: VAT 99,80 + 5,97, 604,47 kr rounded to 604 kr. */
const TWO_RATE_LINES: InvoiceLineInput[] = [
  { ...MONTHLY, description: "Bredband 250/250", unitPriceCentiOre: 3_992_000 },
  { ...MONTHLY, kind: "OTHER", description: "Tidning", unitPriceCentiOre: 995_000, vatRate: 6 },
];
const TOTAL = 60_400;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

async function issuedTwoRateInvoice() {
  const ids = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { ...ids, lines: TWO_RATE_LINES });
  return { organizationId: ids.organizationId, invoice };
}

async function pay(invoiceId: string, organizationId: string, amountOre: number) {
  await recordPayment({
    db: db.prisma,
    actor: SYSTEM,
    input: { invoiceId, organizationId, amountOre, method: "swish", externalRef: randomUUID() },
  });
}

async function credit(invoiceId: string, organizationId: string) {
  return issueFullCreditNote({
    db: db.prisma,
    actor: SYSTEM,
    input: { invoiceId, organizationId, reason: "Fel abonnemang", customerText: "Krediterad." },
  });
}

async function load(invoiceId: string) {
  const page = await loadInvoicePage(db.prisma, invoiceId);
  if (!page) throw new Error(`expected a page for invoice ${invoiceId}`);
  return page;
}

describe(`loadInvoicePage (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("shows an unpaid invoice as open with the whole total due", async () => {
    const { invoice } = await issuedTwoRateInvoice();
    const page = await load(invoice.id);

    expect(page.invoice).toMatchObject({
      id: invoice.id,
      kind: "INVOICE",
      number: invoice.number,
      ocr: invoice.ocr,
      status: "OPEN",
      displayStatus: "open",
      totalOre: TOTAL,
    });
    expect(page.amountDueOre).toBe(TOTAL);
    expect(page.customerCreditOre).toBe(0);
    expect(page.ledger).toEqual({ ...EMPTY_LEDGER, issuedOre: TOTAL });
    expect(page.lines.map((l) => [l.description, l.netOre])).toEqual([
      ["Bredband 250/250", 39_920],
      ["Tidning", 9_950],
    ]);
    expect(page.totals).toMatchObject({ netOre: 49_870, vatOre: 10_577, roundingOre: -47 });
    expect(page.totals.totalOre).toBe(TOTAL);
    expect(page.totals.vatGroups).toEqual(
      expect.arrayContaining([
        { vatRate: 25, netOre: 39_920, vatOre: 9_980 },
        { vatRate: 6, netOre: 9_950, vatOre: 597 },
      ]),
    );
    expect(page.creditNotes).toEqual([]);
    expect(page.usage).toBeNull();
  });

  it("is partly paid after part of the total, and paid with nothing due after the rest", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();

    await pay(invoice.id, organizationId, 20_000);
    const partly = await load(invoice.id);
    expect(partly.invoice.displayStatus).toBe("partly_paid");
    expect(partly.amountDueOre).toBe(TOTAL - 20_000);
    expect(partly.ledger.paidOre).toBe(20_000);

    await pay(invoice.id, organizationId, TOTAL - 20_000);
    const paid = await load(invoice.id);
    expect(paid.invoice.displayStatus).toBe("paid");
    expect(paid.amountDueOre).toBe(0);
    expect(paid.customerCreditOre).toBe(0);
    expect(paid.events.filter((e) => e.type === "PAYMENT_RECEIVED")).toHaveLength(2);
  });

  it("shows a credited unpaid invoice with its credit note and only customer-visible events", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    const creditNote = await credit(invoice.id, organizationId);

    const page = await load(invoice.id);

    expect(page.invoice.displayStatus).toBe("credited");
    expect(page.amountDueOre).toBe(0);
    expect(page.customerCreditOre).toBe(0);
    expect(page.creditNotes).toEqual([
      expect.objectContaining({
        id: creditNote.creditNoteId,
        number: invoice.number + 1,
        totalOre: -TOTAL,
      }),
    ]);
    const stored = await db.prisma.invoiceEvent.findMany({ where: { invoiceId: invoice.id } });
    expect(stored.map((e) => e.type)).toEqual(
      expect.arrayContaining(["CREATED", "CREDIT_NOTE_ISSUED"]),
    );
    expect(page.events.map((e) => e.type)).toEqual(["ISSUED", "CREDITED"]);
    expect(page.events[1]?.customerText).toBe("Krediterad.");
  });

  it("gives a credit note a page of its own: the invoice it changes, its text, VAT per rate, the money", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    const creditNote = await credit(invoice.id, organizationId);
    const original = await load(invoice.id);
    // The original lists it with its VAT per rate, signed as credits.
    expect(original.creditNotes[0]?.vatGroups).toEqual([
      { vatRate: 25, netOre: -39_920, vatOre: -9_980 },
      { vatRate: 6, netOre: -9_950, vatOre: -597 },
    ]);

    const page = await load(creditNote.creditNoteId);
    expect(page.invoice).toMatchObject({ kind: "CREDIT_NOTE", number: creditNote.number });
    expect(page.creditNote).toEqual({
      creditedInvoice: {
        id: invoice.id,
        number: invoice.number,
        issueDate: original.invoice.issueDate!.toISOString().slice(0, 10),
      },
      customerText: "Krediterad.",
      settlement: { toPayBeforeOre: TOTAL, toPayAfterOre: 0, moneyBackOre: 0, moneyBack: null },
      goodwill: false,
    });
    expect(page.totals).toMatchObject({ totalOre: -TOTAL, roundingOre: 47 });
    expect(page.amountDueOre).toBe(0);
  });

  it("shows an issued invoice as it was issued, whatever the seller, buyer or settings say later", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    const before = await load(invoice.id);
    const stored = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    await db.prisma.organization.update({
      where: { id: organizationId },
      data: {
        name: "Nytt Namn AB",
        addressLine1: "Flyttgatan 9",
        bankgiro: "9999999",
        roundToWholeKrona: false,
      },
    });
    await db.prisma.customer.update({
      where: { id: stored.customerId },
      data: { name: "Nytt Kundnamn", addressLine1: "Annan väg 1" },
    });
    const after = await load(invoice.id);
    expect(after.fromSnapshot).toBe(true);
    expect(after.organization).toMatchObject({
      name: before.organization.name,
      addressLine1: before.organization.addressLine1,
      bankgiro: before.organization.bankgiro,
    });
    expect(after.customer).toMatchObject({
      name: before.customer.name,
      addressLine1: before.customer.addressLine1,
    });
    // Totals frozen at issue: still rounded to whole kronor.
    expect(after.totals).toEqual(before.totals);
    expect(after.totals.roundingOre).not.toBe(0);

    // A document from before snapshots shows the live records (and never fails).
    await db.prisma.invoice.update({
      where: { id: invoice.id },
      data: { issuedSnapshot: { version: 99 } },
    });
    const legacy = await load(invoice.id);
    expect(legacy.fromSnapshot).toBe(false);
    expect(legacy.organization.name).toBe("Nytt Namn AB");
    // Its totals are the ones stored at issue, öresutjämning and all — not recomputed with
    // today's setting (which has turned öresutjämning off) — split per rate from its lines.
    expect(legacy.totals).toEqual(before.totals);
    expect(legacy.totals).toMatchObject({
      netOre: stored.netOre,
      vatOre: stored.vatOre,
      roundingOre: stored.roundingOre,
      totalOre: stored.totalOre,
    });
  });

  it("owes the customer the whole total when a paid invoice is credited", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    await pay(invoice.id, organizationId, TOTAL);
    await credit(invoice.id, organizationId);

    const page = await load(invoice.id);

    expect(page.invoice.displayStatus).toBe("credited");
    expect(page.amountDueOre).toBe(0);
    expect(page.customerCreditOre).toBe(TOTAL);
  });

  it("has no page for a draft or an unknown id", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    expect(await loadInvoicePage(db.prisma, draft.id)).toBeNull();
    expect(await loadInvoicePage(db.prisma, randomUUID())).toBeNull();
  });

  it("lists the customer's twelve newest other documents, credit notes among them, newest period first", async () => {
    const ids = await createOrganizationWithCustomer(db.prisma);
    const { organizationId, customerId } = ids;
    const issued = [];
    for (let month = 0; month < 14; month++) {
      const periodStart = formatCalendarDate(new Date(Date.UTC(2025, month, 1)));
      const periodEnd = formatCalendarDate(new Date(Date.UTC(2025, month + 1, 0)));
      issued.push(
        await createIssuedInvoiceForPeriod(db.prisma, { ...ids, periodStart, periodEnd }),
      );
    }
    const self = issued[5]!; // June 2025
    const latest = issued[13]!;
    // Its credit note is a document of its own, listed before it (same period, later number).
    const creditNote = await credit(latest.id, organizationId);
    await createDraft(db.prisma, { organizationId, customerId });
    const otherCustomer = await createCustomer(db.prisma, organizationId);
    const neighbour = await createIssuedInvoice(db.prisma, {
      organizationId,
      customerId: otherCustomer.id,
    });
    const otherOrg = await createOrganizationWithCustomer(db.prisma);
    const foreign = await createIssuedInvoice(db.prisma, otherOrg);

    const page = await load(self.id);

    const expected = [
      creditNote.creditNoteId,
      ...issued
        .filter((invoice) => invoice.id !== self.id)
        .reverse()
        .map((invoice) => invoice.id),
    ].slice(0, 12);
    expect(page.otherInvoices.map((o) => o.id)).toEqual(expected);
    expect(page.otherInvoices[0]).toMatchObject({
      kind: "CREDIT_NOTE",
      number: creditNote.number,
      totalOre: -latest.totalOre,
    });
    expect(page.otherInvoices[1]).toMatchObject({
      kind: "INVOICE",
      number: latest.number,
      status: "CREDITED",
      periodStart: day("2026-02-01"),
      totalOre: latest.totalOre,
    });
    const listed = page.otherInvoices.map((o) => o.id);
    expect(listed).not.toContain(issued[1]!.id); // the 13th newest
    expect(listed).not.toContain(neighbour.id);
    expect(listed).not.toContain(foreign.id);
  });
});

/** January 2026 daily kWh: 10 + 0,1·i kWh on day i, 356,5 kWh in all. */
const JANUARY_KWH = (i: number) => 10_000 + 100 * i;
const JANUARY_TOTAL = 356_500;

function electricityLine(overrides: Partial<InvoiceLineInput> = {}): InvoiceLineInput {
  return {
    kind: "USAGE",
    description: "Elförbrukning",
    quantityMilli: JANUARY_TOTAL,
    unit: "kWh",
    unitPriceCentiOre: 12_500,
    vatRate: 25,
    ...overrides,
  };
}

async function usageInvoice(lines: InvoiceLineInput[]) {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId, lines });
  type Readings = Parameters<typeof createUsageReadings>[1];
  /** Daily kWh readings of this customer unless `extra` says otherwise. */
  const addReadings = (
    invoiceId: string | null,
    from: string,
    count: number,
    quantityMilli: Readings["quantityMilli"],
    extra: Partial<Readings> = {},
  ) =>
    createUsageReadings(db.prisma, {
      organizationId,
      customerId,
      unit: "KWH",
      invoiceId,
      from,
      count,
      quantityMilli,
      ...extra,
    });
  return { invoice, addReadings };
}

const periodOf = (start: string, end: string, totalMilli: number, daysWithData: number) => ({
  periodStart: day(start),
  periodEnd: day(end),
  totalMilli,
  daysWithData,
  daysInPeriod: 31,
});

describe(`loadInvoicePage's collection (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("reads the engine's plan as of the page's day for an unpaid invoice, and none once paid", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    const { dueDate } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    // The standard policy: one reminder, the organisation's days after the due date.
    const before = await loadInvoicePage(db.prisma, invoice.id, { today: dueDate! });
    const plan = before!.collection!.plan;
    expect(plan.state).toBe("scheduled");
    expect(plan.steps[0]).toMatchObject({ kind: "REMINDER" });
    expect(plan.steps[0]!.date! > dueDate!).toBe(true);
    expect(before!.collection!.respiteUntil).not.toBeNull();
    // The page's day is the day it plans from: a reminder not yet sent is due from that day on.
    const later = day(formatCalendarDate(new Date(dueDate!.getTime() + 90 * 86_400_000)));
    const late = await loadInvoicePage(db.prisma, invoice.id, { today: later });
    const next = late!.collection!.plan.steps[0]!.date!;
    expect(next >= later && next < new Date(later.getTime() + 5 * 86_400_000)).toBe(true);
    await pay(invoice.id, organizationId, TOTAL);
    expect((await load(invoice.id)).collection).toBeNull();
  });

  it("has none for a credit note", async () => {
    const { organizationId, invoice } = await issuedTwoRateInvoice();
    const note = await credit(invoice.id, organizationId);
    expect((await load(note.creditNoteId)).collection).toBeNull();
    expect((await load(invoice.id)).collection).toBeNull();
  });
});

describe(`loadInvoicePage usage (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("compares the period with the month before and the same month a year earlier", async () => {
    const { invoice, addReadings } = await usageInvoice([electricityLine()]);
    await addReadings(invoice.id, "2026-01-01", 31, JANUARY_KWH);
    await addReadings(null, "2025-12-01", 20, () => 12_000);
    await addReadings(null, "2025-01-01", 31, () => 9_000);
    // Neither another unit nor another customer's meter counts towards these totals.
    await addReadings(null, "2026-01-01", 31, () => 5, { unit: "GB" });
    const neighbour = await createOrganizationWithCustomer(db.prisma);
    await addReadings(null, "2026-01-01", 31, () => 7, {
      organizationId: neighbour.organizationId,
      customerId: neighbour.customerId,
    });

    const usage = (await load(invoice.id)).usage;

    expect(usage).toMatchObject({ unit: "KWH", resolution: "DAY" });
    expect(usage?.points).toHaveLength(31);
    expect(usage?.points[0]).toEqual({ at: day("2026-01-01"), quantityMilli: JANUARY_KWH(0) });
    expect(usage?.points[30]).toEqual({ at: day("2026-01-31"), quantityMilli: JANUARY_KWH(30) });
    const times = usage?.points.map((p) => p.at.getTime());
    expect(times).toEqual([...(times ?? [])].sort((a, b) => a - b));
    expect(usage?.current).toEqual(periodOf("2026-01-01", "2026-01-31", JANUARY_TOTAL, 31));
    expect(usage?.previous).toEqual(periodOf("2025-12-01", "2025-12-31", 240_000, 20));
    expect(usage?.lastYear).toEqual(periodOf("2025-01-01", "2025-01-31", 279_000, 31));
    // 356,5 kWh × 1,25 kr = 445,625 kr, rounded to whole öre.
    expect(usage?.usageCostOre).toBe(44_563);
    expect(usage?.unitPriceCentiOre).toBe(12_500);
  });

  it("shows hourly points when the period has any, while the total counts every reading", async () => {
    const { invoice, addReadings } = await usageInvoice([electricityLine()]);
    await addReadings(invoice.id, "2026-01-01", 48, (i) => 500 + i, { resolution: "HOUR" });
    await addReadings(invoice.id, "2026-01-03", 29, () => 11_000);

    const usage = (await load(invoice.id)).usage;

    expect(usage?.resolution).toBe("HOUR");
    expect(usage?.points).toHaveLength(48);
    expect(usage?.points[1]).toEqual({ at: new Date("2026-01-01T01:00:00Z"), quantityMilli: 501 });
    expect(usage?.current.totalMilli).toBe(48 * 500 + (47 * 48) / 2 + 29 * 11_000);
    expect(usage?.current.daysWithData).toBe(31);
  });

  it("counts a day reported both hourly and daily once, by its daily value", async () => {
    const { invoice, addReadings } = await usageInvoice([electricityLine()]);
    await addReadings(invoice.id, "2026-01-01", 24, () => 1000, { resolution: "HOUR" });
    await addReadings(invoice.id, "2026-01-01", 1, () => 23_500);

    const usage = (await load(invoice.id)).usage;

    expect(usage?.current.totalMilli).toBe(23_500);
    expect(usage?.current.daysWithData).toBe(1);
  });

  it.each([
    ["a usage line in another unit", electricityLine({ unit: "GB" })],
    ["a kWh line for another quantity", electricityLine({ quantityMilli: JANUARY_TOTAL - 1000 })],
    ["a kWh line that is not usage", electricityLine({ kind: "FEE" })],
  ])("has no usage cost when the only candidate is %s", async (_name, line) => {
    const { invoice, addReadings } = await usageInvoice([line]);
    await addReadings(invoice.id, "2026-01-01", 31, JANUARY_KWH);

    const usage = (await load(invoice.id)).usage;

    expect(usage?.current.totalMilli).toBe(JANUARY_TOTAL);
    expect(usage?.usageCostOre).toBeNull();
    expect(usage?.unitPriceCentiOre).toBeNull();
  });
});
