import { daysBetween, todayInSweden } from "@/lib/dates/calendar-date";
import type { LedgerEntryKind } from "@/lib/db/generated/client";

/**
 * Pure outcome arithmetic for the block analytics: what happened to the invoices that showed a
 * variant. Kept apart from the queries so each rule (what "on time" means, when an invoice counts
 * as paid in full) is stated and tested once.
 */

export interface OutcomeInvoice {
  id: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  issueDate: Date | null;
  dueDate: Date | null;
  entries: Array<{ kind: LedgerEntryKind; amountOre: number; occurredAt: Date }>;
}

export interface PaymentOutcome {
  /** Nothing to pay (credit notes, fully credited invoices): left out of both shares. */
  hasAmountToPay: boolean;
  /** The Swedish calendar day the payments first covered what was owed; null while unpaid. */
  paidInFullOn: Date | null;
  /** null while it cannot be known yet (unpaid, due date not passed). */
  paidOnTime: boolean | null;
}

/**
 * Walks the ledger in time order. "Paid in full" is the first moment payments (less refunds)
 * cover what was issued plus fees less credits *so far*: a credit note that arrives after the due
 * date therefore cannot turn a late invoice into an on-time one. "On time" compares the Swedish
 * calendar day of that moment with the due date (a payment at 23:30 on the due day is on time).
 */
export function paymentOutcome(invoice: OutcomeInvoice, today: Date): PaymentOutcome {
  if (invoice.kind !== "INVOICE" || !invoice.dueDate) {
    return { hasAmountToPay: false, paidInFullOn: null, paidOnTime: null };
  }
  const entries = [...invoice.entries].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
  );
  // Every entry is signed by its effect on what the customer owes, so the running sum is the balance.
  let owed = 0;
  let paid = 0;
  let balance = 0;
  let paidInFullOn: Date | null = null;
  for (const entry of entries) {
    balance += entry.amountOre;
    if (entry.kind === "PAYMENT") paid -= entry.amountOre;
    else if (entry.kind !== "REFUND") owed += entry.amountOre;
    // A part payment followed by a credit for the rest also settles the invoice, at the credit.
    if (paidInFullOn === null && paid > 0 && balance <= 0) {
      paidInFullOn = todayInSweden(entry.occurredAt);
    }
  }
  if (owed <= 0 && paidInFullOn === null) {
    return { hasAmountToPay: false, paidInFullOn: null, paidOnTime: null };
  }
  if (paidInFullOn) {
    return { hasAmountToPay: true, paidInFullOn, paidOnTime: paidInFullOn <= invoice.dueDate };
  }
  return {
    hasAmountToPay: true,
    paidInFullOn: null,
    paidOnTime: today > invoice.dueDate ? false : null,
  };
}

export interface OutcomeSummary {
  /** Invoices whose on-time question is settled (paid, or unpaid past the due date). */
  decided: number;
  paidOnTime: number;
  paidInFull: number;
  meanDaysToPayment: number | null;
}

export function summarizeOutcomes(invoices: OutcomeInvoice[], today: Date): OutcomeSummary {
  let decided = 0;
  let paidOnTime = 0;
  let paidInFull = 0;
  let totalDays = 0;
  for (const invoice of invoices) {
    const outcome = paymentOutcome(invoice, today);
    if (!outcome.hasAmountToPay) continue;
    if (outcome.paidOnTime !== null) decided += 1;
    if (outcome.paidOnTime) paidOnTime += 1;
    if (outcome.paidInFullOn && invoice.issueDate) {
      paidInFull += 1;
      totalDays += Math.max(0, daysBetween(invoice.issueDate, outcome.paidInFullOn));
    }
  }
  return {
    decided,
    paidOnTime,
    paidInFull,
    meanDaysToPayment: paidInFull > 0 ? totalDays / paidInFull : null,
  };
}

/** Net Promoter Score: % promoters (9–10) minus % detractors (0–6), from −100 to 100. */
export function netPromoterScore(scores: number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const CHAT_WINDOW_MS = 30 * 86_400_000;

/**
 * Customers who wrote to support within 30 days after (any of) their impressions. Messages are
 * per customer, not per invoice: a question about another invoice still counts as contact.
 */
export function customersWithChatContact(
  impressions: Array<{ customerId: string; occurredAt: Date }>,
  messages: Array<{ customerId: string; createdAt: Date }>,
): Set<string> {
  const byCustomer = new Map<string, number[]>();
  for (const message of messages) {
    const list = byCustomer.get(message.customerId) ?? [];
    list.push(message.createdAt.getTime());
    byCustomer.set(message.customerId, list);
  }
  const contacted = new Set<string>();
  for (const impression of impressions) {
    const seen = impression.occurredAt.getTime();
    const times = byCustomer.get(impression.customerId);
    if (times?.some((time) => time >= seen && time <= seen + CHAT_WINDOW_MS)) {
      contacted.add(impression.customerId);
    }
  }
  return contacted;
}
