import { describe, expect, it } from "vitest";
import type { FeeDecision } from "@/lib/collections/reminder-fees";
import { parseCalendarDate as d } from "@/lib/dates/calendar-date";
import { dueCountdown, nextSteps } from "@/lib/invoice-page/what-happens-next";

const NO_FEE: FeeDecision = { kind: "none", reason: "not-agreed" };
const AGREED_FEE: FeeDecision = {
  kind: "reminder-fee",
  amountOre: 6000,
  agreedOn: d("2024-01-01"),
  source: "Avtalsvillkor 8.2",
};

const base = {
  kind: "INVOICE" as const,
  displayStatus: "open" as const,
  // Monday 30 March 2026.
  dueDate: d("2026-03-30"),
  today: d("2026-03-20"),
  amountDueOre: 45_000,
  customerCreditOre: 0,
  reminderAfterDays: 10,
  nextFee: NO_FEE,
  remindersSent: [] as Array<{ sentOn: Date; feeOre: number }>,
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
  it("before the due date: pay by the due date; a reminder only after the organisation's delay", () => {
    expect(nextSteps(base)).toEqual([
      { kind: "pay-by", dueDate: d("2026-03-30"), lastDay: null, amountOre: 45_000 },
      { kind: "reminder-planned", reminderDate: d("2026-04-09"), fee: null },
    ]);
  });

  it("a due date on midsommarafton may be paid the Monday after; the reminder counts from it", () => {
    const steps = nextSteps({ ...base, dueDate: d("2026-06-19"), today: d("2026-06-20") });
    expect(steps).toEqual([
      { kind: "pay-by", dueDate: d("2026-06-19"), lastDay: d("2026-06-22"), amountOre: 45_000 },
      { kind: "reminder-planned", reminderDate: d("2026-07-02"), fee: null },
    ]);
  });

  it("mentions a fee only when this customer can be charged one", () => {
    expect(nextSteps({ ...base, nextFee: AGREED_FEE })[1]).toEqual({
      kind: "reminder-planned",
      reminderDate: d("2026-04-09"),
      fee: { kind: "reminder-fee", amountOre: 6000 },
    });
    expect(
      nextSteps({
        ...base,
        nextFee: { kind: "late-payment-compensation", amountOre: 45_000 },
      })[1],
    ).toMatchObject({ fee: { kind: "late-payment-compensation", amountOre: 45_000 } });
    expect(nextSteps({ ...base, nextFee: NO_FEE })[1]).toMatchObject({ fee: null });
  });

  it("never plans a reminder on or before the due date, even with a zero delay", () => {
    const steps = nextSteps({ ...base, reminderAfterDays: 0 });
    expect(steps[1]).toMatchObject({ kind: "reminder-planned", reminderDate: d("2026-03-31") });
  });

  it("past due without a reminder yet: says so and when the reminder comes (never in the past)", () => {
    expect(nextSteps({ ...base, displayStatus: "overdue", today: d("2026-04-05") })).toEqual([
      { kind: "past-due", dueDate: d("2026-03-30") },
      { kind: "reminder-planned", reminderDate: d("2026-04-09"), fee: null },
    ]);
    const late = nextSteps({ ...base, displayStatus: "overdue", today: d("2026-04-20") });
    expect(late[1]).toMatchObject({ kind: "reminder-planned", reminderDate: d("2026-04-21") });
  });

  it("after a reminder: says when it was sent and the fee it charged", () => {
    const once = nextSteps({
      ...base,
      displayStatus: "overdue",
      today: d("2026-04-15"),
      remindersSent: [{ sentOn: d("2026-04-09"), feeOre: 6000 }],
    });
    expect(once[1]).toEqual({ kind: "reminder-sent", sentOn: d("2026-04-09"), feeOre: 6000 });
    const twice = nextSteps({
      ...base,
      displayStatus: "overdue",
      today: d("2026-04-30"),
      remindersSent: [
        { sentOn: d("2026-04-09"), feeOre: 6000 },
        { sentOn: d("2026-04-24"), feeOre: 0 },
      ],
    });
    expect(twice[1]).toEqual({ kind: "reminder-sent", sentOn: d("2026-04-24"), feeOre: 0 });
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

  it("partly paid: asks for what is left, not the total", () => {
    const steps = nextSteps({ ...base, displayStatus: "partly_paid", amountDueOre: 20_000 });
    expect(steps[0]).toEqual({
      kind: "pay-by",
      dueDate: d("2026-03-30"),
      lastDay: null,
      amountOre: 20_000,
    });
  });
});
