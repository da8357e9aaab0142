import { describe, expect, it } from "vitest";
import { parseCalendarDate as d } from "@/lib/dates/calendar-date";
import { dueCountdown, nextSteps } from "@/lib/invoice-page/what-happens-next";

const base = {
  kind: "INVOICE" as const,
  displayStatus: "open" as const,
  dueDate: d("2026-03-30"),
  today: d("2026-03-20"),
  amountDueOre: 45_000,
  customerCreditOre: 0,
  reminderAfterDays: 10,
  reminderFeeOre: 0,
  remindersSentOn: [] as Date[],
};

describe("dueCountdown", () => {
  it("counts days left, due today and days overdue", () => {
    expect(dueCountdown(d("2026-03-30"), d("2026-03-20"))).toEqual({ kind: "due-in", days: 10 });
    expect(dueCountdown(d("2026-03-30"), d("2026-03-30"))).toEqual({ kind: "due-today" });
    expect(dueCountdown(d("2026-03-30"), d("2026-04-02"))).toEqual({ kind: "overdue-by", days: 3 });
  });
});

describe("nextSteps", () => {
  it("before the due date: pay by the due date; a reminder only after the organisation's delay", () => {
    expect(nextSteps(base)).toEqual([
      { kind: "pay-by", dueDate: d("2026-03-30"), amountOre: 45_000 },
      { kind: "reminder-planned", reminderDate: d("2026-04-09"), feeOre: 0 },
    ]);
  });

  it("mentions the reminder fee only when the organisation charges one", () => {
    const steps = nextSteps({ ...base, reminderFeeOre: 6000 });
    expect(steps[1]).toEqual({
      kind: "reminder-planned",
      reminderDate: d("2026-04-09"),
      feeOre: 6000,
    });
  });

  it("never plans a reminder on or before the due date, even with a zero delay", () => {
    const steps = nextSteps({ ...base, reminderAfterDays: 0 });
    expect(steps[1]).toMatchObject({ kind: "reminder-planned", reminderDate: d("2026-03-31") });
  });

  it("past due without a reminder yet: says so and when the reminder comes (never in the past)", () => {
    expect(nextSteps({ ...base, displayStatus: "overdue", today: d("2026-04-05") })).toEqual([
      { kind: "past-due", dueDate: d("2026-03-30") },
      { kind: "reminder-planned", reminderDate: d("2026-04-09"), feeOre: 0 },
    ]);
    const late = nextSteps({ ...base, displayStatus: "overdue", today: d("2026-04-20") });
    expect(late[1]).toMatchObject({ kind: "reminder-planned", reminderDate: d("2026-04-21") });
  });

  it("after a reminder: says when it was sent; a fee is charged once per claim at most", () => {
    const once = nextSteps({
      ...base,
      displayStatus: "overdue",
      today: d("2026-04-15"),
      reminderFeeOre: 6000,
      remindersSentOn: [d("2026-04-09")],
    });
    expect(once[1]).toEqual({ kind: "reminder-sent", sentOn: d("2026-04-09"), feeOre: 6000 });
    const twice = nextSteps({
      ...base,
      displayStatus: "overdue",
      today: d("2026-04-30"),
      reminderFeeOre: 6000,
      remindersSentOn: [d("2026-04-09"), d("2026-04-24")],
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
    expect(steps[0]).toEqual({ kind: "pay-by", dueDate: d("2026-03-30"), amountOre: 20_000 });
  });
});
