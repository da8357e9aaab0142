import {
  type AccruedInterest,
  accruedInterest,
  interestStartsOn,
  MissingReferenceRate,
  type PrincipalEntry,
  principalAfter,
  type ReferenceRatePeriod,
} from "@/lib/collections/interest";
import { decideReminderFee, type FeeParties } from "@/lib/collections/reminder-fees";
import { bankingDayOnOrAfter, lastDayToPay } from "@/lib/dates/banking-days";
import { addDays, daysBetween } from "@/lib/dates/calendar-date";
import type {
  CollectionAnchor,
  CollectionChannel,
  CollectionStepKind,
  CollectionTone,
} from "@/lib/db/generated/client";

/**
 * The collection engine: given one unpaid invoice, the policy it falls under and today, the steps
 * that will be taken for it and when, with what each charges and why. Pure and deterministic: the
 * daily run performs the step planned for today, the forecast lists the steps of the coming days,
 * and the invoice page says what comes next, all from this one function, so they cannot disagree.
 *
 * The law's limits are here, not in any setting:
 * - nothing but a courtesy before the invoice is overdue (after its last day to pay), and a
 *   courtesy never after it and never with a charge;
 * - a reminder fee only as reminder-fees.ts allows (agreed in time, at most 60 kr), once per claim,
 *   and only when the principal still owed is at least the policy's threshold;
 * - dröjsmålsränta as interest.ts computes it, when the policy charges it and it reaches the
 *   policy's minimum (what is below it keeps accruing for the next step);
 * - the 180 kr inkassokrav fee (lag 1981:739 3 §, förordning 1981:1057) only at a real handover,
 *   whose demand gives at least eight days to pay (god inkassosed), and never on top of a
 *   business's förseningsersättning (4 a §);
 * - every step on a banking day, one step per invoice per day, and none while a pause holds.
 */
export const COLLECTION_FEE_ORE = 18_000;
/** God inkassosed: an inkassokrav gives the debtor at least eight days to pay. */
export const HANDOVER_DAYS_TO_PAY = 8;
/** The days a reminder gives to pay before it would be late again. */
export const REMINDER_DAYS_TO_PAY = 10;

export interface PolicyStep {
  id: string;
  position: number;
  kind: CollectionStepKind;
  anchor: CollectionAnchor;
  offsetDays: number;
  channel: CollectionChannel;
  tone: CollectionTone;
  chargeFee: boolean;
}

/** What a chosen variant changes about a step (each absent field is the step's own). */
export interface VariantChoice {
  key: string;
  offsetDays?: number | null;
  channel?: CollectionChannel | null;
  tone?: CollectionTone | null;
  chargeFee?: boolean | null;
  offerPaymentPlan?: boolean;
  /** How it was chosen, for the record (split, or the learner's posterior means). */
  assignment: Record<string, unknown>;
}

/** The step as an invoice gets it, its variant's changes applied (the law still the engine's). */
export function applyVariant(step: PolicyStep, choice: VariantChoice | null): PolicyStep {
  if (!choice) return step;
  return {
    ...step,
    offsetDays: choice.offsetDays ?? step.offsetDays,
    channel: choice.channel ?? step.channel,
    tone: choice.tone ?? step.tone,
    // A courtesy never charges, whatever a variant says.
    chargeFee: step.kind === "COURTESY" ? false : (choice.chargeFee ?? step.chargeFee),
  };
}

export interface PolicyTerms {
  id: string;
  name: string;
  feeMinimumAmountDueOre: number;
  chargeInterest: boolean;
  interestMinimumOre: number;
  /** In position order. */
  steps: readonly PolicyStep[];
}

export type PauseReason = "DISPUTE" | "PAYMENT_PLAN" | "PAYMENT_IN_FLIGHT";

export interface Pause {
  reason: PauseReason;
  startedOn: Date;
  /** The first day steps may run again; null while it lasts. */
  endedOn: Date | null;
}

export interface PerformedStep {
  stepId: string;
  kind: CollectionStepKind;
  performedOn: Date;
  feeOre: number;
  feeKind: FeeKind | null;
  interestOre: number;
  interestThrough: Date | null;
}

