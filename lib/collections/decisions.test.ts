import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeBand,
  listExperimentSteps,
  loadStepDecisions,
  weeklyAllocation,
} from "@/lib/collections/decisions";
import { policyInputSchema } from "@/lib/collections/policies";
import { savePolicy } from "@/lib/collections/policy-admin";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { STANDARD_STEP_INPUTS } from "@/tests/helpers/collection-cases";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/** The learner's decisions explained: allocation, beliefs per band and recent choices. */
const day = parseCalendarDate;
const TODAY = day("2026-12-31");

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

async function experimentWorld() {
  const organization = await createOrganization(db);
  const variant = (key: string, weight: number) => ({ key, name: `Variant ${key}`, weight });
  const { id: policyId } = await savePolicy({
    db,
    organizationId: organization.id,
    input: policyInputSchema.parse({
      name: "Lärande",
      targeting: { all: [] },
      feeMinimumAmountDueOre: 10_000,
      chargeInterest: false,
      interestMinimumOre: 1_000,
      respiteMaxDays: 14,
      paymentPlanMinOre: null,
      paymentPlanMaxParts: 3,
      paymentPlanFeeOre: 0,
      agencyName: "Inkasso AB",
      agencyContact: "08-123 45 67",
      steps: STANDARD_STEP_INPUTS.map((step, index) =>
        index === 1
          ? {
              ...step,
              experimentMode: "LEARNING",
              variants: [variant("A", 50), variant("B", 50), variant("C", 0)],
            }
          : index === 2
            ? { ...step, experimentMode: "SPLIT", variants: [variant("A", 70), variant("B", 30)] }
            : { ...step },
      ),
    }),
    actor: { staffId: "00000000-0000-4000-8000-00000000a001" },
  });
  const steps = await db.collectionStep.findMany({
    where: { policyId },
    orderBy: { position: "asc" },
  });
  const customer = await createCustomer(db, organization.id);
  async function taken(
    stepIndex: number,
    performedOn: string,
    variantKey: string | null,
    assignment: Record<string, unknown> | null,
  ) {
    const invoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const step = steps[stepIndex]!;
    await db.collectionAction.create({
      data: {
        organizationId: organization.id,
        invoiceId: invoice.id,
        policyId,
        stepId: step.id,
        kind: step.kind,
        channel: step.channel,
        plannedFor: day(performedOn),
        performedOn: day(performedOn),
        performedAt: new Date(`${performedOn}T09:00:00Z`),
        amountDueOre: 50_000,
        reason: "reminder-fee; none-accrued",
        sendStatus: "SENT",
        variantKey,
        ...(assignment ? { assignment: assignment as Prisma.InputJsonObject } : {}),
      },
    });
    return invoice;
  }
  return { organization, policyId, steps, taken };
}

