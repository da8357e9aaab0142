import { chargesText, type StepCharges } from "@/lib/collections/charge-words";
import type { PauseReason, PlannedStep } from "@/lib/collections/engine";
import type { InvoiceCollection } from "@/lib/collections/invoice-collection";
import { lastDayToPay } from "@/lib/dates/banking-days";
import { daysBetween } from "@/lib/dates/calendar-date";
import type { CollectionStepKind, Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { DisplayStatus } from "@/lib/invoice-page/load-invoice-page";
import { formatMoney } from "@/lib/money/money";

/**
 * What the customer can expect next. What the invoice asks (pay by the due date, a part of a
 * payment plan, it is late) comes from the invoice; what we will do about it comes from the
 * collection engine's plan (lib/collections/engine.ts) and nothing else — its first step is the
 * one the daily run will take, on that day, with those charges — so the page never promises a
 * reminder the run would not send, nor a fee it would not charge. Honest and never a threat: a
 * charge is named with its legal basis (charge-words.ts), a pause says why, and when the plan
 * holds no further step the page promises none. A due date on a weekend or holiday may be paid
 * the next banking day (lag 1930:173), and says so.
 */
/** What a collection step taken was (the timeline event's `step`, in upper case). */
export type SentStepKind = "COURTESY" | "REMINDER" | "FINAL_REMINDER" | "COLLECTION_HANDOVER";

/** The kind a REMINDER_SENT event's data names; a reminder when it names none we know. */
export function sentStepKindOf(data: unknown): SentStepKind {
  const step = (data as { step?: unknown } | null)?.step;
  const upper = typeof step === "string" ? step.toUpperCase() : "";
  return upper === "COURTESY" || upper === "FINAL_REMINDER" || upper === "COLLECTION_HANDOVER"
    ? upper
    : "REMINDER";
}

export type NextStep =
  | { kind: "nothing-to-pay" }
  | { kind: "paid" }
  | { kind: "credit-balance"; amountOre: number }
  /** Money on its way back: how much, and where to (the way it was paid; null if unrecorded). */
  | { kind: "refund-pending"; amountOre: number; to: string | null }
  | { kind: "pay-by"; dueDate: Date; lastDay: Date | null; amountOre: number }
  /** The first part of an agreed payment plan not yet paid. */
  | {
      kind: "plan-part";
      position: number;
      parts: number;
      dueDate: Date;
      amountOre: number;
      ocr: string;
    }
  | { kind: "past-due"; dueDate: Date }
  | { kind: "reminder-sent"; step: SentStepKind; sentOn: Date; feeOre: number }
  /** The plan's next step, on its day, with what it will charge. */
  | {
      kind: "step-planned";
      step: CollectionStepKind;
      date: Date;
      payBy: Date | null;
      charges: StepCharges;
    }
  /** The plan's next step is held by a pause. */
  | { kind: "paused"; reason: PauseReason; since: Date }
  | { kind: "handed-over"; agencyName: string | null; agencyContact: string | null };

/** What of the invoice's collection (invoice-collection.ts) the next steps read. */
export interface NextStepCollection {
  plan: InvoiceCollection["plan"];
  handedOverAt: Date | null;
  policy: Pick<InvoiceCollection["policy"], "agencyName" | "agencyContact">;
  activePlan: InvoiceCollection["activePlan"];
}

/**
 * Refunds still on their way, from the invoice's customer-visible timeline: each refund booked as
 * pending (PAYMENT_REFUNDED) until an event says it was paid out or failed.
 */
export function pendingRefunds(
  events: ReadonlyArray<{ type: string; data: unknown }>,
): Array<{ amountOre: number; to: string | null }> {
  const read = (data: unknown) =>
    (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const settled = new Set(
    events
      .filter((e) => e.type === "REFUND_COMPLETED" || e.type === "REFUND_FAILED")
      .map((e) => read(e.data).refundId)
      .filter((id) => typeof id === "string"),
  );
  return events.flatMap((event) => {
    const data = read(event.data);
    if (event.type !== "PAYMENT_REFUNDED" || data.status !== "PENDING") return [];
    if (typeof data.refundId === "string" && settled.has(data.refundId)) return [];
    const amountOre = data.amountOre;
    if (typeof amountOre !== "number" || !Number.isSafeInteger(amountOre) || amountOre <= 0)
      return [];
    return [{ amountOre, to: typeof data.to === "string" ? data.to : null }];
  });
}

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

/** The entry for the engine's next step: planned on its day, or held by a pause. */
export function plannedStepEntry(step: PlannedStep): NextStep {
  if (step.date === null) {
    // The engine leaves a step undated only when a pause holds it, and says which.
    const pause = step.pausedBy!;
    return { kind: "paused", reason: pause.reason, since: pause.since };
  }
  return {
    kind: "step-planned",
    step: step.kind,
    date: step.date,
    payBy: step.payBy,
    charges: {
      feeOre: step.feeOre,
      feeKind: step.feeKind,
      interestOre: step.interestOre,
      interestFrom: step.interestFrom,
      interestThrough: step.interestThrough,
      interestRateBasisPoints: step.interestRateBasisPoints,
    },
  };
}

export function nextSteps(input: {
  kind: "INVOICE" | "CREDIT_NOTE";
  displayStatus: DisplayStatus;
  dueDate: Date | null;
  today: Date;
  amountDueOre: number;
  customerCreditOre: number;
  /** The invoice's collection (null for credit notes, paid and draft invoices). */
  collection: NextStepCollection | null;
  /** The collection steps taken, oldest first, with what each was and charged. */
  remindersSent: Array<{ sentOn: Date; feeOre: number; step?: SentStepKind }>;
  /** Refunds on their way to the customer (pendingRefunds). */
  refundsPending?: Array<{ amountOre: number; to: string | null }>;
}): NextStep[] {
  const steps: NextStep[] = [];
  for (const refund of input.refundsPending ?? [])
    steps.push({ kind: "refund-pending", amountOre: refund.amountOre, to: refund.to });
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
  const { collection } = input;
  if (collection && (collection.handedOverAt || collection.plan.state === "handed-over")) {
    steps.push({
      kind: "handed-over",
      agencyName: collection.policy.agencyName,
      agencyContact: collection.policy.agencyContact,
    });
    return steps;
  }
  const parts = collection?.activePlan?.parts ?? [];
  const part = parts.find((p) => !p.paid);
  const last = lastDayToPay(input.dueDate);
  if (part) {
    steps.push({
      kind: "plan-part",
      position: part.position,
      parts: parts.length,
      dueDate: part.dueDate,
      amountOre: part.amountOre,
      ocr: part.ocr,
    });
  } else if (input.today <= last) {
    steps.push({
      kind: "pay-by",
      dueDate: input.dueDate,
      lastDay: last.getTime() === input.dueDate.getTime() ? null : last,
      amountOre: input.amountDueOre,
    });
  } else {
    steps.push({ kind: "past-due", dueDate: input.dueDate });
    const lastReminder = input.remindersSent.at(-1);
    if (lastReminder) {
      steps.push({
        kind: "reminder-sent",
        step: lastReminder.step ?? "REMINDER",
        sentOn: lastReminder.sentOn,
        feeOre: lastReminder.feeOre,
      });
    }
  }
  const next = collection?.plan.steps[0];
  if (next) steps.push(plannedStepEntry(next));
  return steps;
}

/** The sentence the page (and anything else that says what happens next) shows for an entry. */
export function nextStepText(step: NextStep, locale: Locale, t: InvoiceMessages): string {
  const money = (ore: number) => formatMoney(ore, { locale });
  const date = (d: Date) => formatLongDate(d, locale);
  switch (step.kind) {
    case "nothing-to-pay":
      return t.next.nothingToPay;
    case "paid":
      return t.next.paid;
    case "credit-balance":
      return t.next.creditBalance(money(step.amountOre));
    case "refund-pending": {
      const destination =
        step.to !== null && Object.hasOwn(t.timeline.refundTo, step.to)
          ? t.timeline.refundTo[step.to]
          : undefined;
      return destination
        ? t.next.refundPending(money(step.amountOre), destination.to, destination.when)
        : t.next.refundPendingSomewhere(money(step.amountOre));
    }
    case "pay-by":
      return step.lastDay
        ? `${t.next.payBy(money(step.amountOre), date(step.dueDate))} ${t.next.nextBankingDay(date(step.lastDay))}`
        : t.next.payBy(money(step.amountOre), date(step.dueDate));
    case "plan-part":
      return t.next.planPart({
        position: step.position,
        parts: step.parts,
        amount: money(step.amountOre),
        date: date(step.dueDate),
        ocr: step.ocr,
      });
    case "step-planned":
      return `${t.next.stepPlanned(t.next.stepNouns[step.step], date(step.date))} ${chargesText(step.charges, locale)}`;
    case "paused":
      return t.next.paused[step.reason];
    case "handed-over":
      return step.agencyName
        ? t.next.handedOver(step.agencyName, step.agencyContact)
        : t.next.handedOverNoAgency;
    case "reminder-sent":
      return `${t.next.reminderSent(t.next.stepNouns[step.step], date(step.sentOn))}${step.feeOre > 0 ? ` ${t.next.reminderFee(money(step.feeOre))}` : ""}`;
    case "past-due":
      return t.next.pastDue(date(step.dueDate));
  }
}
