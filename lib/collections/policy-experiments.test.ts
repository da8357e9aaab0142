import { describe, expect, it } from "vitest";
import {
  policyInputSchema,
  policyStepInputSchema,
  variantProblem,
} from "@/lib/collections/policies";
import { STANDARD_STEP_INPUTS } from "@/tests/helpers/collection-cases";

/**
 * A step's experiment as the console sends it: the mode, up to four variants A–D, each lawful the
 * way the step must be, and (in a split) shares adding up to 100 — every refusal named by its path.
 */
const [COURTESY, REMINDER, FINAL, HANDOVER] = STANDARD_STEP_INPUTS;

const variant = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  name: `Variant ${key}`,
  weight: 50,
  ...overrides,
});

function policy(steps: unknown[]) {
  return {
    name: "Test",
    targeting: { all: [] },
    feeMinimumAmountDueOre: 10_000,
    chargeInterest: false,
    interestMinimumOre: 1_000,
    respiteMaxDays: 14,
    paymentPlanMinOre: 100_000,
    paymentPlanMaxParts: 3,
    paymentPlanFeeOre: 0,
    agencyName: "Inkasso AB",
    agencyContact: "08-123 45 67",
    steps,
  };
}

/** The issues (path and message) the policy schema gives for the reminder step as given. */
function reminderIssues(step: Record<string, unknown>) {
  const result = policyInputSchema.safeParse(policy([COURTESY, { ...REMINDER, ...step }, FINAL]));
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
function courtesyIssues(step: Record<string, unknown>) {
  const result = policyInputSchema.safeParse(policy([{ ...COURTESY, ...step }, REMINDER]));
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("a step's experiment, as input", () => {
  it("is off with no variants unless sent, and a variant's overrides default to the step's own", () => {
    const step = policyStepInputSchema.parse(REMINDER);
    expect(step).toMatchObject({ experimentMode: "OFF", variants: [] });
    const split = policyStepInputSchema.parse({
      ...REMINDER,
      experimentMode: "SPLIT",
      variants: [variant("A"), variant("B", { tone: "FIRM", offerPaymentPlan: true })],
    });
    expect(split.variants[0]).toEqual({
      key: "A",
      name: "Variant A",
      weight: 50,
      offsetDays: null,
      channel: null,
      tone: null,
      chargeFee: null,
      templates: {},
      offerPaymentPlan: false,
    });
    expect(split.variants[1]).toMatchObject({ tone: "FIRM", offerPaymentPlan: true });
  });

  it("keeps variants while the experiment is off, whatever their shares", () => {
    expect(
      reminderIssues({
        experimentMode: "OFF",
        variants: [variant("A", { weight: 10 })],
      }),
    ).toEqual([]);
  });

  it("takes a split of two to four variants adding up to 100, and a learner with two in play", () => {
    expect(
      reminderIssues({
        experimentMode: "SPLIT",
        variants: [
          variant("A", { weight: 34 }),
          variant("B", { weight: 33 }),
          variant("C", { weight: 33 }),
        ],
      }),
    ).toEqual([]);
    expect(
      reminderIssues({
        experimentMode: "SPLIT",
        variants: [variant("A", { weight: 100 }), variant("B", { weight: 0 })],
      }),
    ).toEqual([]);
    expect(
      reminderIssues({
        experimentMode: "LEARNING",
        variants: [
          variant("A", { weight: 1 }),
          variant("B", { weight: 1 }),
          variant("C", { weight: 0 }),
        ],
      }),
    ).toEqual([]);
  });

  it("refuses an experiment of fewer than two variants", () => {
    for (const experimentMode of ["SPLIT", "LEARNING"]) {
      expect(reminderIssues({ experimentMode, variants: [] })).toEqual([
        { path: "steps.1.variants", message: "an experiment needs at least two variants" },
      ]);
      expect(reminderIssues({ experimentMode, variants: [variant("A", { weight: 100 })] })).toEqual(
        [{ path: "steps.1.variants", message: "an experiment needs at least two variants" }],
      );
    }
  });

  it("refuses a split whose shares do not add up to 100", () => {
    expect(
      reminderIssues({
        experimentMode: "SPLIT",
        variants: [variant("A", { weight: 50 }), variant("B", { weight: 40 })],
      }),
    ).toEqual([{ path: "steps.1.variants", message: "a split's weights add up to 100 (now 90)" }]);
  });

  it("refuses a learner with fewer than two variants in play", () => {
    expect(
      reminderIssues({
        experimentMode: "LEARNING",
        variants: [variant("A", { weight: 100 }), variant("B", { weight: 0 })],
      }),
    ).toEqual([
      {
        path: "steps.1.variants",
        message: "the learner needs at least two variants in play (weight above 0)",
      },
    ]);
  });

  it("refuses an unknown mode, a fifth variant, a key outside A–D and a key twice", () => {
    expect(reminderIssues({ experimentMode: "BANDIT" })).toEqual([
      { path: "steps.1.experimentMode", message: "experimentMode is one of OFF, SPLIT, LEARNING" },
    ]);
    expect(
      reminderIssues({
        experimentMode: "SPLIT",
        variants: ["A", "B", "C", "D", "A"].map((key) => variant(key, { weight: 20 })),
      }),
    ).toEqual([{ path: "steps.1.variants", message: "a step has at most 4 variants" }]);
    expect(
      reminderIssues({ experimentMode: "SPLIT", variants: [variant("A"), variant("E")] }),
    ).toEqual([
      { path: "steps.1.variants.1.key", message: "a variant's key is one of A, B, C, D" },
    ]);
    expect(
      reminderIssues({ experimentMode: "SPLIT", variants: [variant("A"), variant("A")] }),
    ).toEqual([{ path: "steps.1.variants.1.key", message: "variant A is listed twice" }]);
  });

  it("refuses a variant without a name or with too long a one, and a share out of 0–100", () => {
    const split = (overrides: Record<string, unknown>) =>
      reminderIssues({
        experimentMode: "SPLIT",
        variants: [variant("A"), variant("B", overrides)],
      });
    expect(split({ name: "  " })).toEqual([
      { path: "steps.1.variants.1.name", message: "a variant needs a name" },
    ]);
    expect(split({ name: "x".repeat(61) })).toEqual([
      { path: "steps.1.variants.1.name", message: "at most 60 characters" },
    ]);
    for (const weight of [-1, 101, 12.5, "50"]) {
      // (The split's sum is checked too, of what was sent.)
      expect(split({ weight })[0]).toEqual({
        path: "steps.1.variants.1.weight",
        message: "weight is a whole number from 0 to 100",
      });
    }
  });

  it("refuses a variant's overrides outside a step's own bounds, and a field it does not know", () => {
    const split = (overrides: Record<string, unknown>) =>
      reminderIssues({
        experimentMode: "SPLIT",
        variants: [variant("A"), variant("B", overrides)],
      });
    expect(split({ offsetDays: 181 })).toEqual([
      {
        path: "steps.1.variants.1.offsetDays",
        message: "a step is at most 180 days after its anchor",
      },
    ]);
    expect(split({ offsetDays: -31 })).toEqual([
      {
        path: "steps.1.variants.1.offsetDays",
        message: "a step is at most 30 days before its anchor",
      },
    ]);
    expect(split({ channel: "FAX" })).toEqual([
      { path: "steps.1.variants.1.channel", message: "channel is one of EMAIL, SMS, LETTER, PAGE" },
    ]);
    expect(split({ tone: "RUDE" })).toEqual([
      { path: "steps.1.variants.1.tone", message: "tone is one of FRIENDLY, NEUTRAL, FIRM" },
    ]);
    expect(split({ chargeFee: "yes" })).toEqual([
      { path: "steps.1.variants.1.chargeFee", message: "chargeFee must be true, false or null" },
    ]);
    expect(split({ offerPaymentPlan: null })).toEqual([
      {
        path: "steps.1.variants.1.offerPaymentPlan",
        message: "offerPaymentPlan must be true or false",
      },
    ]);
    expect(split({ anchor: "PREVIOUS_STEP" })).toEqual([
      expect.objectContaining({ path: "steps.1.variants.1" }),
    ]);
    expect(split({ templates: { sv: { subject: "Hej {{namn}}", body: "B", sms: "S" } } })).toEqual([
      expect.objectContaining({
        path: "steps.1.variants.1.templates.sv.subject",
        message: expect.stringContaining("unknown placeholder {{namn}}"),
      }),
    ]);
  });

  it("keeps a courtesy lawful in every variant: never a fee, never after the due date", () => {
    const courtesy = (overrides: Record<string, unknown>) =>
      courtesyIssues({
        experimentMode: "SPLIT",
        variants: [variant("A"), variant("B", overrides)],
      });
    expect(courtesy({ chargeFee: true })).toEqual([
      {
        path: "steps.0.variants.1.chargeFee",
        message: "a courtesy never charges a fee, in every variant",
      },
    ]);
    expect(courtesy({ offsetDays: 2 })).toEqual([
      {
        path: "steps.0.variants.1.offsetDays",
        message:
          "a courtesy is sent before or on the due date (0 or fewer days from it), in every variant",
      },
    ]);
    // On the due date or before it, without a fee (or saying so): lawful.
    expect(courtesy({ offsetDays: 0, chargeFee: false, tone: "NEUTRAL" })).toEqual([]);
    expect(courtesy({ offsetDays: -7 })).toEqual([]);
    // Kept while off, the variants are still held to the law (they may be switched on).
    expect(
      courtesyIssues({ variants: [variant("A", { chargeFee: true })] }).map((issue) => issue.path),
    ).toEqual(["steps.0.variants.0.chargeFee"]);
  });

  it("leaves what the step as written gets wrong to the step, and lets a reminder's variant charge or not", () => {
    expect(variantProblem({ ...COURTESY, chargeFee: true }, { chargeFee: null })).toBeNull();
    expect(variantProblem({ ...COURTESY, offsetDays: 3 }, { tone: "FIRM" } as never)).toBeNull();
    expect(variantProblem({ ...COURTESY, offsetDays: 3 }, { offsetDays: -1 })).toBeNull();
    expect(variantProblem(REMINDER, { chargeFee: false, offsetDays: 30 })).toBeNull();
    expect(variantProblem(REMINDER, { chargeFee: true, offsetDays: -5 })).toBeNull();
    // A handover's variant may change its timing and channel: its 8 days to pay are the engine's.
    expect(
      policyInputSchema.safeParse(
        policy([
          COURTESY,
          REMINDER,
          {
            ...HANDOVER,
            experimentMode: "SPLIT",
            variants: [variant("A", { offsetDays: 10 }), variant("B", { channel: "EMAIL" })],
          },
        ]),
      ).success,
    ).toBe(true);
  });
});
