import { addDays, daysBetween } from "@/lib/dates/calendar-date";
import type { DisplayStatus } from "@/lib/invoice-page/load-invoice-page";

/**
 * What the customer can expect next, derived from the invoice and the organisation's own
 * settings — honest and never a threat: a fee is only mentioned when the organisation charges one
 * (agreed in advance, at most 60 SEK by law), and no reminder is ever due before the due date has
 * passed (a courtesy notice on the due date is not a reminder).
 */
export type NextStep =
  | { kind: "nothing-to-pay" }
  | { kind: "paid" }
  | { kind: "credit-balance"; amountOre: number }
  | { kind: "pay-by"; dueDate: Date; amountOre: number }
  | { kind: "reminder-planned"; reminderDate: Date; feeOre: number }
  | { kind: "reminder-sent"; sentOn: Date; feeOre: number }
  | { kind: "past-due"; dueDate: Date };

export type DueCountdown =
  | { kind: "due-in"; days: number }
  | { kind: "due-today" }
  | { kind: "overdue-by"; days: number };

export function dueCountdown(dueDate: Date, today: Date): DueCountdown {
  const days = daysBetween(today, dueDate);
  if (days > 0) return { kind: "due-in", days };
  if (days === 0) return { kind: "due-today" };
  return { kind: "overdue-by", days: -days };
}

export function nextSteps(input: {
  kind: "INVOICE" | "CREDIT_NOTE";
  displayStatus: DisplayStatus;
  dueDate: Date | null;
  today: Date;
  amountDueOre: number;
  customerCreditOre: number;
  reminderAfterDays: number;
  reminderFeeOre: number;
  remindersSentOn: Date[];
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
  const lastReminder = input.remindersSentOn.at(-1);
  const reminderDate = addDays(input.dueDate, Math.max(1, input.reminderAfterDays));
  if (input.today <= input.dueDate) {
    steps.push({ kind: "pay-by", dueDate: input.dueDate, amountOre: input.amountDueOre });
    steps.push({ kind: "reminder-planned", reminderDate, feeOre: input.reminderFeeOre });
  } else if (lastReminder) {
    steps.push({ kind: "past-due", dueDate: input.dueDate });
    // The reminder fee may be charged once per claim: a second reminder never adds one.
    steps.push({
      kind: "reminder-sent",
      sentOn: lastReminder,
      feeOre: input.remindersSentOn.length === 1 ? input.reminderFeeOre : 0,
    });
  } else {
    steps.push({ kind: "past-due", dueDate: input.dueDate });
    steps.push({
      kind: "reminder-planned",
      reminderDate: reminderDate > input.today ? reminderDate : addDays(input.today, 1),
      feeOre: input.reminderFeeOre,
    });
  }
  return steps;
}
