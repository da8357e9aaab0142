import fc from "fast-check";
import {
  type CollectionCase,
  type CollectionPlan,
  type Pause,
  type PlannedStep,
  type PolicyStep,
  type PolicyTerms,
  planCollection,
} from "@/lib/collections/engine";
import type { PrincipalEntry, ReferenceRatePeriod } from "@/lib/collections/interest";
import { addDays, parseCalendarDate } from "@/lib/dates/calendar-date";

/** Shared pieces of the collection engine's tests: rates, a standard policy, an invoice. */
const day = parseCalendarDate;

export const RATES: ReferenceRatePeriod[] = [
  { validFrom: day("2025-01-01"), rateBasisPoints: 250 },
  { validFrom: day("2025-07-01"), rateBasisPoints: 200 },
  { validFrom: day("2026-01-01"), rateBasisPoints: 200 },
  { validFrom: day("2026-07-01"), rateBasisPoints: 175 },
  { validFrom: day("2027-01-01"), rateBasisPoints: 150 },
];

export const step = (overrides: Partial<PolicyStep> & Pick<PolicyStep, "kind" | "offsetDays">) =>
  ({
    id: `step-${overrides.position ?? 0}`,
    position: 0,
    anchor: "DUE_DATE",
    channel: "EMAIL",
    tone: "NEUTRAL",
    chargeFee: false,
    ...overrides,
  }) satisfies PolicyStep;

export const STANDARD_STEPS: PolicyStep[] = [
  step({ position: 0, kind: "COURTESY", offsetDays: -3, tone: "FRIENDLY" }),
  step({ position: 1, kind: "REMINDER", offsetDays: 7, chargeFee: true }),
  step({
    position: 2,
    kind: "FINAL_REMINDER",
    anchor: "PREVIOUS_STEP",
    offsetDays: 14,
    chargeFee: true,
  }),
  step({
    position: 3,
    kind: "COLLECTION_HANDOVER",
    anchor: "PREVIOUS_STEP",
    offsetDays: 14,
    chargeFee: true,
    channel: "LETTER",
    tone: "FIRM",
  }),
];

export const policy = (overrides: Partial<PolicyTerms> = {}): PolicyTerms => ({
  id: "policy",
  name: "Standard",
  feeMinimumAmountDueOre: 10_000,
  chargeInterest: false,
  interestMinimumOre: 0,
  steps: STANDARD_STEPS,
  ...overrides,
});

/** An invoice of `amountOre`, issued 2026-11-20, due `dueDate`, customer agreed to fees in 2024. */
export const invoice = (
  overrides: Partial<CollectionCase> & { amountOre?: number } = {},
): CollectionCase => {
  const amountOre = overrides.amountOre ?? 50_000;
  return {
    invoiceId: "invoice",
    dueDate: day("2026-12-10"),
    amountDueOre: amountOre,
    entries: [{ on: day("2026-11-20"), kind: "charge", amountOre }],
    feeParties: {
      organization: { reminderFeeOre: 6_000, chargeLatePaymentCompensation: false },
      customer: {
        isBusiness: false,
        reminderFeeAgreedOn: day("2024-03-01"),
        reminderFeeAgreementSource: "Allmänna villkor 8.2",
      },
      debtAroseOn: day("2026-11-20"),
      alreadyCharged: false,
    },
    collectionFeeCharged: false,
    compensationCharged: false,
    performed: [],
    pauses: [],
    handedOver: false,
    ...overrides,
  };
};

/*
 * Random invoices, policies and what happened to them, for the property tests of the engine
 * (lib/collections/engine.property.test.ts) and of the invoice page's "what happens next"
 * (lib/invoice-page/what-happens-next.property.test.ts).
 */

const EPOCH = Date.UTC(2025, 0, 1);
/** Day n after 1 January 2025. */
export const dayNumber = (n: number) => new Date(EPOCH + n * 86_400_000);

// Half-year rates keyed "2026H2", looked up by arithmetic rather than by walking a sorted list.
export const RATE_TABLE: Record<string, number> = {
  "2025H1": 250,
  "2025H2": 200,
  "2026H1": 200,
  "2026H2": 175,
  "2027H1": 150,
  "2027H2": 150,
  "2028H1": 100,
  "2028H2": 100,
};
/** The property tests' rates: a half-year table, looked up by arithmetic in rateByHalfYear. */
export const PROPERTY_RATES: ReferenceRatePeriod[] = Object.entries(RATE_TABLE).map(
  ([key, rateBasisPoints]) => ({
    validFrom: new Date(Date.UTC(Number(key.slice(0, 4)), key.endsWith("H1") ? 0 : 6, 1)),
    rateBasisPoints,
  }),
);
export const rateByHalfYear = (date: Date) =>
  RATE_TABLE[`${date.getUTCFullYear()}H${date.getUTCMonth() < 6 ? 1 : 2}`]!;

