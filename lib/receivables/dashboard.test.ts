import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateOf } from "@/lib/content/analytics/wilson-interval";
import { parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { loadReceivablesDashboard } from "@/lib/receivables/dashboard";
import { marketingView } from "@/lib/receivables/marketing-view";
import {
  NO_SEGMENT,
  readReceivablesSearch,
  receivablesFilter,
  receivablesQuerySchema,
} from "@/lib/receivables/receivables-query";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { createReceivablesStory, STORY_NOW } from "@/tests/helpers/receivables-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let database: TestDatabase;
let db: Db;
let story: Awaited<ReturnType<typeof createReceivablesStory>>;
const today = todayInSweden(STORY_NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
  story = await createReceivablesStory(db);
  // Another organisation's figures never show.
  const other = await createReceivablesStory(db);
  await refreshReceivables(db, { organizationId: other.organizationId, now: STORY_NOW });
  await addExperiment();
  await refreshReceivables(db, { organizationId: story.organizationId, now: STORY_NOW });
});
afterAll(async () => database?.close());

/** Variants A and B on the reminder step, and the outcome of each reminder taken. */
async function addExperiment() {
  const actions = await db.collectionAction.findMany({
    where: { organizationId: story.organizationId, kind: "REMINDER" },
    select: { id: true, invoiceId: true, policyId: true, stepId: true, performedOn: true },
  });
  const stepId = actions[0]!.stepId;
  await db.collectionStep.update({ where: { id: stepId }, data: { experimentMode: "SPLIT" } });
  await db.collectionStepVariant.createMany({
    data: [
      { stepId, key: "A", name: "Vänlig", weight: 50 },
      { stepId, key: "B", name: "Bestämd", weight: 50 },
    ],
  });
  const { late, unpaid, waived } = story.invoices;
  const outcomes = {
    [late.id]: { variantKey: "A", paidWithin14: true, churned90d: true, reward: 0.4 },
    [unpaid.id]: {
      variantKey: "B",
      paidWithin14: false,
      reachedNextStep: true,
      supportContacts14d: 3,
      churned90d: false,
      reward: 0.1,
    },
    [waived.id]: { variantKey: "A", paidWithin14: true, churned90d: false, reward: 0.9 },
  };
  await db.collectionOutcome.createMany({
    data: actions.map((action) => ({
      actionId: action.id,
      organizationId: story.organizationId,
      invoiceId: action.invoiceId,
      policyId: action.policyId,
      stepId: action.stepId,
      band: "consumer",
      performedOn: action.performedOn,
      final: true,
      ...outcomes[action.invoiceId],
    })),
  });
}

const halfYear = (query: Record<string, string> = {}) =>
  receivablesFilter(
    receivablesQuerySchema.parse({ from: "2026-01-01", to: "2026-06-30", ...query }),
    today,
  );
const load = (query: Record<string, string> = {}) =>
  loadReceivablesDashboard(db, {
    organizationId: story.organizationId,
    filter: halfYear(query),
    today,
  });