/** One unpaid invoice as the engine sees it. */
export interface CollectionCase {
  invoiceId: string;
  dueDate: Date;
  /** What is owed in all today (principal, fees, interest). */
  amountDueOre: number;
  /** The ledger as day-dated changes, in day order, for interest. */
  entries: readonly PrincipalEntry[];
  /** The parties of a reminder fee (reminder-fees.ts); alreadyCharged is the ledger's word. */
  feeParties: FeeParties;
  /** Whether the inkassokrav fee was already charged on this claim. */
  collectionFeeCharged: boolean;
  /** Whether a business's förseningsersättning was charged on this claim. */
  compensationCharged: boolean;
  performed: readonly PerformedStep[];
  pauses: readonly Pause[];
  handedOver: boolean;
}

export type FeeKind = "reminder-fee" | "late-payment-compensation" | "collection-fee";

/** Why a step charges what it does: the forecast shows it, the console explains it. */
export type FeeReason =
  | "courtesy-never-charges"
  | "policy-charges-no-fee"
  | "no-fee"
  | "not-agreed"
  | "agreed-too-late"
  | "already-charged"
  | "below-threshold"
  | "compensation-instead"
  | "reminder-fee"
  | "late-payment-compensation"
  | "collection-fee";

export type InterestReason =
  | "policy-charges-no-interest"
  | "courtesy-never-charges"
  | "below-minimum"
  | "charged"
  | "none-accrued"
  /** No reference rate is on record for a day of the period: nothing is charged on a guess. */
  | "rate-unknown";

export interface PlannedStep {
  stepId: string;
  position: number;
  kind: CollectionStepKind;
  channel: CollectionChannel;
  tone: CollectionTone;
  /** A banking day; null when a pause holds the step until it ends. */
  date: Date | null;
  /** What the customer owes when it runs (before its own charges). */
  amountDueOre: number;
  feeOre: number;
  feeKind: FeeKind | null;
  feeReason: FeeReason;
  interestOre: number;
  interestFrom: Date | null;
  interestThrough: Date | null;
  interestReason: InterestReason;
  /** The rate charged (reference + 8 points), in basis points, when interest is charged. */
  interestRateBasisPoints: number | null;
  /** The last day to pay the message gives; null for a courtesy (the due date stands). */
  payBy: Date | null;
  /** Set when a pause holds the step: the pause's cause and since when. */
  pausedBy: { reason: PauseReason; since: Date } | null;
  /** The variant the invoice gets at this step, when the step has variants in play. */
  variant: { key: string; offerPaymentPlan: boolean; assignment: Record<string, unknown> } | null;
}

export type CollectionState =
  | "nothing-due"
  | "handed-over"
  | "scheduled"
  | "paused"
  | "policy-complete";

export interface CollectionPlan {
  state: CollectionState;
  steps: PlannedStep[];
}

