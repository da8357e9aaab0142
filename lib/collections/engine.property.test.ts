import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HANDOVER_DAYS_TO_PAY,
  type Pause,
  type PolicyStep,
  planCollection,
  stepDueOn,
} from "@/lib/collections/engine";
import type { PrincipalEntry } from "@/lib/collections/interest";
import { chooseLearned } from "@/lib/collections/learner";
import { REMINDER_FEE_CAP_ORE } from "@/lib/collections/reminder-fees";
import { isBankingDay, lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, daysBetween, formatCalendarDate } from "@/lib/dates/calendar-date";
import {
  performStep as perform,
  planScenario as plan,
  PROPERTY_RATES as RATES,
  rateByHalfYear,
  scenarioArbitrary,
} from "@/tests/helpers/collection-cases";

/**
 * The engine's promises, over random invoices, policies, agreements, payments and pauses: what
 * the law forbids never happens, interest is what an independent day count says, and running the
 * engine day by day does exactly what its plan (the forecast) said it would. The random invoices,
 * policies and scenarios are in tests/helpers/collection-cases.ts (the invoice page's property test
 * draws from them too).
 */

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

describe("experiments within the law", () => {
  const variantArbitrary = fc.record({
    offsetDays: fc.option(fc.integer({ min: -30, max: 180 }), { nil: null }),
    channel: fc.option(
      fc.constantFrom("EMAIL" as const, "SMS" as const, "LETTER" as const, "PAGE" as const),
      { nil: null },
    ),
    tone: fc.option(fc.constantFrom("FRIENDLY" as const, "NEUTRAL" as const, "FIRM" as const), {
      nil: null,
    }),
    // Even a variant asking a courtesy to charge: the engine must not.
    chargeFee: fc.option(fc.boolean(), { nil: null }),
  });
  const beliefArbitrary = fc.tuple(
    fc.double({ min: 0, max: 500, noNaN: true }),
    fc.double({ min: 0, max: 500, noNaN: true }),
  );

  it("no variant the learner or a split chooses ever breaks a legal rule", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.array(fc.tuple(variantArbitrary, variantArbitrary), { minLength: 4, maxLength: 4 }),
        fc.array(fc.tuple(beliefArbitrary, beliefArbitrary), { minLength: 4, maxLength: 4 }),
        fc.string({ maxLength: 8 }),
        (scenario, variantPairs, beliefPairs, seed) => {
          const chooseVariant = (step: PolicyStep) => {
            const [a, b] = variantPairs[step.position % 4]!;
            const [[aa, ab], [ba, bb]] = beliefPairs[step.position % 4]!;
            const pooled = new Map([
              ["A", { alpha: aa, beta: ab, samples: 1 }],
              ["B", { alpha: ba, beta: bb, samples: 1 }],
            ]);
            const choice = chooseLearned({
              variants: [
                { key: "A", weight: 1 },
                { key: "B", weight: 1 },
              ],
              beliefs: { byBand: new Map([["band", pooled]]), pooled },
              band: "band",
              seed: `${seed}:${step.id}`,
            })!;
            return {
              key: choice.key,
              ...(choice.key === "A" ? a : b),
              assignment: choice.explanation,
            };
          };
          const { collectionCase, today } = scenario;
          const steps = planCollection({ ...scenario, rates: RATES, chooseVariant }).steps;
          const lastDay = lastDayToPay(collectionCase.dueDate);
          const { feeParties } = collectionCase;
          let fees = 0;
          for (const step of steps) {
            expect(["A", "B"]).toContain(step.variant?.key);
            if (step.feeKind === "reminder-fee" || step.feeKind === "late-payment-compensation")
              fees += 1;
            if (step.feeKind === "reminder-fee") {
              expect(step.feeOre).toBeLessThanOrEqual(REMINDER_FEE_CAP_ORE);
              expect(feeParties.customer.reminderFeeAgreedOn!.getTime()).toBeLessThanOrEqual(
                feeParties.debtAroseOn.getTime(),
              );
            }
            if (step.feeKind === "collection-fee") expect(step.kind).toBe("COLLECTION_HANDOVER");
            if (step.date === null) continue;
            expect(isBankingDay(step.date)).toBe(true);
            expect(step.date >= today).toBe(true);
            if (step.kind === "COURTESY") {
              expect(step.date <= lastDay).toBe(true);
              expect(step.feeOre + step.interestOre).toBe(0);
            } else {
              expect(step.date > lastDay).toBe(true);
            }
          }
          expect(fees).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
