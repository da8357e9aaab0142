import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CollectionCase,
  type CollectionPlan,
  HANDOVER_DAYS_TO_PAY,
  type Pause,
  type PlannedStep,
  type PolicyStep,
  type PolicyTerms,
  planCollection,
  stepDueOn,
} from "@/lib/collections/engine";
import type { PrincipalEntry, ReferenceRatePeriod } from "@/lib/collections/interest";
import { REMINDER_FEE_CAP_ORE } from "@/lib/collections/reminder-fees";
import { isBankingDay, lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, daysBetween, formatCalendarDate } from "@/lib/dates/calendar-date";

/**
 * The engine's promises, over random invoices, policies, agreements, payments and pauses: what
 * the law forbids never happens, interest is what an independent day count says, and running the
 * engine day by day does exactly what its plan (the forecast) said it would.
 */

const EPOCH = Date.UTC(2025, 0, 1);
const dayNumber = (n: number) => new Date(EPOCH + n * 86_400_000);

// Half-year rates keyed "2026H2", looked up by arithmetic rather than by walking a sorted list.
const RATE_TABLE: Record<string, number> = {
  "2025H1": 250,
  "2025H2": 200,
  "2026H1": 200,
  "2026H2": 175,
  "2027H1": 150,
  "2027H2": 150,
  "2028H1": 100,
  "2028H2": 100,
};
const RATES: ReferenceRatePeriod[] = Object.entries(RATE_TABLE).map(([key, rateBasisPoints]) => ({
  validFrom: new Date(Date.UTC(Number(key.slice(0, 4)), key.endsWith("H1") ? 0 : 6, 1)),
  rateBasisPoints,
}));
const rateByHalfYear = (date: Date) =>
  RATE_TABLE[`${date.getUTCFullYear()}H${date.getUTCMonth() < 6 ? 1 : 2}`]!;

const stepArbitrary = (kind: PolicyStep["kind"], position: number) =>
  fc
    .record({
      anchor: fc.constantFrom("DUE_DATE" as const, "PREVIOUS_STEP" as const),
      offsetDays:
        kind === "COURTESY" ? fc.integer({ min: -10, max: 0 }) : fc.integer({ min: -5, max: 40 }),
      channel: fc.constantFrom(
        "EMAIL" as const,
        "SMS" as const,
        "LETTER" as const,
        "PAGE" as const,
      ),
      tone: fc.constantFrom("FRIENDLY" as const, "NEUTRAL" as const, "FIRM" as const),
      chargeFee: kind === "COURTESY" ? fc.constant(false) : fc.boolean(),
    })
    .map(
      (fields): PolicyStep => ({
        id: `step-${position}`,
        position,
        kind,
        ...fields,
        anchor: kind === "COURTESY" ? "DUE_DATE" : fields.anchor,
      }),
    );

const policyArbitrary: fc.Arbitrary<PolicyTerms> = fc
  .record({
    courtesy: fc.boolean(),
    reminders: fc.integer({ min: 0, max: 3 }),
    handover: fc.boolean(),
    feeMinimumAmountDueOre: fc.integer({ min: 0, max: 20_000 }),
    chargeInterest: fc.boolean(),
    interestMinimumOre: fc.integer({ min: 0, max: 2_000 }),
  })
  .chain((shape) => {
    const kinds: PolicyStep["kind"][] = [
      ...(shape.courtesy ? (["COURTESY"] as const) : []),
      ...Array.from({ length: shape.reminders }, (_, i) =>
        i === shape.reminders - 1 && shape.reminders > 1
          ? ("FINAL_REMINDER" as const)
          : ("REMINDER" as const),
      ),
      ...(shape.handover ? (["COLLECTION_HANDOVER"] as const) : []),
    ];
    return fc
      .tuple(...kinds.map((kind, position) => stepArbitrary(kind, position)))
      .map((steps) => ({
        id: "policy",
        name: "Random",
        feeMinimumAmountDueOre: shape.feeMinimumAmountDueOre,
        chargeInterest: shape.chargeInterest,
        interestMinimumOre: shape.interestMinimumOre,
        steps,
      }));
  });