interface Running {
  reminderFeeCharged: boolean;
  collectionFeeCharged: boolean;
  compensationCharged: boolean;
  interestFrom: Date;
  amountDueOre: number;
  entries: PrincipalEntry[];
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/**
 * When a step falls, once pauses are counted. A step `n` days after its reference point (the step
 * before it, or the due date) falls on the n-th day after it that no pause covered: a pause in
 * between moves it on by the days it lasted. Whatever else moves it (the first overdue day, a
 * weekend, a run missed) never lands it inside a pause either: it goes to the pause's end. An
 * open pause (one with no end yet) that has begun holds it.
 */
export function retimeForPauses(
  reference: Date,
  nominal: Date,
  pauses: readonly Pause[],
): { date: Date } | { heldBy: Pause } {
  if (nominal <= reference) return { date: nominal };
  const closed = pauses.filter((pause) => pause.endedOn !== null);
  let remaining = daysBetween(reference, nominal);
  let day = reference;
  while (remaining > 0) {
    day = addDays(day, 1);
    if (!closed.some((pause) => pause.startedOn <= day && day < pause.endedOn!)) remaining -= 1;
  }
  const held = pauses.find((pause) => pause.endedOn === null && pause.startedOn <= day);
  return held ? { heldBy: held } : { date: day };
}

/** The first banking day on or after `from` that no pause covers, or the pause that holds it. */
export function settleOnBankingDay(
  from: Date,
  pauses: readonly Pause[],
): { date: Date } | { heldBy: Pause } {
  let date = from;
  for (;;) {
    const held = pauses.find((pause) => pause.endedOn === null && pause.startedOn <= date);
    if (held) return { heldBy: held };
    const inside = pauses.find(
      (pause) => pause.endedOn !== null && pause.startedOn <= date && date < pause.endedOn,
    );
    if (inside) {
      date = inside.endedOn!;
      continue;
    }
    const banking = bankingDayOnOrAfter(date);
    if (banking.getTime() === date.getTime()) return { date };
    date = banking;
  }
}

function decideStepFee(
  step: PolicyStep,
  collectionCase: CollectionCase,
  policy: PolicyTerms,
  running: Running,
  principalOre: number,
): { feeOre: number; feeKind: FeeKind | null; feeReason: FeeReason } {
  const none = (feeReason: FeeReason) => ({ feeOre: 0, feeKind: null, feeReason });
  if (step.kind === "COURTESY") return none("courtesy-never-charges");
  if (!step.chargeFee) return none("policy-charges-no-fee");
  if (step.kind === "COLLECTION_HANDOVER") {
    if (running.compensationCharged) return none("compensation-instead");
    if (running.collectionFeeCharged) return none("already-charged");
    return { feeOre: COLLECTION_FEE_ORE, feeKind: "collection-fee", feeReason: "collection-fee" };
  }
  const decision = decideReminderFee({
    ...collectionCase.feeParties,
    alreadyCharged: running.reminderFeeCharged || running.compensationCharged,
  });
  if (decision.kind === "none") return none(decision.reason);
  if (principalOre < policy.feeMinimumAmountDueOre) return none("below-threshold");
  return { feeOre: decision.amountOre, feeKind: decision.kind, feeReason: decision.kind };
}

/**
 * The plan for one invoice as of `today`: the steps still to come, in order. Steps already
 * performed are not in it; the first entry is the next thing that happens.
 */
export function planCollection(options: {
  collectionCase: CollectionCase;
  policy: PolicyTerms;
  today: Date;
  rates: readonly ReferenceRatePeriod[];
  /** The variant of a step with an experiment (split or learner); none: the step as written. */
  chooseVariant?: (step: PolicyStep) => VariantChoice | null;
}): CollectionPlan {
  const { collectionCase, policy, today, rates } = options;
  if (collectionCase.handedOver) return { state: "handed-over", steps: [] };
  if (collectionCase.amountDueOre <= 0) return { state: "nothing-due", steps: [] };
  const lastDay = lastDayToPay(collectionCase.dueDate);
  const firstOverdueDay = addDays(lastDay, 1);
  const performed = new Map(collectionCase.performed.map((step) => [step.stepId, step]));
  const lastInterest = collectionCase.performed
    .map((step) => step.interestThrough)
    .filter((day): day is Date => day !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const running: Running = {
    reminderFeeCharged: collectionCase.feeParties.alreadyCharged,
    collectionFeeCharged: collectionCase.collectionFeeCharged,
    compensationCharged: collectionCase.compensationCharged,
    interestFrom: lastInterest
      ? later(addDays(lastInterest, 1), interestStartsOn(collectionCase.dueDate))
      : interestStartsOn(collectionCase.dueDate),
    amountDueOre: collectionCase.amountDueOre,
    entries: [...collectionCase.entries],
  };
  let previous: Date | null = null;
  // Nothing before the invoice existed (an invoice issued with a past date starts today).
  let earliest = later(today, collectionCase.feeParties.debtAroseOn);
  for (const done of collectionCase.performed) {
    earliest = later(earliest, addDays(done.performedOn, 1));
  }
  // A step added before one already taken (the policy was edited) is not taken late.
  const lastPerformedPosition = Math.max(
    -1,
    ...policy.steps.filter((step) => performed.has(step.id)).map((step) => step.position),
  );
  const steps: PlannedStep[] = [];
  for (const written of policy.steps) {
    const done = performed.get(written.id);
    if (!done && written.position < lastPerformedPosition) continue;
    if (done) {
      previous = done.performedOn;
      if (done.kind === "COLLECTION_HANDOVER") return { state: "handed-over", steps: [] };
      continue;
    }
    const choice = options.chooseVariant?.(written) ?? null;
    const step = applyVariant(written, choice);
    const variant = choice
      ? {
          key: choice.key,
          offerPaymentPlan: choice.offerPaymentPlan ?? false,
          assignment: choice.assignment,
        }
      : null;
    const nominal =
      step.anchor === "PREVIOUS_STEP" && previous
        ? addDays(previous, step.offsetDays)
        : addDays(collectionCase.dueDate, step.offsetDays);
    const reference =
      previous ?? (nominal < collectionCase.dueDate ? nominal : collectionCase.dueDate);
    const counted = retimeForPauses(reference, nominal, collectionCase.pauses);
    let timed = counted;
    if ("date" in counted) {
      let date = later(counted.date, earliest);
      if (step.kind !== "COURTESY") date = later(date, firstOverdueDay);
      timed = settleOnBankingDay(date, collectionCase.pauses);
    }
    const principalOre = principalAfter(running.entries);
    // A courtesy held past its day is no courtesy: the step the pause really holds comes after.
    if ("heldBy" in timed && step.kind === "COURTESY") continue;
    if ("heldBy" in timed) {
      steps.push({
        stepId: step.id,
        position: step.position,
        kind: step.kind,
        channel: step.channel,
        tone: step.tone,
        date: null,
        amountDueOre: running.amountDueOre,
        ...decideStepFee(step, collectionCase, policy, running, principalOre),
        interestOre: 0,
        interestFrom: null,
        interestThrough: null,
        interestReason: step.kind === "COURTESY" ? "courtesy-never-charges" : "none-accrued",
        interestRateBasisPoints: null,
        payBy: null,
        pausedBy: { reason: timed.heldBy.reason, since: timed.heldBy.startedOn },
        variant,
      });
      return { state: "paused", steps };
    }
    const { date } = timed;
    // A courtesy comes before the invoice is late or not at all.
    if (step.kind === "COURTESY" && date > lastDay) continue;
    const fee = decideStepFee(step, collectionCase, policy, running, principalOre);
    const interest = decideInterest(step, policy, running, date, rates);
    const payBy =
      step.kind === "COURTESY"
        ? null
        : bankingDayOnOrAfter(
            addDays(
              date,
              step.kind === "COLLECTION_HANDOVER" ? HANDOVER_DAYS_TO_PAY : REMINDER_DAYS_TO_PAY,
            ),
          );
    steps.push({
      stepId: step.id,
      position: step.position,
      kind: step.kind,
      channel: step.channel,
      tone: step.tone,
      date,
      amountDueOre: running.amountDueOre,
      ...fee,
      ...interest.planned,
      payBy,
      pausedBy: null,
      variant,
    });
    // What this step charges is owed from its day on, and counted by the next.
    const charged = fee.feeOre + interest.planned.interestOre;
    if (charged > 0) {
      running.amountDueOre += charged;
      running.entries.push({ on: date, kind: "cost", amountOre: charged });
    }
    if (fee.feeKind === "reminder-fee") running.reminderFeeCharged = true;
    if (fee.feeKind === "late-payment-compensation") running.compensationCharged = true;
    if (fee.feeKind === "collection-fee") running.collectionFeeCharged = true;
    if (interest.planned.interestThrough) {
      running.interestFrom = addDays(interest.planned.interestThrough, 1);
    }
    previous = date;
    earliest = addDays(date, 1);
    if (step.kind === "COLLECTION_HANDOVER") break;
  }
  return { state: steps.length > 0 ? "scheduled" : "policy-complete", steps };
}

function decideInterest(
  step: PolicyStep,
  policy: PolicyTerms,
  running: Running,
  date: Date,
  rates: readonly ReferenceRatePeriod[],
): {
  planned: Pick<
    PlannedStep,
    | "interestOre"
    | "interestFrom"
    | "interestThrough"
    | "interestReason"
    | "interestRateBasisPoints"
  >;
} {
  const none = (interestReason: InterestReason) => ({
    planned: {
      interestOre: 0,
      interestFrom: null,
      interestThrough: null,
      interestReason,
      interestRateBasisPoints: null,
    },
  });
  if (step.kind === "COURTESY") return none("courtesy-never-charges");
  if (!policy.chargeInterest) return none("policy-charges-no-interest");
  let accrued: AccruedInterest | null;
  try {
    accrued = accruedInterest({
      from: running.interestFrom,
      through: date,
      entries: running.entries,
      rates,
    });
  } catch (error) {
    if (error instanceof MissingReferenceRate) return none("rate-unknown");
    throw error;
  }
  if (!accrued || accrued.ore <= 0) return none("none-accrued");
  if (accrued.ore < policy.interestMinimumOre) return none("below-minimum");
  return {
    planned: {
      interestOre: accrued.ore,
      interestFrom: running.interestFrom,
      interestThrough: date,
      interestReason: "charged",
      interestRateBasisPoints: accrued.lastRateBasisPoints,
    },
  };
}

/** The step the daily run performs today, if any: the first planned one, when it falls today. */
export function stepDueOn(plan: CollectionPlan, today: Date): PlannedStep | null {
  const next = plan.steps[0];
  if (!next || next.date === null) return null;
  return next.date.getTime() <= today.getTime() ? next : null;
}
