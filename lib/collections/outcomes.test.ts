import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseSplit } from "@/lib/collections/learner";
import { refreshOutcomes, updateBeliefs } from "@/lib/collections/outcomes";
import { forecastCollections, runCollections } from "@/lib/collections/run";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordPayment } from "@/lib/ledger/record-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * Experiments on the real database: a split assigns each customer the same variant in the
 * forecast and in the run and records it; what became of each step (paid within 3/7/14 days,
 * support contacts, churn, fees paid) is measured from the ledger, the chat and the contracts;
 * the learner's beliefs are what the rewards say, and its choices are recorded with their reasons.
 */
const day = parseCalendarDate;
const SYSTEM = { type: "SYSTEM" } as const;
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

/** One reminder step with two variants: A a week after the due date by email, B after 3 days by SMS. */
async function experiment(mode: "SPLIT" | "LEARNING") {
  const organization = await createOrganization(db, { reminderFeeOre: 6_000 });
  const policy = await db.collectionPolicy.create({
    data: {
      organizationId: organization.id,
      name: "Experiment",
      position: 0,
      isDefault: true,
      targeting: { all: [] },
      feeMinimumAmountDueOre: 0,
      steps: {
        create: [
          {
            position: 0,
            kind: "REMINDER",
            anchor: "DUE_DATE",
            offsetDays: 7,
            chargeFee: true,
            experimentMode: mode,
            variants: {
              create: [
                { key: "A", name: "En vecka, e-post", weight: 50 },
                {
                  key: "B",
                  name: "Tre dagar, SMS",
                  weight: 50,
                  offsetDays: 3,
                  channel: "SMS",
                  tone: "FIRM",
                },
              ],
            },
          },
        ],
      },
    },
    include: { steps: true },
  });
  const invoices = [];
  for (let i = 0; i < 6; i += 1) {
    const customer = await createCustomer(db, organization.id, {
      phone: "+46701234567",
      reminderFeeAgreedOn: day("2024-01-01"),
      reminderFeeAgreementSource: "Allmänna villkor",
    });
    const invoice = await createIssuedInvoice(db, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: day("2026-11-10"),
      dueDate: day("2026-12-10"),
    });
    invoices.push({ ...invoice, customerId: customer.id });
  }
  return { organizationId: organization.id, stepId: policy.steps[0]!.id, invoices };
}

async function runThrough(organizationId: string, from: string, through: string) {
  for (let today = day(from); today <= day(through); today = addDays(today, 1)) {
    await runCollections({
      db,
      organizationId,
      today,
      now: new Date(`${formatCalendarDate(today)}T05:15:00Z`),
    });
  }
}