interface Scenario {
  collectionCase: CollectionCase;
  policy: PolicyTerms;
  today: Date;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    issueDay: fc.integer({ min: 0, max: 900 }),
    termDays: fc.integer({ min: 10, max: 30 }),
    amountOre: fc.integer({ min: 100, max: 2_000_000 }),
    payments: fc.array(
      fc.record({
        afterIssue: fc.integer({ min: 1, max: 60 }),
        share: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 2 },
    ),
    agreement: fc.constantFrom("before", "after", "none"),
    isBusiness: fc.boolean(),
    compensation: fc.boolean(),
    reminderFeeOre: fc.constantFrom(0, 3_000, 6_000, 9_000),
    pauses: fc.array(
      fc.record({
        reason: fc.constantFrom("DISPUTE" as const, "PAYMENT_PLAN" as const),
        afterDue: fc.integer({ min: -15, max: 40 }),
        length: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      }),
      { maxLength: 2 },
    ),
    todayAfterIssue: fc.integer({ min: 0, max: 60 }),
    policy: policyArbitrary,
  })
  .map((raw): Scenario => {
    const issueDate = dayNumber(raw.issueDay);
    const dueDate = addDays(issueDate, raw.termDays);
    const today = addDays(issueDate, raw.todayAfterIssue);
    const entries: PrincipalEntry[] = [{ on: issueDate, kind: "charge", amountOre: raw.amountOre }];
    let paid = 0;
    for (const payment of [...raw.payments].sort((a, b) => a.afterIssue - b.afterIssue)) {
      const on = addDays(issueDate, payment.afterIssue);
      if (on > today) continue;
      const amount = Math.floor((raw.amountOre * payment.share) / 100);
      if (amount <= 0) continue;
      entries.push({ on, kind: "payment", amountOre: amount });
      paid += amount;
    }
    const pauses: Pause[] = raw.pauses
      .map((pause) => {
        const startedOn = addDays(dueDate, pause.afterDue);
        const endedOn = pause.length === null ? null : addDays(startedOn, pause.length);
        return { reason: pause.reason, startedOn, endedOn };
      })
      // What has not begun by today is not known today.
      .filter((pause) => pause.startedOn <= today)
      .map((pause) =>
        pause.endedOn && pause.endedOn > today ? { ...pause, endedOn: null } : pause,
      );
    return {
      today,
      policy: raw.policy,
      collectionCase: {
        invoiceId: "invoice",
        dueDate,
        amountDueOre: raw.amountOre - paid,
        entries,
        feeParties: {
          organization: {
            reminderFeeOre: raw.reminderFeeOre,
            chargeLatePaymentCompensation: raw.compensation,
          },
          customer: {
            isBusiness: raw.isBusiness,
            reminderFeeAgreedOn:
              raw.agreement === "none"
                ? null
                : addDays(issueDate, raw.agreement === "before" ? -30 : 5),
            reminderFeeAgreementSource: raw.agreement === "none" ? null : "Allmänna villkor",
          },
          debtAroseOn: issueDate,
          alreadyCharged: false,
        },
        collectionFeeCharged: false,
        compensationCharged: false,
        performed: [],
        pauses,
        handedOver: false,
      },
    };
  });

const plan = ({ collectionCase, policy, today }: Scenario): CollectionPlan =>
  planCollection({ collectionCase, policy, today, rates: RATES });

