import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ageBandFor,
  amountDueKronor,
  lastDaysToPay,
  loadTargetingFacts,
  tenureInMonths,
} from "@/lib/content/targeting/facts";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createCustomer,
  createOrganization,
  createUsageReadings,
  expectAppError,
} from "@/tests/helpers/fixtures";
import {
  createContract,
  createConversationWithMessages,
  createInvoiceFor,
  createPlan,
} from "@/tests/helpers/plan-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const TODAY = parseCalendarDate("2026-03-15");
const SYSTEM = { type: "SYSTEM" } as const;

let db: TestDatabase;
let organizationId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = (await createOrganization(db.prisma)).id;
});
afterAll(async () => db?.close());

async function pay(invoiceId: string, at: string) {
  await recordPayment({
    db: db.prisma,
    actor: SYSTEM,
    input: {
      invoiceId,
      organizationId,
      amountOre: 12_500,
      method: "swish",
      externalRef: randomUUID(),
      occurredAt: new Date(at),
    },
  });
}

const mobilePlan = () =>
  createPlan(db.prisma, organizationId, {
    kind: "MOBILE",
    usageUnit: "GB",
    monthlyFeeOre: 15_920,
    unitPriceCentiOre: 160_000,
    includedQuantityMilli: 20_000,
  });

describe("loadTargetingFacts for a long-standing mobile customer", () => {
  let invoiceId: string;
  let planCode: string;

  beforeAll(async () => {
    const customer = await createCustomer(db.prisma, organizationId, {
      birthYear: 1950,
      segment: "premium",
    });
    const ids = { organizationId, customerId: customer.id };
    const plan = await mobilePlan();
    planCode = plan.code;
    const contract = await createContract(db.prisma, {
      ...ids,
      planId: plan.id,
      startsOn: "2025-01-01",
      campaignEndsOn: "2026-04-04",
    });
    const invoice = (period: string, end: string, issue: string, due: string) =>
      createInvoiceFor(db.prisma, {
        ...ids,
        periodStart: period,
        periodEnd: end,
        issueDate: issue,
        dueDate: due,
      });
    // Due over a year ago and never paid: outside the window.
    const old = await invoice("2024-12-01", "2024-12-31", "2025-01-01", "2025-01-10");
    // Paid at 23:30 Swedish time on the due date: on time.
    const onTime = await invoice("2025-11-01", "2025-11-30", "2025-12-01", "2025-12-10");
    await pay(onTime.id, "2025-12-10T22:30:00Z");
    // Paid at 00:30 Swedish time the day after: late, though still the due date in UTC.
    const justLate = await invoice("2025-12-01", "2025-12-31", "2026-01-01", "2026-01-09");
    await pay(justLate.id, "2026-01-09T23:30:00Z");
    // Due on Saturday 28 February and paid on Monday 2 March, the next banking day: on time.
    const weekend = await invoice("2025-09-01", "2025-09-30", "2026-02-14", "2026-02-28");
    await pay(weekend.id, "2026-03-02T15:00:00Z");
    const late = await invoice("2026-01-01", "2026-01-31", "2026-02-01", "2026-02-10");
    await pay(late.id, "2026-02-20T09:00:00Z");
    // Due five days ago, still open.
    await invoice("2025-10-01", "2025-10-31", "2026-03-01", "2026-03-10");
    const current = await createInvoiceFor(db.prisma, {
      ...ids,
      contractId: contract.id,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
      issueDate: "2026-03-01",
      dueDate: "2026-03-31",
    });
    invoiceId = current.id;

    const readings = { ...ids, invoiceId: null, unit: "GB" as const };
    await createUsageReadings(db.prisma, {
      ...readings,
      from: "2026-02-01",
      count: 28,
      quantityMilli: () => 1_000,
    });
    await createUsageReadings(db.prisma, {
      ...readings,
      from: "2025-02-01",
      count: 28,
      quantityMilli: () => 800,
    });
    // The same day also reported by the hour: it must not be counted twice.
    await createUsageReadings(db.prisma, {
      ...readings,
      resolution: "HOUR",
      from: "2026-02-01",
      count: 24,
      quantityMilli: () => 40,
    });

    const talk = (
      id: string,
      messages: Parameters<typeof createConversationWithMessages>[1]["messages"],
    ) => createConversationWithMessages(db.prisma, { ...ids, invoiceId: id, messages });
    await talk(late.id, [{ authorType: "CUSTOMER", at: new Date("2026-02-20T10:00:00Z") }]);
    await talk(invoiceId, [
      { authorType: "CUSTOMER", at: new Date("2026-03-14T08:00:00Z") },
      { authorType: "STAFF", at: new Date("2026-03-14T09:00:00Z") },
    ]);
    // Too long ago, and support writing first without an answer: neither is a contact.
    await talk(onTime.id, [{ authorType: "CUSTOMER", at: new Date("2025-12-01T10:00:00Z") }]);
    await talk(old.id, [
      { authorType: "STAFF", at: new Date("2026-03-01T10:00:00Z") },
      { authorType: "STAFF", kind: "NOTE", at: new Date("2026-03-01T10:05:00Z") },
    ]);
  });

  it("computes every fact", async () => {
    expect(await loadTargetingFacts(db.prisma, { invoiceId, today: TODAY })).toEqual({
      tenureMonths: 60,
      planCode,
      planKind: "MOBILE",
      usageVsIncludedPercent: 140,
      usageChangeVsLastYearPercent: 25,
      supportContacts90d: 2,
      overdueInvoices12m: 3,
      isFirstInvoice: false,
      campaignEndsWithinDays: 20,
      ageBand: "65+",
      segment: "premium",
      isBusiness: false,
      amountDueKronor: 125,
    });
  });

  it("reads the database in two queries", async () => {
    let queries = 0;
    const counted = db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as Db;
    await loadTargetingFacts(counted, { invoiceId, today: TODAY });
    expect(queries).toBe(2);
  });

  it("lets the campaign and the overdue window move with today", async () => {
    const later = await loadTargetingFacts(db.prisma, {
      invoiceId,
      today: parseCalendarDate("2026-04-05"),
    });
    expect(later.campaignEndsWithinDays).toBeNull();
    const onItsLastDay = await loadTargetingFacts(db.prisma, {
      invoiceId,
      today: parseCalendarDate("2026-04-04"),
    });
    expect(onItsLastDay.campaignEndsWithinDays).toBe(0);
    // A year on, this invoice (due 2026-03-31, never paid) has become overdue too; the next
    // day the one due 2026-01-09 leaves the window.
    const yearOn = await loadTargetingFacts(db.prisma, {
      invoiceId,
      today: parseCalendarDate("2027-01-09"),
    });
    expect(yearOn.overdueInvoices12m).toBe(4);
    const nextYear = await loadTargetingFacts(db.prisma, {
      invoiceId,
      today: parseCalendarDate("2027-01-10"),
    });
    expect(nextYear.overdueInvoices12m).toBe(3);
  });
});

