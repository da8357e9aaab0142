import type { CollectionCase, PolicyStep, PolicyTerms } from "@/lib/collections/engine";
import type { ReferenceRatePeriod } from "@/lib/collections/interest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";

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
