import { describe, expect, it } from "vitest";
import { type CollectionCase, planCollection } from "@/lib/collections/engine";
import { addDays, parseCalendarDate as d } from "@/lib/dates/calendar-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import {
  dueCountdown,
  type NextStepCollection,
  nextSteps,
  nextStepText,
} from "@/lib/invoice-page/what-happens-next";
import { invoice, policy, RATES, STANDARD_STEPS } from "@/tests/helpers/collection-cases";

/** The collection of the standard test invoice (500 kr, due Thursday 10 December 2026) today. */
function collectionOf(
  today: Date,
  overrides: Partial<CollectionCase> = {},
  extra: Partial<NextStepCollection> = {},
): NextStepCollection {
  return {
    plan: planCollection({
      collectionCase: invoice(overrides),
      policy: policy(),
      today,
      rates: RATES,
    }),
    handedOverAt: null,
    policy: { agencyName: "Inkasso AB", agencyContact: "08-123 45 67" },
    activePlan: null,
    ...extra,
  };
}

const base = {
  kind: "INVOICE" as const,
  displayStatus: "open" as const,
  dueDate: d("2026-12-10"),
  today: d("2026-12-01"),
  amountDueOre: 50_000,
  customerCreditOre: 0,
  collection: null as NextStepCollection | null,
  remindersSent: [] as Parameters<typeof nextSteps>[0]["remindersSent"],
};

// Money is formatted with a no-break space before "kr"; compared here as a plain one.
const sv = (step: Parameters<typeof nextStepText>[0]) =>
  nextStepText(step, "sv", invoiceMessages.sv).replace(/\u00a0/g, " ");

const courtesyDone = {
  stepId: STANDARD_STEPS[0]!.id,
  kind: "COURTESY" as const,
  performedOn: d("2026-12-07"),
  feeOre: 0,
  feeKind: null,
  interestOre: 0,
  interestThrough: null,
};

describe("dueCountdown", () => {
  it("counts days left, due today and days overdue", () => {
    expect(dueCountdown(d("2026-03-30"), d("2026-03-20"))).toEqual({ kind: "due-in", days: 10 });
    expect(dueCountdown(d("2026-03-30"), d("2026-03-30"))).toEqual({ kind: "due-today" });
    expect(dueCountdown(d("2026-03-30"), d("2026-04-02"))).toEqual({ kind: "overdue-by", days: 3 });
  });

  it("counts to the next banking day when the due date is a weekend or holiday", () => {
    // Due Saturday 28 November 2026: Monday 30 November is still on time.
    expect(dueCountdown(d("2026-11-28"), d("2026-11-29"))).toEqual({ kind: "due-in", days: 1 });
    expect(dueCountdown(d("2026-11-28"), d("2026-11-30"))).toEqual({ kind: "due-today" });
    expect(dueCountdown(d("2026-11-28"), d("2026-12-01"))).toEqual({ kind: "overdue-by", days: 1 });
    // Due julafton 2026: Monday 28 December.
    expect(dueCountdown(d("2026-12-24"), d("2026-12-27"))).toEqual({ kind: "due-in", days: 1 });
  });
});