describe("overdueInvoices12m and banking days (lag 1930:173)", () => {
  it("counts an unpaid invoice due on a Saturday as overdue only after the next banking day", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const ids = { organizationId, customerId: customer.id };
    await createInvoiceFor(db.prisma, {
      ...ids,
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      issueDate: "2026-02-01",
      dueDate: "2026-02-28",
    });
    const current = await createInvoiceFor(db.prisma, {
      ...ids,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
      issueDate: "2026-03-01",
      dueDate: "2026-03-31",
    });
    const overdueOn = async (today: string) =>
      (
        await loadTargetingFacts(db.prisma, {
          invoiceId: current.id,
          today: parseCalendarDate(today),
        })
      ).overdueInvoices12m;
    expect(await overdueOn("2026-03-01")).toBe(0); // Sunday
    expect(await overdueOn("2026-03-02")).toBe(0); // Monday, the last day to pay
    expect(await overdueOn("2026-03-03")).toBe(1);
  });

  it("lists each non-banking due date with its last day to pay", () => {
    const days = JSON.parse(
      lastDaysToPay(parseCalendarDate("2026-06-18"), parseCalendarDate("2026-06-23")),
    );
    // Midsommarafton (Friday), midsommardagen and Sunday are all paid on Monday 22 June.
    expect(days).toEqual({
      "2026-06-19": "2026-06-22",
      "2026-06-20": "2026-06-22",
      "2026-06-21": "2026-06-22",
    });
  });
});

describe("loadTargetingFacts when little is known", () => {
  it("leaves unknown what it cannot know, and says it is the first invoice", async () => {
    const customer = await createCustomer(db.prisma, organizationId, { isBusiness: true });
    const invoice = await createInvoiceFor(db.prisma, {
      organizationId,
      customerId: customer.id,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
    });
    expect(await loadTargetingFacts(db.prisma, { invoiceId: invoice.id, today: TODAY })).toEqual({
      tenureMonths: 60,
      planCode: null,
      planKind: null,
      usageVsIncludedPercent: null,
      usageChangeVsLastYearPercent: null,
      supportContacts90d: 0,
      overdueInvoices12m: 0,
      isFirstInvoice: true,
      campaignEndsWithinDays: null,
      ageBand: null,
      segment: null,
      isBusiness: true,
      amountDueKronor: 125,
    });
  });

  it("rounds what is left to pay down to whole kronor", () => {
    expect(amountDueKronor(99_950)).toBe(999);
    expect(amountDueKronor(100_000)).toBe(1_000);
    expect(amountDueKronor(-5_000)).toBe(0);
  });

  it("has no included share for a plan that includes nothing, nor a change on a half-read year", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const ids = { organizationId, customerId: customer.id };
    const plan = await createPlan(db.prisma, organizationId);
    await createContract(db.prisma, { ...ids, planId: plan.id, startsOn: "2024-01-01" });
    const invoice = await createInvoiceFor(db.prisma, {
      ...ids,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
    });
    const kwh = { ...ids, invoiceId: null, unit: "KWH" as const, quantityMilli: () => 10_000 };
    await createUsageReadings(db.prisma, { ...kwh, from: "2026-02-01", count: 28 });
    await createUsageReadings(db.prisma, { ...kwh, from: "2025-02-01", count: 10 });
    const facts = await loadTargetingFacts(db.prisma, { invoiceId: invoice.id, today: TODAY });
    expect(facts).toMatchObject({
      planKind: "ENERGY",
      usageVsIncludedPercent: null,
      usageChangeVsLastYearPercent: null,
    });
  });
});