describe("the learner's decisions", () => {
  it("lists the steps with an experiment in play, in policy and step order", async () => {
    const { organization, policyId, steps } = await experimentWorld();
    const listed = await listExperimentSteps(db, organization.id);
    expect(listed).toEqual([
      {
        stepId: steps[1]!.id,
        policyId,
        policyName: "Lärande",
        stepNumber: 2,
        kind: "REMINDER",
        mode: "LEARNING",
        variants: [
          { key: "A", name: "Variant A", weight: 50 },
          { key: "B", name: "Variant B", weight: 50 },
          { key: "C", name: "Variant C", weight: 0 },
        ],
      },
      expect.objectContaining({ stepId: steps[2]!.id, stepNumber: 3, mode: "SPLIT" }),
    ]);
    const other = await createOrganization(db);
    expect(await listExperimentSteps(db, other.id)).toEqual([]);
    expect(await loadStepDecisions(db, other.id, steps[1]!.id, { today: TODAY })).toBeNull();
    // A step without an experiment has no decisions to explain.
    expect(await loadStepDecisions(db, organization.id, steps[0]!.id, { today: TODAY })).toBeNull();
  });

  it("shares out the last 30 days' actions per variant and explains each recent decision", async () => {
    const { organization, steps, taken } = await experimentWorld();
    const learned = (key: string, explored: boolean) => ({
      method: "learning",
      band: "t1-h0-a1-c",
      explored,
      posteriorMeans: { A: 0.62, B: 0.48, C: 0.5 },
      draws: { A: 0.7, B: 0.4, C: 0.3 },
      samples: { A: 12, B: 9, C: 0 },
      chosen: key,
    });
    await taken(1, "2026-11-20", "B", learned("B", false)); // before the window
    await taken(1, "2026-12-10", "A", learned("A", false));
    await taken(1, "2026-12-20", "A", learned("A", false));
    const last = await taken(1, "2026-12-30", "B", learned("B", true));
    await taken(1, "2026-12-15", null, null); // while the experiment was off
    const stepId = steps[1]!.id;
    await db.collectionLearnerState.createMany({
      data: [
        { stepId, band: "t1-h0-a1-c", variantKey: "A", alpha: 6, beta: 2, samples: 8 },
        { stepId, band: "t1-h0-a1-c", variantKey: "B", alpha: 1, beta: 3, samples: 4 },
        { stepId, band: "t0-h1-a0-b", variantKey: "A", alpha: 0.5, beta: 0.5, samples: 1 },
      ],
    });
    const decisions = (await loadStepDecisions(db, organization.id, stepId, { today: TODAY }))!;
    expect(decisions.since).toBe("2026-12-02");
    expect(decisions.allocation).toEqual([
      { key: "A", name: "Variant A", weight: 50, actions: 2, share: 0.6667 },
      { key: "B", name: "Variant B", weight: 50, actions: 1, share: 0.3333 },
      { key: "C", name: "Variant C", weight: 0, actions: 0, share: 0 },
    ]);
    expect(decisions.withoutVariant).toBe(1);
    // Week by week over 12 ISO weeks (Mondays), empty weeks kept, actions without a variant left out.
    expect(decisions.weekly).toHaveLength(12);
    expect(decisions.weekly[0]!.weekStart).toBe("2026-10-12");
    expect(decisions.weekly[11]!.weekStart).toBe("2026-12-28");
    const share = (key: string, actions: number, value: number) => ({ key, actions, share: value });
    expect(decisions.weekly.filter((week) => week.actions > 0)).toEqual([
      {
        weekStart: "2026-11-16",
        actions: 1,
        variants: [share("A", 0, 0), share("B", 1, 1), share("C", 0, 0)],
      },
      {
        weekStart: "2026-12-07",
        actions: 1,
        variants: [share("A", 1, 1), share("B", 0, 0), share("C", 0, 0)],
      },
      {
        weekStart: "2026-12-14",
        actions: 1,
        variants: [share("A", 1, 1), share("B", 0, 0), share("C", 0, 0)],
      },
      {
        weekStart: "2026-12-28",
        actions: 1,
        variants: [share("A", 0, 0), share("B", 1, 1), share("C", 0, 0)],
      },
    ]);
    expect(decisions.weekly[1]).toEqual({
      weekStart: "2026-10-19",
      actions: 0,
      variants: [share("A", 0, 0), share("B", 0, 0), share("C", 0, 0)],
    });
    expect(decisions.beliefs.map((band) => band.band)).toEqual(["t0-h1-a0-b", "t1-h0-a1-c"]);
    const seen = decisions.beliefs[1]!;
    expect(seen.bandText).toBe("1–5 år · aldrig sen (12 mån) · 500–2 000 kr · privat");
    expect(seen.variants.map(({ key, samples, mean }) => ({ key, samples, mean }))).toEqual([
      { key: "A", samples: 8, mean: 0.75 },
      { key: "B", samples: 4, mean: 0.25 },
      { key: "C", samples: 0, mean: null },
    ]);
    // The learner's belief: the band's outcomes on the pooled prior (never 0 or 1 from a few).
    expect(seen.variants[0]!.belief).toBeGreaterThan(0.5);
    expect(seen.variants[0]!.belief).toBeLessThan(0.75);
    expect(seen.variants[2]!.belief).toBe(0.5);
    expect(decisions.recent).toHaveLength(5);
    expect(decisions.recent[0]).toEqual({
      actionId: expect.any(String),
      invoiceId: last.id,
      invoiceNumber: last.number,
      performedOn: "2026-12-30",
      variantKey: "B",
      method: "learning",
      band: "t1-h0-a1-c",
      explored: true,
      posteriorMeans: { A: 0.62, B: 0.48, C: 0.5 },
    });
    expect(decisions.recent.find((decision) => decision.variantKey === null)).toMatchObject({
      method: null,
      band: null,
      explored: null,
      posteriorMeans: null,
    });
  });

  it("shows a split's allocation against its shares, with no beliefs", async () => {
    const { organization, steps, taken } = await experimentWorld();
    await taken(2, "2026-12-28", "A", { method: "split" });
    const decisions = (await loadStepDecisions(db, organization.id, steps[2]!.id, {
      today: TODAY,
    }))!;
    expect(decisions.allocation).toEqual([
      { key: "A", name: "Variant A", weight: 70, actions: 1, share: 1 },
      { key: "B", name: "Variant B", weight: 30, actions: 0, share: 0 },
    ]);
    expect(decisions.beliefs).toEqual([]);
    expect(decisions.recent[0]).toMatchObject({ method: "split", explored: null, band: null });
  });

  it("sums a week's days per variant, the week's Monday first, and leaves out what is outside", () => {
    const row = (on: string, variantKey: string | null, count: number) => ({
      performedOn: day(on),
      variantKey,
      _count: { _all: count },
    });
    const weeks = weeklyAllocation(
      day("2026-09-28"),
      ["A", "B"],
      [
        row("2026-09-27", "A", 5), // the Sunday before the first week
        row("2026-09-28", "A", 1),
        row("2026-10-04", "B", 2), // the first week's Sunday
        row("2026-10-04", "A", 1),
        row("2026-10-05", null, 9),
        row("2026-12-20", "B", 3), // the twelfth week's last day
        row("2026-12-21", "B", 7), // past the twelfth week
      ],
    );
    expect(weeks.map((week) => week.weekStart)).toEqual([
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
    ]);
    expect(weeks[0]).toEqual({
      weekStart: "2026-09-28",
      actions: 4,
      variants: [
        { key: "A", actions: 2, share: 0.5 },
        { key: "B", actions: 2, share: 0.5 },
      ],
    });
    expect(weeks[1]!.actions).toBe(0);
    expect(weeks[11]!.variants).toEqual([
      { key: "A", actions: 0, share: 0 },
      { key: "B", actions: 3, share: 1 },
    ]);
  });

  it("says a band in words", () => {
    expect(describeBand("t0-h1-a2-b")).toBe(
      "under 1 år · sen förut (12 mån) · över 2 000 kr · företag",
    );
    expect(describeBand("något-annat")).toBe("något-annat");
  });
});