export const stepArbitrary = (kind: PolicyStep["kind"], position: number) =>
  fc
    .record({
      anchor: fc.constantFrom("DUE_DATE" as const, "PREVIOUS_STEP" as const),
      offsetDays:
        kind === "COURTESY" ? fc.integer({ min: -10, max: 0 }) : fc.integer({ min: -5, max: 40 }),
      channel: fc.constantFrom(
        "EMAIL" as const,
        "SMS" as const,
        "LETTER" as const,
        "PAGE" as const,
      ),
      tone: fc.constantFrom("FRIENDLY" as const, "NEUTRAL" as const, "FIRM" as const),
      chargeFee: kind === "COURTESY" ? fc.constant(false) : fc.boolean(),
    })
    .map(
      (fields): PolicyStep => ({
        id: `step-${position}`,
        position,
        kind,
        ...fields,
        anchor: kind === "COURTESY" ? "DUE_DATE" : fields.anchor,
      }),
    );

export const policyArbitrary: fc.Arbitrary<PolicyTerms> = fc
  .record({
    courtesy: fc.boolean(),
    reminders: fc.integer({ min: 0, max: 3 }),
    handover: fc.boolean(),
    feeMinimumAmountDueOre: fc.integer({ min: 0, max: 20_000 }),
    chargeInterest: fc.boolean(),
    interestMinimumOre: fc.integer({ min: 0, max: 2_000 }),
  })
  .chain((shape) => {
    const kinds: PolicyStep["kind"][] = [
      ...(shape.courtesy ? (["COURTESY"] as const) : []),
      ...Array.from({ length: shape.reminders }, (_, i) =>
        i === shape.reminders - 1 && shape.reminders > 1
          ? ("FINAL_REMINDER" as const)
          : ("REMINDER" as const),
      ),
      ...(shape.handover ? (["COLLECTION_HANDOVER"] as const) : []),
    ];
    return fc
      .tuple(...kinds.map((kind, position) => stepArbitrary(kind, position)))
      .map((steps) => ({
        id: "policy",
        name: "Random",
        feeMinimumAmountDueOre: shape.feeMinimumAmountDueOre,
        chargeInterest: shape.chargeInterest,
        interestMinimumOre: shape.interestMinimumOre,
        steps,
      }));
  });

export interface Scenario {
  collectionCase: CollectionCase;
  policy: PolicyTerms;
  today: Date;
}

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    issueDay: fc.integer({ min: 0, max: 900 }),
    termDays: fc.integer({ min: 10, max: 30 }),
    amountOre: fc.integer({ min: 100, max: 2_000_000 }),
    payments: fc.array(
      fc.record({
        afterIssue: fc.integer({ min: 1, max: 60 }),
        share: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 2 },
    ),
    agreement: fc.constantFrom("before", "after", "none"),
    isBusiness: fc.boolean(),
    compensation: fc.boolean(),
    reminderFeeOre: fc.constantFrom(0, 3_000, 6_000, 9_000),
    pauses: fc.array(
      fc.record({
        reason: fc.constantFrom("DISPUTE" as const, "PAYMENT_PLAN" as const),
        afterDue: fc.integer({ min: -15, max: 40 }),
        length: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      }),
      { maxLength: 2 },
    ),
    todayAfterIssue: fc.integer({ min: 0, max: 60 }),
    policy: policyArbitrary,
  })
  .map((raw): Scenario => {
    const issueDate = dayNumber(raw.issueDay);
    const dueDate = addDays(issueDate, raw.termDays);
    const today = addDays(issueDate, raw.todayAfterIssue);
    const entries: PrincipalEntry[] = [{ on: issueDate, kind: "charge", amountOre: raw.amountOre }];
    let paid = 0;
    for (const payment of [...raw.payments].sort((a, b) => a.afterIssue - b.afterIssue)) {
      const on = addDays(issueDate, payment.afterIssue);
      if (on > today) continue;
      const amount = Math.floor((raw.amountOre * payment.share) / 100);
      if (amount <= 0) continue;
      entries.push({ on, kind: "payment", amountOre: amount });
      paid += amount;
    }
    const pauses: Pause[] = raw.pauses
      .map((pause) => {
        const startedOn = addDays(dueDate, pause.afterDue);
        const endedOn = pause.length === null ? null : addDays(startedOn, pause.length);
        return { reason: pause.reason, startedOn, endedOn };
      })
      // What has not begun by today is not known today.
      .filter((pause) => pause.startedOn <= today)
      .map((pause) =>
        pause.endedOn && pause.endedOn > today ? { ...pause, endedOn: null } : pause,
      );
    return {
      today,
      policy: raw.policy,
      collectionCase: {
        invoiceId: "invoice",
        dueDate,
        amountDueOre: raw.amountOre - paid,
        entries,
        feeParties: {
          organization: {
            reminderFeeOre: raw.reminderFeeOre,
            chargeLatePaymentCompensation: raw.compensation,
          },
          customer: {
            isBusiness: raw.isBusiness,
            reminderFeeAgreedOn:
              raw.agreement === "none"
                ? null
                : addDays(issueDate, raw.agreement === "before" ? -30 : 5),
            reminderFeeAgreementSource: raw.agreement === "none" ? null : "Allmänna villkor",
          },
          debtAroseOn: issueDate,
          alreadyCharged: false,
        },
        collectionFeeCharged: false,
        compensationCharged: false,
        performed: [],
        pauses,
        handedOver: false,
      },
    };
  });