describe("loadTargetingFacts picks the contract that matters", () => {
  it("follows the invoice's line of business to the contract that replaced it", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const ids = { organizationId, customerId: customer.id };
    const broadband = await createPlan(db.prisma, organizationId, {
      kind: "BROADBAND",
      usageUnit: null,
      unitPriceCentiOre: 0,
    });
    const oldMobile = await mobilePlan();
    const newMobile = await mobilePlan();
    await createContract(db.prisma, { ...ids, planId: broadband.id, startsOn: "2026-03-01" });
    const ended = await createContract(db.prisma, {
      ...ids,
      planId: oldMobile.id,
      startsOn: "2024-01-01",
      endsOn: "2026-01-31",
    });
    await createContract(db.prisma, {
      ...ids,
      planId: newMobile.id,
      startsOn: "2026-02-01",
      campaignEndsOn: "2026-03-10",
    });
    const invoice = await createInvoiceFor(db.prisma, {
      ...ids,
      contractId: ended.id,
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
    });
    const facts = await loadTargetingFacts(db.prisma, { invoiceId: invoice.id, today: TODAY });
    // The campaign ended five days ago: no campaign, not "−5 days".
    expect(facts).toMatchObject({
      planCode: newMobile.code,
      planKind: "MOBILE",
      campaignEndsWithinDays: null,
    });
  });

  it("ignores another organisation's rows for the same customer id", async () => {
    const customer = await createCustomer(db.prisma, organizationId);
    const other = await createOrganization(db.prisma);
    const foreignPlan = await createPlan(db.prisma, other.id, {
      kind: "MOBILE",
      usageUnit: "GB",
      includedQuantityMilli: 1_000,
    });
    await createContract(db.prisma, {
      organizationId: other.id,
      customerId: customer.id,
      planId: foreignPlan.id,
      startsOn: "2025-01-01",
      campaignEndsOn: "2026-03-20",
    });
    await createUsageReadings(db.prisma, {
      organizationId: other.id,
      customerId: customer.id,
      invoiceId: null,
      unit: "GB",
      from: "2026-02-01",
      count: 28,
      quantityMilli: () => 1_000,
    });
    const invoice = await createInvoiceFor(db.prisma, {
      organizationId,
      customerId: customer.id,
      periodStart: "2026-02-01",
      periodEnd: "2026-02-28",
    });
    const facts = await loadTargetingFacts(db.prisma, { invoiceId: invoice.id, today: TODAY });
    expect(facts).toMatchObject({
      planCode: null,
      campaignEndsWithinDays: null,
      usageVsIncludedPercent: null,
      usageChangeVsLastYearPercent: null,
    });
  });

  it("refuses an invoice that does not exist", async () => {
    await expectAppError(
      loadTargetingFacts(db.prisma, { invoiceId: randomUUID(), today: TODAY }),
      "NOT_FOUND",
    );
  });
});

describe("tenureInMonths and ageBandFor", () => {
  const day = parseCalendarDate;
  it.each([
    ["2021-03-01", "2026-03-15", 60],
    ["2021-03-16", "2026-03-15", 59],
    ["2026-03-15", "2026-03-15", 0],
    ["2026-04-01", "2026-03-15", 0],
    ["2025-12-31", "2026-01-31", 1],
  ])("a customer since %s is, on %s, %i months old", (since, today, months) => {
    expect(tenureInMonths(day(since), day(today))).toBe(months);
  });

  it.each([
    [null, null],
    [2010, null],
    [2008, "18-29"],
    [1997, "18-29"],
    [1996, "30-44"],
    [1982, "30-44"],
    [1981, "45-64"],
    [1962, "45-64"],
    [1961, "65+"],
    [1880, null],
  ])("born %s → %s", (birthYear, band) => {
    expect(ageBandFor(birthYear, TODAY)).toBe(band);
  });
});
