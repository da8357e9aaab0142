import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Balance } from "@/lib/collections/interest";
import { paymentOutcome } from "@/lib/content/analytics/outcomes";
import { addDays, daysBetween, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { sumLedger } from "@/lib/ledger/invoice-status";
import {
  CHURN_WINDOW_DAYS,
  DAYS_TO_PAY_BUCKETS,
  refreshReceivables,
} from "@/lib/receivables/refresh-receivables";
import { createReceivablesStory, STORY_NOW } from "@/tests/helpers/receivables-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The refresh against the same figures computed here, invoice by invoice, straight from the raw
 * rows with the product's own rules (paymentOutcome for paid/on time, sumLedger, the collections'
 * Balance for what paid the costs) — and a few figures of the story checked by hand besides.
 */
let database: TestDatabase;
let db: Db;
let story: Awaited<ReturnType<typeof createReceivablesStory>>;
let other: Awaited<ReturnType<typeof createReceivablesStory>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
  story = await createReceivablesStory(db);
  other = await createReceivablesStory(db);
});
afterAll(async () => database?.close());

type Row = Record<string, number | string | boolean | number[]>;

/** ReceivablesDaily of an organisation as plain values keyed by day|segment|business. */
async function storedRows(organizationId: string): Promise<Map<string, Row>> {
  const rows = await db.receivablesDaily.findMany({ where: { organizationId } });
  return new Map(
    rows.map(({ organizationId: _, refreshedAt: __, day, ...row }) => [
      `${formatCalendarDate(day)}|${row.segment}|${row.isBusiness}`,
      Object.fromEntries(
        Object.entries({ day: formatCalendarDate(day), ...row }).map(([key, value]) => [
          key,
          typeof value === "bigint" ? Number(value) : value,
        ]),
      ) as Row,
    ]),
  );
}

const EMPTY = {
  invoices: 0,
  issuedOre: 0,
  onTimeDecided: 0,
  paidOnTime: 0,
  paidInFull: 0,
  reachedReminder: 0,
  reachedHandover: 0,
  feesChargedOre: 0,
  feesWaivedOre: 0,
  feesPaidOre: 0,
  interestChargedOre: 0,
  interestWaivedOre: 0,
  interestPaidOre: 0,
  refundedOre: 0,
  creditedOre: 0,
  creditedInvoices: 0,
  supportContacts: 0,
  invoicesWithContact: 0,
  churnRemindedDecided: 0,
  churnRemindedChurned: 0,
  churnUnremindedDecided: 0,
  churnUnremindedChurned: 0,
  ledgerNetOre: 0,
};

