import type { FeeDecision } from "@/lib/collections/reminder-fees";
import { lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, daysBetween } from "@/lib/dates/calendar-date";
import type { DisplayStatus } from "@/lib/invoice-page/load-invoice-page";

/**
 * What the customer can expect next, derived from the invoice and the organisation's own
 * settings — honest and never a threat: a fee is only mentioned when this customer can be charged
 * one (a reminder fee they agreed to before the debt arose, at most 60 kr; a business's
 * förseningsersättning), and no reminder is ever due before the last day to pay has passed. A due
 * date on a weekend or holiday may be paid the next banking day (lag 1930:173), and says so.
 */
export type StepFee = {
  kind: "reminder-fee" | "late-payment-compensation";
  amountOre: number;
} | null;

export type NextStep =
  | { kind: "nothing-to-pay" }
  | { kind: "paid" }
  | { kind: "credit-balance"; amountOre: number }
  | { kind: "pay-by"; dueDate: Date; lastDay: Date | null; amountOre: number }
  | { kind: "reminder-planned"; reminderDate: Date; fee: StepFee }
  | { kind: "reminder-sent"; sentOn: Date; feeOre: number }
  | { kind: "past-due"; dueDate: Date };

export type DueCountdown =
  | { kind: "due-in"; days: number }
  | { kind: "due-today" }
  | { kind: "overdue-by"; days: number };

/** Days to the last day to pay (the due date, or the banking day after it). */
export function dueCountdown(dueDate: Date, today: Date): DueCountdown {
  const last = lastDayToPay(dueDate);
  const days = daysBetween(today, last);
  if (days > 0) return { kind: "due-in", days };
  if (days === 0) return { kind: "due-today" };
  return { kind: "overdue-by", days: daysBetween(last, today) };
}

const stepFee = (decision: FeeDecision): StepFee =>
  decision.kind === "none" ? null : { kind: decision.kind, amountOre: decision.amountOre };

export function nextSteps(input: {
  kind: "INVOICE" | "CREDIT_NOTE";
  displayStatus: DisplayStatus;
  dueDate: Date | null;
  today: Date;
  amountDueOre: number;
  customerCreditOre: number;
  reminderAfterDays: number;
  /** What the next reminder may charge this customer (see reminder-fees.ts). */
  nextFee: FeeDecision;
  /** Reminders sent, oldest first, with the fee each charged. */
  remindersSent: Array<{ sentOn: Date; feeOre: number }>;
}): NextStep[] {
  const steps: NextStep[] = [];
  if (input.customerCreditOre > 0)
    steps.push({ kind: "credit-balance", amountOre: input.customerCreditOre });
  if (input.kind === "CREDIT_NOTE" || input.displayStatus === "credited") {
    steps.unshift({ kind: "nothing-to-pay" });
    return steps;
  }
  if (input.amountDueOre <= 0 || !input.dueDate) {
    steps.unshift({ kind: "paid" });
    return steps;
  }
  const last = lastDayToPay(input.dueDate);
  const lastReminder = input.remindersSent.at(-1);
  const reminderDate = addDays(last, Math.max(1, input.reminderAfterDays));
  if (input.today <= last) {
    steps.push({
      kind: "pay-by",
      dueDate: input.dueDate,
      lastDay: last.getTime() === input.dueDate.getTime() ? null : last,
      amountOre: input.amountDueOre,
    });
    steps.push({ kind: "reminder-planned", reminderDate, fee: stepFee(input.nextFee) });
  } else if (lastReminder) {
    steps.push({ kind: "past-due", dueDate: input.dueDate });
    steps.push({ kind: "reminder-sent", sentOn: lastReminder.sentOn, feeOre: lastReminder.feeOre });
  } else {
    steps.push({ kind: "past-due", dueDate: input.dueDate });
    steps.push({
      kind: "reminder-planned",
      reminderDate: reminderDate > input.today ? reminderDate : addDays(input.today, 1),
      fee: stepFee(input.nextFee),
    });
  }
  return steps;
}
