import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargesText } from "@/lib/collections/charge-words";
import { lastDayToPay } from "@/lib/dates/banking-days";
import { formatLongDate } from "@/lib/i18n/format-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { type NextStep, nextSteps, nextStepText } from "@/lib/invoice-page/what-happens-next";
import { advancedScenarioArbitrary, planScenario } from "@/tests/helpers/collection-cases";

/**
 * The invoice page promises exactly what the collection engine plans, over 10,000 random invoices,
 * policies, agreements, payments, pauses and steps already taken: its "what happens next" entry is
 * the plan's first step — its kind, day, fee and interest, or the pause that holds it, or the
 * handover — said in words with those same figures; and when the plan holds no step, the page
 * promises none.
 */
const COLLECTION_ENTRIES = new Set<NextStep["kind"]>(["step-planned", "paused", "handed-over"]);
const AGENCY = { agencyName: "Inkasso AB", agencyContact: "08-123 45 67" };

describe("the invoice page's next step is the engine's", () => {
  it("for 10,000 random invoices", () => {
    fc.assert(
      fc.property(advancedScenarioArbitrary, fc.constantFrom("sv", "en"), (scenario, locale) => {
        const { collectionCase, today } = scenario;
        const plan = planScenario(scenario);
        const amountDueOre = Math.max(collectionCase.amountDueOre, 0);
        const steps = nextSteps({
          kind: "INVOICE",
          displayStatus:
            amountDueOre <= 0
              ? "paid"
              : today > lastDayToPay(collectionCase.dueDate)
                ? "overdue"
                : "open",
          dueDate: collectionCase.dueDate,
          today,
          amountDueOre,
          customerCreditOre: Math.max(-collectionCase.amountDueOre, 0),
          collection: { plan, handedOverAt: null, policy: AGENCY, activePlan: null },
          remindersSent: collectionCase.performed.map((step) => ({
            sentOn: step.performedOn,
            feeOre: step.feeOre,
            step: step.kind,
          })),
        });
        const entries = steps.filter((step) => COLLECTION_ENTRIES.has(step.kind));
        expect(entries.length).toBeLessThanOrEqual(1);
        const [entry] = entries;
        const t = invoiceMessages[locale];
        const text = entry ? nextStepText(entry, locale, t) : null;
        const first = plan.steps[0];

        if (amountDueOre <= 0) {
          // Nothing owed: the engine plans nothing, and the page says it is paid.
          expect(plan.steps).toEqual([]);
          expect(entry).toBeUndefined();
          expect(steps[0]).toEqual({ kind: "paid" });
          return;
        }
        if (plan.state === "handed-over") {
          expect(entry).toEqual({ kind: "handed-over", ...AGENCY });
          expect(text).toContain(AGENCY.agencyContact);
          return;
        }
        if (!first) {
          expect(["policy-complete", "nothing-due"]).toContain(plan.state);
          expect(entry).toBeUndefined();
          return;
        }
        if (first.date === null) {
          expect(plan.state).toBe("paused");
          expect(entry).toEqual({
            kind: "paused",
            reason: first.pausedBy!.reason,
            since: first.pausedBy!.since,
          });
          expect(text).toBe(t.next.paused[first.pausedBy!.reason]);
          return;
        }
        expect(entry).toEqual({
          kind: "step-planned",
          step: first.kind,
          date: first.date,
          payBy: first.payBy,
          charges: {
            feeOre: first.feeOre,
            feeKind: first.feeKind,
            interestOre: first.interestOre,
            interestFrom: first.interestFrom,
            interestThrough: first.interestThrough,
            interestRateBasisPoints: first.interestRateBasisPoints,
          },
        });
        // The words carry the same day, the step's noun and the same charges.
        expect(text).toContain(formatLongDate(first.date, locale));
        expect(text).toContain(t.next.stepNouns[first.kind]);
        expect(text).toContain(chargesText(first, locale));
        // And what the invoice asks comes first: pay by the due date, or it is late.
        expect(steps[0]!.kind).toBe(
          today <= lastDayToPay(collectionCase.dueDate) ? "pay-by" : "past-due",
        );
      }),
      { numRuns: 10_000 },
    );
  });
});