/** Performs a planned step on the case the way the daily run records it. */
function perform(collectionCase: CollectionCase, step: PlannedStep, on: Date): CollectionCase {
  const charged = step.feeOre + step.interestOre;
  return {
    ...collectionCase,
    amountDueOre: collectionCase.amountDueOre + charged,
    entries:
      charged > 0
        ? [...collectionCase.entries, { on, kind: "cost", amountOre: charged }]
        : collectionCase.entries,
    feeParties: {
      ...collectionCase.feeParties,
      alreadyCharged: collectionCase.feeParties.alreadyCharged || step.feeKind === "reminder-fee",
    },
    compensationCharged:
      collectionCase.compensationCharged || step.feeKind === "late-payment-compensation",
    collectionFeeCharged: collectionCase.collectionFeeCharged || step.feeKind === "collection-fee",
    performed: [
      ...collectionCase.performed,
      {
        stepId: step.stepId,
        kind: step.kind,
        performedOn: on,
        feeOre: step.feeOre,
        feeKind: step.feeKind,
        interestOre: step.interestOre,
        interestThrough: step.interestThrough,
      },
    ],
    handedOver: collectionCase.handedOver || step.kind === "COLLECTION_HANDOVER",
  };
}

/** Interest by an independent count: replay the ledger into a principal per day, then sum. */
function independentInterest(
  entries: readonly PrincipalEntry[],
  from: Date,
  through: Date,
): number {
  let numerator = 0n;
  for (let d = from; d <= through; d = addDays(d, 1)) {
    let principal = 0;
    let costs = 0;
    for (const entry of entries) {
      if (entry.on >= d) continue;
      if (entry.kind === "charge") principal += entry.amountOre;
      if (entry.kind === "cost") costs += entry.amountOre;
      if (entry.kind === "payment") {
        const toCosts = Math.min(costs, entry.amountOre);
        costs -= toCosts;
        principal -= entry.amountOre - toCosts;
      }
    }
    numerator += BigInt(Math.max(0, principal)) * BigInt(rateByHalfYear(d) + 800);
  }
  const denominator = 10_000n * 365n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

const RUNS = { numRuns: 400 };

describe("the collection engine's promises", () => {
  it("takes nothing but a courtesy before the invoice is overdue, and every step on a banking day", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const lastDay = lastDayToPay(scenario.collectionCase.dueDate);
        let previous: Date | null = null;
        for (const step of plan(scenario).steps) {
          if (step.date === null) continue;
          expect(isBankingDay(step.date)).toBe(true);
          expect(step.date >= scenario.today).toBe(true);
          if (previous) expect(step.date > previous).toBe(true);
          previous = step.date;
          if (step.kind === "COURTESY") {
            expect(step.date <= lastDay).toBe(true);
            expect(step.feeOre + step.interestOre).toBe(0);
          } else {
            expect(step.date > lastDay).toBe(true);
          }
          if (step.kind === "COLLECTION_HANDOVER") {
            expect(daysBetween(step.date, step.payBy!)).toBeGreaterThanOrEqual(
              HANDOVER_DAYS_TO_PAY,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it("charges a reminder fee only as agreed, at most 60 kr, once, and never below the threshold", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const { feeParties } = scenario.collectionCase;
        const reminderFees = plan(scenario).steps.filter((s) => s.feeKind === "reminder-fee");
        const compensations = plan(scenario).steps.filter(
          (s) => s.feeKind === "late-payment-compensation",
        );
        expect(reminderFees.length + compensations.length).toBeLessThanOrEqual(1);
        for (const step of reminderFees) {
          expect(feeParties.customer.reminderFeeAgreedOn).not.toBeNull();
          expect(feeParties.customer.reminderFeeAgreedOn! <= feeParties.debtAroseOn).toBe(true);
          expect(step.feeOre).toBeLessThanOrEqual(REMINDER_FEE_CAP_ORE);
          expect(step.feeOre).toBeGreaterThan(0);
          const policyStep = scenario.policy.steps.find((s) => s.id === step.stepId)!;
          expect(policyStep.chargeFee).toBe(true);
        }
        for (const step of [...reminderFees, ...compensations]) {
          // The principal still owed when it is charged reaches the policy's threshold.
          expect(scenario.collectionCase.amountDueOre).toBeGreaterThanOrEqual(
            scenario.policy.feeMinimumAmountDueOre,
          );
          expect(step.kind === "REMINDER" || step.kind === "FINAL_REMINDER").toBe(true);
        }
        const collectionFees = plan(scenario).steps.filter((s) => s.feeKind === "collection-fee");
        for (const step of collectionFees) expect(step.kind).toBe("COLLECTION_HANDOVER");
        if (compensations.length > 0) expect(collectionFees).toHaveLength(0);
      }),
      RUNS,
    );
  });

  it("charges interest equal to an independent day count, from the day after the last day to pay", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const terms = { ...scenario.policy, chargeInterest: true, interestMinimumOre: 0 };
        const steps = planCollection({ ...scenario, policy: terms, rates: RATES }).steps;
        const charged = steps.filter((s) => s.interestOre > 0);
        if (charged.length === 0) return;
        const entries = [...scenario.collectionCase.entries];
        let from = addDays(lastDayToPay(scenario.collectionCase.dueDate), 1);
        for (const step of steps) {
          if (step.interestThrough) {
            expect(formatCalendarDate(step.interestFrom!)).toBe(formatCalendarDate(from));
            expect(step.interestOre).toBe(independentInterest(entries, from, step.interestThrough));
            from = addDays(step.interestThrough, 1);
          }
          if (step.date && step.feeOre + step.interestOre > 0) {
            entries.push({
              on: step.date,
              kind: "cost",
              amountOre: step.feeOre + step.interestOre,
            });
          }
        }
      }),
      RUNS,
    );
  });

  it("does day by day exactly what its dry run said, and nothing while a pause holds", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 90 }), (scenario, days) => {
        const forecast = plan(scenario)
          .steps.filter((s) => s.date && daysBetween(scenario.today, s.date) < days)
          .map((s) => [s.stepId, formatCalendarDate(s.date!), s.feeOre, s.interestOre]);
        let collectionCase = scenario.collectionCase;
        const done: unknown[] = [];
        for (let i = 0; i < days; i += 1) {
          const today = addDays(scenario.today, i);
          const step = stepDueOn(
            planCollection({ collectionCase, policy: scenario.policy, today, rates: RATES }),
            today,
          );
          if (!step) continue;
          for (const pause of collectionCase.pauses) {
            const ended = pause.endedOn === null || pause.endedOn > today;
            expect(pause.startedOn <= today && ended).toBe(false);
          }
          done.push([step.stepId, formatCalendarDate(today), step.feeOre, step.interestOre]);
          collectionCase = perform(collectionCase, step, today);
        }
        expect(done).toEqual(forecast);
      }),
      RUNS,
    );
  });

  it("moves a step on by a pause between its reference and its day, and never into it", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (scenario, startAfterDue, length) => {
          const { dueDate } = scenario.collectionCase;
          const pause: Pause = {
            reason: "DISPUTE",
            startedOn: addDays(dueDate, startAfterDue),
            endedOn: addDays(dueDate, startAfterDue + length),
          };
          const without = plan({
            ...scenario,
            collectionCase: { ...scenario.collectionCase, pauses: [] },
          }).steps;
          const withPause = plan({
            ...scenario,
            collectionCase: { ...scenario.collectionCase, pauses: [pause] },
          }).steps;
          expect(withPause.map((s) => s.stepId)).toEqual(
            without
              .filter((s) => s.kind !== "COURTESY" || withPause.some((w) => w.stepId === s.stepId))
              .map((s) => s.stepId),
          );
          for (const step of withPause) {
            if (!step.date) continue;
            expect(step.date >= pause.startedOn && step.date < pause.endedOn!).toBe(false);
            const before = without.find((s) => s.stepId === step.stepId);
            if (before?.date) expect(step.date >= before.date).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});