describe("the receivables dashboard", () => {
  it("sums the days into months, with the shares, median and DSO of each", async () => {
    const dashboard = await load();
    expect(dashboard.periods.map((p) => p.label)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    const [january, february, march] = dashboard.periods;
    const { onTime, late, unpaid, credited, refunded, waived } = story.invoices;
    expect(january).toMatchObject({
      invoices: 4,
      issuedOre: onTime.totalOre + late.totalOre + unpaid.totalOre + credited.totalOre,
      onTimeDecided: 3,
      paidOnTime: 1,
      medianDaysToPay: { days: 30.5, atLeast: false },
      days: 31,
    });
    expect(february).toMatchObject({ invoices: 2, paidOnTime: 1, onTimeDecided: 2 });
    expect(dashboard.total).toMatchObject({
      invoices: 6,
      paidOnTime: 2,
      onTimeDecided: 5,
      medianDaysToPay: { days: 30, atLeast: false },
      supportContacts: 4,
      from: "2026-01-01",
      to: "2026-06-30",
      days: 181,
    });

    // DSO's numerator, from the raw ledger: everything booked up to the period's last day.
    const entries = await db.ledgerEntry.findMany({
      where: { organizationId: story.organizationId },
      select: { amountOre: true, occurredAt: true },
    });
    const outstandingAt = (day: string) =>
      entries
        .filter((entry) => todayInSweden(entry.occurredAt) <= parseCalendarDate(day))
        .reduce((sum, entry) => sum + entry.amountOre, 0);
    expect(january!.outstandingOre).toBe(outstandingAt("2026-01-31"));
    expect(january!.dsoDays).toBeCloseTo((outstandingAt("2026-01-31") / january!.issuedOre) * 31);
    expect(march!.outstandingOre).toBe(outstandingAt("2026-03-31"));
    // Nothing issued in March: no DSO to speak of.
    expect(march!.dsoDays).toBeNull();
    // The unpaid claim (less its 50 kr) and its fee is what is left at the end.
    expect(dashboard.total.outstandingOre).toBe(unpaid.totalOre - 5_000 + 6_000 + 2_000);
    expect(refunded.totalOre + waived.totalOre).toBe(february!.issuedOre);
    expect(dashboard.refreshedAt).toBeInstanceOf(Date);
  });

  it("starts the balance before the range, so a later range still sees what is owed", async () => {
    const march = await load({ from: "2026-03-01", to: "2026-03-31" });
    const full = await load();
    expect(march.total.outstandingOre).toBe(full.periods[2]!.outstandingOre);
  });

  it("filters by segment (or none) and by consumer or business", async () => {
    const privat = await load({ segment: "privat" });
    expect(privat.total).toMatchObject({ invoices: 2, paidOnTime: 1, churnRemindedChurned: 1 });
    const none = await load({ segment: NO_SEGMENT });
    expect(none.total).toMatchObject({ invoices: 2, creditedInvoices: 1, refundedOre: 2_000 });
    const business = await load({ kind: "business" });
    expect(business.total).toMatchObject({ invoices: 2, reachedHandover: 1 });
    expect(business.segments.map((s) => s.segment)).toEqual(["företag"]);
    expect((await load({ kind: "consumer" })).total.invoices).toBe(4);
    expect((await load({ segment: "nobody" })).total.invoices).toBe(0);
    expect(privat.segmentNames.sort()).toEqual(["", "företag", "privat"]);
  });

  it("sums weeks too", async () => {
    const weeks = await load({ period: "week", from: "2026-01-05", to: "2026-01-18" });
    expect(weeks.periods.map((p) => [p.label, p.invoices])).toEqual([
      ["2026-W02", 2],
      ["2026-W03", 2],
    ]);
  });

  it("estimates each segment's lifetime value at the margin the filter names", async () => {
    const dashboard = await load({ margin: "50" });
    const privat = dashboard.segments.find((s) => s.segment === "privat")!;
    const monthly = story.invoices.onTime.totalOre + story.invoices.late.totalOre;
    expect(privat.monthlyInvoicedOre).toBe(monthly);
    expect(privat.tenureMonths).toBeCloseTo(2270 / 30.436875);
    expect(privat.lifetimeValueOre).toBe(Math.round(monthly * 0.5 * (2270 / 30.436875)));
  });

  it("shows each variant's results with their 95 % intervals, in the customer filter", async () => {
    const [step] = (await load()).experiments;
    expect(step).toMatchObject({ policyName: "Standard", stepNumber: 1, stepKind: "REMINDER" });
    const [a, b] = step!.variants;
    expect(a).toMatchObject({ key: "A", name: "Vänlig", weight: 50, actions: 2, rewards: 2 });
    expect(a!.paidWithin14).toEqual(rateOf(2, 2));
    expect(a!.churned).toEqual(rateOf(1, 2));
    expect(a!.reachedNextStep).toEqual(rateOf(0, 2));
    expect(a!.averageReward).toBeCloseTo(0.65);
    expect(b).toMatchObject({ key: "B", actions: 1, contactsPer100: 300 });
    expect(b!.contacted).toEqual(rateOf(1, 1));
    expect(b!.reachedNextStep).toEqual(rateOf(1, 1));
    const business = (await load({ kind: "business" })).experiments[0]!;
    expect(business.variants.map((v) => [v.key, v.actions])).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
    expect((await load({ from: "2026-03-01" })).experiments[0]!.variants.map((v) => v.key)).toEqual(
      ["A"],
    );
  });

  it("gives marketing the support load, churn and experiments, and no money", async () => {
    const view = marketingView(await load());
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/Ore"|dso|outstanding/i);
    expect(view.total).toMatchObject({ invoices: 6, supportContacts: 4, churnRemindedDecided: 3 });
    expect(view.experiments).toHaveLength(1);
  });

  it("answers an organisation that was never refreshed with empty figures", async () => {
    const { filter } = readReceivablesSearch({}, today);
    const other = await createReceivablesStory(db);
    const dashboard = await loadReceivablesDashboard(db, {
      organizationId: other.organizationId,
      filter,
      today,
    });
    expect(dashboard.total.invoices).toBe(0);
    expect(dashboard.refreshedAt).toBeNull();
    expect(dashboard.experiments).toEqual([]);
  });
});