describe("collection experiments", () => {
  it("gives each customer the split's variant, the same in the forecast and the run, and records it", async () => {
    const { organizationId, stepId, invoices } = await experiment("SPLIT");
    const forecast = await forecastCollections({
      db,
      organizationId,
      today: day("2026-12-01"),
      from: day("2026-12-01"),
      days: 30,
    });
    for (const invoice of invoices) {
      const planned = forecast.invoices.find((i) => i.invoiceId === invoice.id)!.steps[0]!;
      const expected = chooseSplit(
        [
          { key: "A", weight: 50 },
          { key: "B", weight: 50 },
        ],
        invoice.customerId,
        stepId,
      );
      expect(planned.variant).toBe(expected);
      // B is three days after the due date (a Sunday: Monday 14th), A a week after.
      expect(planned.date).toBe(expected === "B" ? "2026-12-14" : "2026-12-17");
      expect(planned.channel).toBe(expected === "B" ? "sms" : "email");
    }
    await runThrough(organizationId, "2026-12-01", "2026-12-20");
    const actions = await db.collectionAction.findMany({ where: { organizationId } });
    expect(actions).toHaveLength(invoices.length);
    for (const action of actions) {
      const planned = forecast.invoices.find((i) => i.invoiceId === action.invoiceId)!.steps[0]!;
      expect(action.variantKey).toBe(planned.variant);
      expect(formatCalendarDate(action.performedOn)).toBe(planned.date);
      expect(action.assignment).toEqual({ method: "split" });
    }
  });

  it("measures what became of each step, and scores it by the objective", async () => {
    const { organizationId, invoices } = await experiment("SPLIT");
    await runThrough(organizationId, "2026-12-10", "2026-12-18");
    const [paidFast, paidLate, unpaid, wrote] = invoices;
    const action = (invoiceId: string) =>
      db.collectionAction.findFirstOrThrow({ where: { invoiceId } });
    const pay = async (invoiceId: string, on: Date) => {
      const a = await action(invoiceId);
      const due = a.amountDueOre + a.feeOre + a.interestOre;
      await recordPayment({
        db,
        input: {
          invoiceId,
          organizationId,
          amountOre: due,
          method: "bankgiro",
          externalRef: `pay-${invoiceId}`,
          occurredAt: on,
        },
        actor: SYSTEM,
      });
    };
    const fast = await action(paidFast!.id);
    await pay(paidFast!.id, new Date(addDays(fast.performedOn, 2).getTime() + 12 * 3_600_000));
    const late = await action(paidLate!.id);
    await pay(paidLate!.id, new Date(addDays(late.performedOn, 10).getTime() + 12 * 3_600_000));
    const written = await action(wrote!.id);
    const conversation = await db.conversation.create({
      data: { organizationId, invoiceId: wrote!.id, customerId: wrote!.customerId },
    });
    await db.chatMessage.create({
      data: {
        organizationId,
        conversationId: conversation.id,
        seq: 1,
        authorType: "CUSTOMER",
        body: "Jag har en fråga om påminnelsen",
        createdAt: new Date(written.performedAt.getTime() + 3_600_000),
      },
    });

    // A week on: the 3- and 7-day windows have closed, the 14-day window has not.
    await refreshOutcomes({ db, organizationId, today: day("2026-12-28") });
    const outcome = (actionId: string) =>
      db.collectionOutcome.findUniqueOrThrow({ where: { actionId } });
    expect(await outcome(fast.id)).toMatchObject({
      paidWithin3: true,
      paidWithin7: true,
      paidWithin14: true,
      feeOre: 6_000,
      feePaidOre: 6_000,
    });
    expect((await outcome(fast.id)).daysDueToPaid).toBe(
      Math.round(
        (addDays(fast.performedOn, 2).getTime() - day("2026-12-10").getTime()) / 86_400_000,
      ),
    );
    const unpaidAction = await action(unpaid!.id);
    expect(await outcome(unpaidAction.id)).toMatchObject({
      paidWithin3: false,
      paidWithin7: false,
      paidWithin14: null,
      reward: null,
      final: false,
    });

    // Past every window of the payment and the support contact.
    await refreshOutcomes({ db, organizationId, today: day("2027-01-20") });
    expect(await outcome(fast.id)).toMatchObject({ reward: 1, supportContacts14d: 0 });
    expect(await outcome(late.id)).toMatchObject({
      paidWithin7: false,
      paidWithin14: true,
      reward: 1,
    });
    expect(await outcome(unpaidAction.id)).toMatchObject({
      paidWithin14: false,
      reward: 0,
      churned90d: null,
    });
    expect(await outcome(written.id)).toMatchObject({
      supportContacts14d: 1,
      paidWithin14: false,
      reward: 0,
    });

    // Churn: the unpaid customer's contract ended 40 days after the step.
    await db.contract.create({
      data: {
        organizationId,
        customerId: unpaid!.customerId,
        planId: (
          await db.plan.create({
            data: {
              organizationId,
              code: `P-${unpaid!.id.slice(0, 6)}`,
              name: "Bredband",
              kind: "BROADBAND",
              monthlyFeeOre: 39_900,
            },
          })
        ).id,
        startsOn: day("2024-01-01"),
        endsOn: addDays(unpaidAction.performedOn, 40),
      },
    });
    await refreshOutcomes({ db, organizationId, today: day("2027-01-21") });
    expect(await outcome(unpaidAction.id)).toMatchObject({ churned90d: true });
    await refreshOutcomes({ db, organizationId, today: day("2027-04-01") });
    expect(await outcome(fast.id)).toMatchObject({ churned90d: false, final: true });
  });

  it("learns beliefs from the rewards and records each choice with its reasons", async () => {
    const { organizationId, stepId, invoices } = await experiment("LEARNING");
    await runThrough(organizationId, "2026-12-10", "2026-12-18");
    const actions = await db.collectionAction.findMany({ where: { organizationId } });
    expect(actions).toHaveLength(invoices.length);
    for (const action of actions) {
      expect(["A", "B"]).toContain(action.variantKey);
      expect(action.assignment).toMatchObject({
        method: "learning",
        explored: expect.any(Boolean),
      });
      expect(Object.keys((action.assignment as { posteriorMeans: object }).posteriorMeans)).toEqual(
        ["A", "B"],
      );
    }
    // Everyone on B paid at once; nobody on A did.
    for (const action of actions.filter((a) => a.variantKey === "B")) {
      await recordPayment({
        db,
        input: {
          invoiceId: action.invoiceId,
          organizationId,
          amountOre: action.amountDueOre + action.feeOre,
          method: "bankgiro",
          externalRef: `b-${action.id}`,
          occurredAt: new Date(action.performedAt.getTime() + 86_400_000),
        },
        actor: SYSTEM,
      });
    }
    await refreshOutcomes({ db, organizationId, today: day("2027-01-20") });
    expect(await updateBeliefs(db, organizationId)).toBeGreaterThan(0);
    const states = await db.collectionLearnerState.findMany({ where: { stepId } });
    const total = (key: string) =>
      states
        .filter((s) => s.variantKey === key)
        .reduce((sum, s) => ({ alpha: sum.alpha + s.alpha, beta: sum.beta + s.beta }), {
          alpha: 0,
          beta: 0,
        });
    const b = actions.filter((a) => a.variantKey === "B").length;
    const a = actions.length - b;
    expect(total("B")).toEqual({ alpha: b, beta: 0 });
    expect(total("A")).toEqual({ alpha: 0, beta: a });
    // Nothing new learned: the beliefs (and the version draws are seeded by) stay as they were.
    const before = states.map((s) => s.updatedAt.getTime());
    expect(await updateBeliefs(db, organizationId)).toBe(0);
    const after = await db.collectionLearnerState.findMany({ where: { stepId } });
    expect(after.map((s) => s.updatedAt.getTime())).toEqual(before);
  });
});