/** The same rows, computed here from the invoices, ledger, steps, chats and contracts. */
async function expectedRows(organizationId: string, now: Date): Promise<Map<string, Row>> {
  const today = todayInSweden(now);
  const invoices = await db.invoice.findMany({
    where: { organizationId, kind: "INVOICE", status: { not: "DRAFT" } },
    include: {
      ledgerEntries: true,
      collectionActions: true,
      conversation: { include: { messages: true } },
      customer: { include: { contracts: true } },
    },
  });
  const rows = new Map<string, Row & typeof EMPTY & { daysToPay: number[] }>();
  const rowFor = (day: Date, customer: { segment: string | null; isBusiness: boolean }) => {
    const segment = customer.segment ?? "";
    const key = `${formatCalendarDate(day)}|${segment}|${customer.isBusiness}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        day: formatCalendarDate(day),
        segment,
        isBusiness: customer.isBusiness,
        ...EMPTY,
        daysToPay: [],
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const invoice of invoices) {
    const row = rowFor(invoice.issueDate!, invoice.customer);
    if (row.daysToPay.length === 0) row.daysToPay = Array(DAYS_TO_PAY_BUCKETS).fill(0);
    const entries = [...invoice.ledgerEntries].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id),
    );
    const outcome = paymentOutcome({ ...invoice, entries }, today);
    const sums = sumLedger(entries);
    row.invoices += 1;
    row.issuedOre += invoice.totalOre;
    if (outcome.hasAmountToPay && outcome.paidOnTime !== null) row.onTimeDecided += 1;
    if (outcome.hasAmountToPay && outcome.paidOnTime) row.paidOnTime += 1;
    if (outcome.hasAmountToPay && outcome.paidInFullOn) {
      row.paidInFull += 1;
      const days = daysBetween(invoice.issueDate!, outcome.paidInFullOn);
      row.daysToPay[Math.min(Math.max(days, 0), DAYS_TO_PAY_BUCKETS - 1)]! += 1;
    }
    const isInterest = (entry: (typeof entries)[number]): boolean => {
      const waived = entry.externalRef?.startsWith("waive:")
        ? entries.find((other) => other.id === entry.externalRef!.slice(6))
        : undefined;
      return (waived ?? entry).externalRef?.startsWith("interest:") ?? false;
    };
    const fees = entries.filter((entry) => entry.kind === "FEE");
    const sum = (list: typeof entries) => list.reduce((total, e) => total + e.amountOre, 0);
    const feesCharged = sum(fees.filter((e) => e.amountOre > 0 && !isInterest(e)));
    const feesWaived = -sum(fees.filter((e) => e.amountOre < 0 && !isInterest(e)));
    const interestCharged = sum(fees.filter((e) => e.amountOre > 0 && isInterest(e)));
    const interestWaived = -sum(fees.filter((e) => e.amountOre < 0 && isInterest(e)));
    const balance = new Balance();
    for (const entry of entries) {
      balance.apply({
        on: entry.occurredAt,
        kind: entry.kind === "FEE" ? "cost" : entry.kind === "PAYMENT" ? "payment" : "charge",
        amountOre: entry.kind === "PAYMENT" ? -entry.amountOre : entry.amountOre,
      });
    }
    const costsPaid = Math.max(0, sums.feesOre - balance.costsOre);
    const feesPaid = Math.min(Math.max(0, feesCharged - feesWaived), costsPaid);
    row.feesChargedOre += feesCharged;
    row.feesWaivedOre += feesWaived;
    row.feesPaidOre += feesPaid;
    row.interestChargedOre += interestCharged;
    row.interestWaivedOre += interestWaived;
    row.interestPaidOre += costsPaid - feesPaid;
    row.refundedOre += sums.refundedOre;
    row.creditedOre += sums.creditedOre;
    if (sums.creditedOre > 0) row.creditedInvoices += 1;
    const messages = (invoice.conversation?.messages ?? []).filter(
      (message) => message.authorType === "CUSTOMER" && message.kind === "MESSAGE",
    ).length;
    row.supportContacts += messages;
    if (messages > 0) row.invoicesWithContact += 1;
    const reminders = invoice.collectionActions
      .filter((action) => action.kind !== "COURTESY")
      .map((action) => action.performedOn.getTime());
    const firstReminder = reminders.length > 0 ? new Date(Math.min(...reminders)) : null;
    if (firstReminder) row.reachedReminder += 1;
    if (
      invoice.handedOverAt ||
      invoice.collectionActions.some((a) => a.kind === "COLLECTION_HANDOVER")
    ) {
      row.reachedHandover += 1;
    }
    const from = firstReminder ?? invoice.dueDate!;
    const until = addDays(from, CHURN_WINDOW_DAYS);
    if (until <= today) {
      const churned = invoice.customer.contracts.some(
        (contract) => contract.endsOn && contract.endsOn > from && contract.endsOn <= until,
      );
      if (firstReminder) {
        row.churnRemindedDecided += 1;
        if (churned) row.churnRemindedChurned += 1;
      } else {
        row.churnUnremindedDecided += 1;
        if (churned) row.churnUnremindedChurned += 1;
      }
    }
    for (const entry of entries) {
      rowFor(todayInSweden(entry.occurredAt), invoice.customer).ledgerNetOre += entry.amountOre;
    }
  }
  return rows;
}

describe("refreshing the receivables figures", () => {
  it("computes every row as the invoices, ledger, steps, chats and contracts say", async () => {
    const summary = await refreshReceivables(db, {
      organizationId: story.organizationId,
      now: STORY_NOW,
    });
    // The first run of an organisation recomputes everything.
    expect(summary).toMatchObject({ full: true, from: "2026-01-05", to: "2026-06-30" });
    const stored = await storedRows(story.organizationId);
    const expected = await expectedRows(story.organizationId, STORY_NOW);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
  });

  it("gets the story's figures right, checked by hand", async () => {
    const rows = [...(await storedRows(story.organizationId)).values()];
    const total = (column: string) => rows.reduce((sum, row) => sum + (row[column] as number), 0);
    expect(total("invoices")).toBe(6);
    // The credited invoice has nothing to pay: it is in neither share.
    expect(total("onTimeDecided")).toBe(5);
    expect(total("paidOnTime")).toBe(2);
    // The unpaid one is the only one not paid in full (the waived fee left only the principal).
    expect(total("paidInFull")).toBe(4);
    expect(total("reachedReminder")).toBe(3);
    expect(total("reachedHandover")).toBe(1);
    expect(total("feesChargedOre")).toBe(18_000);
    expect(total("feesWaivedOre")).toBe(6_000);
    // Only the late invoice's fee was paid: the unpaid one's 50 kr came before its fee.
    expect(total("feesPaidOre")).toBe(6_000);
    expect(total("interestChargedOre")).toBe(500);
    expect(total("interestPaidOre")).toBe(500);
    expect(total("refundedOre")).toBe(2_000);
    expect(total("creditedOre")).toBe(story.invoices.credited.totalOre);
    expect(total("creditedInvoices")).toBe(1);
    expect(total("supportContacts")).toBe(4);
    expect(total("invoicesWithContact")).toBe(2);
    // The late invoice's customer left 34 days after its reminder; the on-time one's (same
    // customer) 44 days after its due date; the unsegmented customer left before theirs.
    expect([total("churnRemindedChurned"), total("churnRemindedDecided")]).toEqual([1, 3]);
    expect([total("churnUnremindedChurned"), total("churnUnremindedDecided")]).toEqual([1, 3]);
    const paidAfter = rows.flatMap((row) =>
      (row.daysToPay as number[]).flatMap((count, days) => Array(count).fill(days)),
    );
    expect(paidAfter.sort((a, b) => a - b)).toEqual([7, 15, 45, 46]);
  });

  it("changes nothing when run again, and keeps each organisation to its own rows", async () => {
    const before = await storedRows(story.organizationId);
    await refreshReceivables(db, { organizationId: story.organizationId, now: STORY_NOW });
    expect(await storedRows(story.organizationId)).toEqual(before);
    expect(
      await db.receivablesDaily.count({ where: { organizationId: other.organizationId } }),
    ).toBe(0);
    await refreshReceivables(db, { organizationId: other.organizationId, now: STORY_NOW });
    expect(Object.fromEntries(await storedRows(other.organizationId))).toEqual(
      Object.fromEntries(await expectedRows(other.organizationId, STORY_NOW)),
    );
    expect(await storedRows(story.organizationId)).toEqual(before);
  });

  it("follows later changes in the rolling window, and drops rows a segment change empties", async () => {
    const { unpaid } = other.invoices;
    await db.ledgerEntry.create({
      data: {
        organizationId: other.organizationId,
        invoiceId: unpaid.id,
        kind: "PAYMENT",
        amountOre: -(unpaid.totalOre - 5_000 + 6_000),
        externalRef: `late-payment-${unpaid.id}`,
        occurredAt: new Date("2026-06-29T09:00:00Z"),
      },
    });
    await db.customer.update({
      where: { id: other.customers.unsegmented.id },
      data: { segment: "privat" },
    });
    const summary = await refreshReceivables(db, {
      organizationId: other.organizationId,
      now: STORY_NOW,
    });
    // Rows exist: the daily run recomputes the last 180 days only.
    expect(summary).toMatchObject({ full: false, from: "2026-01-01", to: "2026-06-30" });
    expect(summary.rowsRemoved).toBeGreaterThan(0);
    const stored = await storedRows(other.organizationId);
    expect(Object.fromEntries(stored)).toEqual(
      Object.fromEntries(await expectedRows(other.organizationId, STORY_NOW)),
    );
    expect([...stored.values()].some((row) => row.segment === "")).toBe(false);
  });

  it("recomputes only the days asked for", async () => {
    await db.customer.update({
      where: { id: other.customers.unsegmented.id },
      data: { segment: "senior" },
    });
    const summary = await refreshReceivables(db, {
      organizationId: other.organizationId,
      from: "2026-02-03",
      to: "2026-02-03",
      now: STORY_NOW,
    });
    expect(summary).toMatchObject({ days: 1, chunks: 1 });
    const segments = [...(await storedRows(other.organizationId)).values()]
      .filter((row) => row.invoices as number)
      .map((row) => `${row.day} ${row.segment}`)
      .sort();
    expect(segments).toContain("2026-02-03 senior");
    expect(segments).toContain("2026-01-12 privat");
  });

  it("keeps the lifetime-value inputs per segment", async () => {
    const segments = await db.receivablesSegment.findMany({
      where: { organizationId: story.organizationId },
      orderBy: { segment: "asc" },
    });
    expect(
      segments.map((s) => ({
        segment: s.segment,
        isBusiness: s.isBusiness,
        customers: s.customers,
        leftCustomers: s.leftCustomers,
        tenureDaysSum: Number(s.tenureDaysSum),
        invoicedOre12m: Number(s.invoicedOre12m),
        customerMonths12m: s.customerMonths12m,
      })),
    ).toEqual([
      {
        segment: "",
        isBusiness: false,
        customers: 1,
        leftCustomers: 1,
        // 1 Jan 2025 to 10 Feb 2026.
        tenureDaysSum: 405,
        invoicedOre12m: story.invoices.credited.totalOre + story.invoices.refunded.totalOre,
        customerMonths12m: 2,
      },
      {
        segment: "företag",
        isBusiness: true,
        customers: 1,
        leftCustomers: 0,
        // 1 Jun 2024 to 30 Jun 2026, still a customer.
        tenureDaysSum: 759,
        invoicedOre12m: story.invoices.unpaid.totalOre + story.invoices.waived.totalOre,
        customerMonths12m: 2,
      },
      {
        segment: "privat",
        isBusiness: false,
        customers: 1,
        leftCustomers: 1,
        // 1 Jan 2020 to 20 Mar 2026.
        tenureDaysSum: 2270,
        invoicedOre12m: story.invoices.onTime.totalOre + story.invoices.late.totalOre,
        customerMonths12m: 1,
      },
    ]);
  });
});