describe("nextSteps", () => {
  it("before the due date: pay by the due date, then the engine's first step on its day", () => {
    const collection = collectionOf(base.today);
    const steps = nextSteps({ ...base, collection });
    expect(steps).toEqual([
      { kind: "pay-by", dueDate: d("2026-12-10"), lastDay: null, amountOre: 50_000 },
      {
        kind: "step-planned",
        step: "COURTESY",
        date: d("2026-12-07"),
        payBy: null,
        charges: {
          feeOre: 0,
          feeKind: null,
          interestOre: 0,
          interestFrom: null,
          interestThrough: null,
          interestRateBasisPoints: null,
        },
      },
    ]);
    expect(steps[1]).toMatchObject({ date: collection.plan.steps[0]!.date });
    expect(sv(steps[1]!)).toBe(
      "Om vi inte fått betalt den 7 december 2026 skickar vi en vänlig påminnelse. Ingen avgift tas ut.",
    );
  });

  it("names the step's noun and its charges with their legal basis, as the engine plans them", () => {
    const today = d("2026-12-08");
    const collection = collectionOf(today, { performed: [courtesyDone] });
    const [, step] = nextSteps({ ...base, today, collection });
    expect(step).toMatchObject({
      kind: "step-planned",
      step: "REMINDER",
      date: d("2026-12-17"),
      payBy: d("2026-12-28"),
      charges: { feeOre: 6_000, feeKind: "reminder-fee", interestOre: 0 },
    });
    expect(sv(step!)).toBe(
      "Om vi inte fått betalt den 17 december 2026 skickar vi en påminnelse. Påminnelseavgift 60,00 kr, som du godkände i avtalet (lagen om ersättning för inkassokostnader 2 §).",
    );
    expect(nextStepText(step!, "en", invoiceMessages.en)).toMatch(
      /^If we have not been paid by 17 December 2026, we will send you a reminder\. A reminder fee of/,
    );
  });

  it("says the interest, its rate and its period when the step charges it", () => {
    const today = d("2026-12-08");
    const collection = {
      ...collectionOf(today, { performed: [courtesyDone] }),
      plan: planCollection({
        collectionCase: invoice({ performed: [courtesyDone] }),
        policy: policy({ chargeInterest: true }),
        today,
        rates: RATES,
      }),
    };
    const [, step] = nextSteps({ ...base, today, collection });
    expect(step).toMatchObject({
      kind: "step-planned",
      charges: {
        interestFrom: d("2026-12-11"),
        interestThrough: d("2026-12-17"),
        interestRateBasisPoints: 975,
      },
    });
    expect(sv(step!)).toContain(
      "Dröjsmålsränta 0,93 kr för 11 december 2026–17 december 2026 enligt räntelagen 6 §",
    );
    expect(sv(step!)).toContain("(9,75 % per år)");
  });

  it("a due date on midsommarafton may be paid the Monday after", () => {
    const steps = nextSteps({ ...base, dueDate: d("2026-06-19"), today: d("2026-06-20") });
    expect(steps).toEqual([
      { kind: "pay-by", dueDate: d("2026-06-19"), lastDay: d("2026-06-22"), amountOre: 50_000 },
    ]);
    expect(sv(steps[0]!)).toContain("betalar du 22 juni 2026 kommer betalningen ändå i tid");
  });

  it("past due: says so, the last reminder sent and the next step", () => {
    const today = d("2026-12-20");
    const performed = [
      courtesyDone,
      {
        stepId: STANDARD_STEPS[1]!.id,
        kind: "REMINDER" as const,
        performedOn: d("2026-12-17"),
        feeOre: 6_000,
        feeKind: "reminder-fee" as const,
        interestOre: 0,
        interestThrough: null,
      },
    ];
    const collection = collectionOf(today, {
      performed,
      feeParties: { ...invoice().feeParties, alreadyCharged: true },
    });
    const steps = nextSteps({
      ...base,
      displayStatus: "overdue",
      today,
      amountDueOre: 56_000,
      collection,
      remindersSent: [
        { sentOn: d("2026-12-07"), feeOre: 0, step: "COURTESY" },
        { sentOn: d("2026-12-17"), feeOre: 6_000, step: "REMINDER" },
      ],
    });
    expect(steps.map((s) => s.kind)).toEqual(["past-due", "reminder-sent", "step-planned"]);
    expect(steps[2]).toMatchObject({
      step: "FINAL_REMINDER",
      // 31 December is no banking day, nor 1 January; then a weekend.
      date: d("2027-01-04"),
      charges: { feeOre: 0 },
    });
    expect(sv(steps[1]!)).toBe(
      "Vi skickade en påminnelse den 17 december 2026. Avgiften för den var 60,00 kr.",
    );
    expect(sv(steps[2]!)).toBe(
      "Om vi inte fått betalt den 4 januari 2027 skickar vi en sista påminnelse. Ingen avgift tas ut.",
    );
    // What the last step taken was, by its name: a courtesy is no reminder.
    const afterCourtesy = nextSteps({
      ...base,
      displayStatus: "overdue",
      today,
      amountDueOre: 50_000,
      collection,
      remindersSent: [{ sentOn: d("2026-12-07"), feeOre: 0, step: "COURTESY" }],
    });
    expect(sv(afterCourtesy[1]!)).toBe("Vi skickade en vänlig påminnelse den 7 december 2026.");
  });

  it("a pause: no date is promised, only why it waits", () => {
    const today = d("2026-12-20");
    const collection = collectionOf(today, {
      performed: [courtesyDone],
      pauses: [{ reason: "DISPUTE", startedOn: d("2026-12-15"), endedOn: null }],
    });
    const steps = nextSteps({ ...base, displayStatus: "overdue", today, collection });
    expect(steps).toEqual([
      { kind: "past-due", dueDate: d("2026-12-10") },
      { kind: "paused", reason: "DISPUTE", since: d("2026-12-15") },
    ]);
    expect(sv(steps[1]!)).toBe("Vi har pausat påminnelser medan vi utreder din invändning.");
  });

  it("a payment plan: the next part to pay, with its OCR, and reminders paused for it", () => {
    const today = d("2026-12-20");
    const collection = collectionOf(
      today,
      {
        performed: [courtesyDone],
        pauses: [{ reason: "PAYMENT_PLAN", startedOn: d("2026-12-14"), endedOn: null }],
      },
      {
        activePlan: {
          id: "plan",
          feeOre: 0,
          parts: [
            { position: 1, dueDate: d("2026-12-28"), amountOre: 25_000, ocr: "111", paid: true },
            { position: 2, dueDate: d("2027-01-28"), amountOre: 25_000, ocr: "222", paid: false },
          ],
        },
      },
    );
    const steps = nextSteps({ ...base, displayStatus: "overdue", today, collection });
    expect(steps).toEqual([
      {
        kind: "plan-part",
        position: 2,
        parts: 2,
        dueDate: d("2027-01-28"),
        amountOre: 25_000,
        ocr: "222",
      },
      { kind: "paused", reason: "PAYMENT_PLAN", since: d("2026-12-14") },
    ]);
    expect(sv(steps[0]!)).toBe(
      "Betala del 2 av 2, 250,00 kr, senast 28 januari 2027 med OCR-nummer 222.",
    );
    expect(sv(steps[1]!)).toBe("Påminnelser är pausade medan din avbetalningsplan gäller.");
  });

  it("handed over: who has the claim now and how to reach them, nothing else", () => {
    const today = d("2027-01-20");
    const collection = collectionOf(today, {}, { handedOverAt: new Date("2027-01-14T06:15:00Z") });
    const steps = nextSteps({ ...base, displayStatus: "overdue", today, collection });
    expect(steps).toEqual([
      { kind: "handed-over", agencyName: "Inkasso AB", agencyContact: "08-123 45 67" },
    ]);
    expect(sv(steps[0]!)).toBe(
      "Fakturan är lämnad till Inkasso AB för inkasso. Kontakta Inkasso AB: 08-123 45 67.",
    );
    expect(sv({ kind: "handed-over", agencyName: null, agencyContact: null })).toBe(
      "Fakturan är lämnad för inkasso.",
    );
  });

  it("when the plan holds no further step, the page promises none", () => {
    const today = d("2026-12-20");
    const collection = {
      ...collectionOf(today),
      plan: planCollection({
        collectionCase: invoice({ performed: [courtesyDone] }),
        policy: policy({ steps: [STANDARD_STEPS[0]!] }),
        today,
        rates: RATES,
      }),
    };
    expect(collection.plan).toEqual({ state: "policy-complete", steps: [] });
    expect(nextSteps({ ...base, displayStatus: "overdue", today, collection })).toEqual([
      { kind: "past-due", dueDate: d("2026-12-10") },
    ]);
    // And no collection at all (nothing read) promises nothing either.
    expect(nextSteps({ ...base, today: addDays(today, 1) }).map((s) => s.kind)).toEqual([
      "past-due",
    ]);
  });

  it("paid, credited and credit notes: nothing to pay, with any money owed back shown", () => {
    expect(nextSteps({ ...base, displayStatus: "paid", amountDueOre: 0 })).toEqual([
      { kind: "paid" },
    ]);
    expect(nextSteps({ ...base, displayStatus: "credited", amountDueOre: 0 })).toEqual([
      { kind: "nothing-to-pay" },
    ]);
    expect(nextSteps({ ...base, kind: "CREDIT_NOTE", dueDate: null, amountDueOre: 0 })).toEqual([
      { kind: "nothing-to-pay" },
    ]);
    expect(
      nextSteps({ ...base, displayStatus: "paid", amountDueOre: 0, customerCreditOre: 1200 }),
    ).toEqual([{ kind: "paid" }, { kind: "credit-balance", amountOre: 1200 }]);
  });

  it("a refund on its way comes first, where it goes and when, then any credit left", () => {
    const steps = nextSteps({
      ...base,
      displayStatus: "credited",
      amountDueOre: 0,
      customerCreditOre: 500,
      refundsPending: [
        { amountOre: 12_500, to: "card" },
        { amountOre: 3_000, to: null },
      ],
    });
    expect(steps).toEqual([
      { kind: "nothing-to-pay" },
      { kind: "refund-pending", amountOre: 12_500, to: "card" },
      { kind: "refund-pending", amountOre: 3_000, to: null },
      { kind: "credit-balance", amountOre: 500 },
    ]);
    const card = sv(steps[1]!);
    expect(card).toContain("125,00 kr");
    expect(card).toContain("till ditt kort");
    expect(card).toContain("inom 5–10 bankdagar");
    // Where the money goes is not known (or not a way we know): said without a destination.
    expect(sv(steps[2]!)).toContain("30,00 kr");
    expect(sv(steps[2]!)).not.toContain("till ditt kort");
    expect(sv({ kind: "refund-pending", amountOre: 100, to: "constructor" })).toBe(
      sv({ kind: "refund-pending", amountOre: 100, to: null }),
    );
    const en = nextStepText(steps[1]!, "en", invoiceMessages.en);
    expect(en).toContain("to your card");
    expect(en).toContain("within 5–10 banking days");
    // A paid invoice with a refund under way says both.
    expect(
      nextSteps({
        ...base,
        displayStatus: "paid",
        amountDueOre: 0,
        refundsPending: [{ amountOre: 2_000, to: "swish" }],
      }),
    ).toEqual([{ kind: "paid" }, { kind: "refund-pending", amountOre: 2_000, to: "swish" }]);
  });

  it("partly paid: asks for what is left, not the total", () => {
    const steps = nextSteps({ ...base, displayStatus: "partly_paid", amountDueOre: 20_000 });
    expect(steps[0]).toEqual({
      kind: "pay-by",
      dueDate: d("2026-12-10"),
      lastDay: null,
      amountOre: 20_000,
    });
  });
});