export const planScenario = ({ collectionCase, policy, today }: Scenario): CollectionPlan =>
  planCollection({ collectionCase, policy, today, rates: PROPERTY_RATES });

/** Performs a planned step on the case the way the daily run records it. */
export function performStep(
  collectionCase: CollectionCase,
  step: PlannedStep,
  on: Date,
): CollectionCase {
  const charged = step.feeOre + step.interestOre;
  return {
    ...collectionCase,
    amountDueOre: collectionCase.amountDueOre + charged,
    entries:
      charged > 0
        ? [...collectionCase.entries, { on, kind: "cost", amountOre: charged }]
        : collectionCase.entries,
    feeParties: {
      ...collectionCase.feeParties,
      alreadyCharged: collectionCase.feeParties.alreadyCharged || step.feeKind === "reminder-fee",
    },
    compensationCharged:
      collectionCase.compensationCharged || step.feeKind === "late-payment-compensation",
    collectionFeeCharged: collectionCase.collectionFeeCharged || step.feeKind === "collection-fee",
    performed: [
      ...collectionCase.performed,
      {
        stepId: step.stepId,
        kind: step.kind,
        performedOn: on,
        feeOre: step.feeOre,
        feeKind: step.feeKind,
        interestOre: step.interestOre,
        interestThrough: step.interestThrough,
      },
    ],
    handedOver: collectionCase.handedOver || step.kind === "COLLECTION_HANDOVER",
  };
}

/**
 * The scenario as the daily run would have left it by `today`: every step the plan put before
 * today taken on its day (reminders sent, their fees and interest charged, a handover made), so
 * the plan of today starts mid-way, or not at all.
 */
export function advanceScenario(scenario: Scenario): Scenario {
  let { collectionCase } = scenario;
  let cursor = collectionCase.feeParties.debtAroseOn;
  for (let taken = 0; taken <= scenario.policy.steps.length && cursor < scenario.today; taken++) {
    const next = planCollection({
      collectionCase,
      policy: scenario.policy,
      today: cursor,
      rates: PROPERTY_RATES,
    }).steps[0];
    if (!next?.date || next.date >= scenario.today) break;
    collectionCase = performStep(collectionCase, next, next.date);
    cursor = addDays(next.date, 1);
  }
  return { ...scenario, collectionCase };
}

/** Scenarios of which some have had steps taken already (see advanceScenario). */
export const advancedScenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArbitrary, fc.boolean())
  .map(([scenario, advance]) => (advance ? advanceScenario(scenario) : scenario));

/** The standard policy's steps as the console's editor sends them (before the schema's defaults). */
export const STANDARD_STEP_INPUTS = [
  {
    kind: "COURTESY",
    anchor: "DUE_DATE",
    offsetDays: -3,
    channel: "EMAIL",
    tone: "FRIENDLY",
    chargeFee: false,
  },
  {
    kind: "REMINDER",
    anchor: "DUE_DATE",
    offsetDays: 7,
    channel: "EMAIL",
    tone: "NEUTRAL",
    chargeFee: true,
  },
  {
    kind: "FINAL_REMINDER",
    anchor: "PREVIOUS_STEP",
    offsetDays: 14,
    channel: "SMS",
    tone: "NEUTRAL",
    chargeFee: true,
  },
  {
    kind: "COLLECTION_HANDOVER",
    anchor: "PREVIOUS_STEP",
    offsetDays: 14,
    channel: "LETTER",
    tone: "FIRM",
    chargeFee: true,
  },
] as const;
