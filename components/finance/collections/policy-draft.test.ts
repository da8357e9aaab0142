import { describe, expect, it } from "vitest";
import {
  addVariant,
  draftFromInput,
  draftToInput,
  equalWeights,
  moveStep,
  newPolicyDraft,
  newStepDraft,
  newVariantDraft,
  removeVariant,
  setExperimentMode,
  setStepKind,
  templateToSend,
} from "@/components/finance/collections/policy-draft";
import { defaultTemplate } from "@/lib/collections/messages";
import { policyInputSchema } from "@/lib/collections/policies";

const STEP_ID = "00000000-0000-4000-8000-0000000000a1";
const stored = policyInputSchema.parse({
  name: "Företag",
  targeting: { fact: "isBusiness", op: "eq", value: true },
  feeMinimumAmountDueOre: 12_550,
  chargeInterest: true,
  interestMinimumOre: 1_000,
  respiteMaxDays: 14,
  paymentPlanMinOre: null,
  paymentPlanMaxParts: 3,
  paymentPlanFeeOre: 0,
  agencyName: null,
  agencyContact: null,
  steps: [
    {
      id: STEP_ID,
      kind: "REMINDER",
      anchor: "DUE_DATE",
      offsetDays: 7,
      channel: "EMAIL",
      tone: "NEUTRAL",
      chargeFee: true,
      templates: { sv: { subject: "Påminnelse {{invoiceNumber}}", body: "Hej", sms: "Betala" } },
    },
  ],
});

describe("the policy editor's draft", () => {
  it("turns a stored policy into the form and back into the same document, sums in kronor", () => {
    const draft = draftFromInput(stored);
    expect(draft.feeMinimumKronor).toBe("125,50");
    expect(draft.paymentPlanMinKronor).toBe("");
    expect(draft.steps[0]).toMatchObject({ id: STEP_ID, offsetDays: "7" });
    expect(draft.steps[0]!.templates.en).toEqual({ subject: "", body: "", sms: "" });
    const { input, issues } = draftToInput(draft);
    expect(issues).toEqual([]);
    expect(policyInputSchema.parse(input)).toEqual(stored);
  });

  it("starts a new policy that the schema takes once it has a name", () => {
    const { input, issues } = draftToInput({ ...newPolicyDraft(), name: "Privat" });
    expect(issues).toEqual([]);
    const parsed = policyInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ feeMinimumAmountDueOre: 10_000, paymentPlanMinOre: null });
    expect(parsed.data?.steps[0]).not.toHaveProperty("id");
  });

  it("names a sum that is not one beside its field, and sends a plan threshold in öre", () => {
    const { input, issues } = draftToInput({
      ...newPolicyDraft(),
      feeMinimumKronor: "hundra",
      paymentPlanMinKronor: "1 000",
      paymentPlanFeeKronor: "170,00",
    });
    expect(issues).toEqual([
      {
        path: "feeMinimumAmountDueOre",
        message: expect.stringContaining('Amount "hundra" contains letters'),
      },
    ]);
    expect(input).toMatchObject({ paymentPlanMinOre: 100_000, paymentPlanFeeOre: 17_000 });
  });

  it("sends a language's texts only when one is written, the empty ones as the default", () => {
    const fallback = defaultTemplate("REMINDER", "FIRM", "en");
    expect(templateToSend({ subject: " ", body: "", sms: "" }, fallback)).toBeUndefined();
    expect(templateToSend({ subject: "", body: "", sms: "Pay now {{link}}" }, fallback)).toEqual({
      subject: fallback.subject,
      body: fallback.body,
      sms: "Pay now {{link}}",
    });
  });

  it("moves a step within the list, never past its ends", () => {
    expect(moveStep(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveStep(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveStep(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveStep(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("a step's experiment in the draft", () => {
  const weights = (step: { variants: Array<{ weight: string }> }) =>
    step.variants.map((variant) => variant.weight);

  it("shares 100 equally, the rounding's remainder to the first variants", () => {
    expect(equalWeights(1)).toEqual([100]);
    expect(equalWeights(2)).toEqual([50, 50]);
    expect(equalWeights(3)).toEqual([34, 33, 33]);
    expect(equalWeights(4)).toEqual([25, 25, 25, 25]);
    expect(equalWeights(0)).toEqual([]);
  });

  it("puts every variant at an equal share when one is added or removed, up to four, keys A–D", () => {
    let step = newStepDraft();
    step = addVariant(step);
    expect(step.variants.map((variant) => [variant.key, variant.name])).toEqual([
      ["A", "Variant A"],
    ]);
    step = addVariant({
      ...step,
      variants: [{ ...step.variants[0]!, weight: "90", name: "Som skrivet" }],
    });
    expect(weights(step)).toEqual(["50", "50"]);
    expect(step.variants[0]!.name).toBe("Som skrivet");
    step = addVariant(step);
    expect(weights(step)).toEqual(["34", "33", "33"]);
    step = addVariant(step);
    expect(step.variants.map((variant) => variant.key)).toEqual(["A", "B", "C", "D"]);
    expect(weights(step)).toEqual(["25", "25", "25", "25"]);
    expect(addVariant(step)).toBe(step);
    step = removeVariant(step, 1);
    expect(step.variants.map((variant) => variant.key)).toEqual(["A", "C", "D"]);
    expect(weights(step)).toEqual(["34", "33", "33"]);
    // The freed key is the next one added.
    expect(addVariant(step).variants.map((variant) => variant.key)).toEqual(["A", "C", "D", "B"]);
  });

  it("starts an experiment with two variants at equal shares, and a split at equal shares when they do not add up", () => {
    const split = setExperimentMode(newStepDraft(), "SPLIT");
    expect(split.experimentMode).toBe("SPLIT");
    expect(weights(split)).toEqual(["50", "50"]);
    const learning = setExperimentMode(
      { ...split, variants: split.variants.map((v) => ({ ...v, weight: "0" })) },
      "LEARNING",
    );
    expect(weights(learning)).toEqual(["50", "50"]);
    const uneven = {
      ...split,
      variants: [newVariantDraft("A", { weight: "80" }), newVariantDraft("B", { weight: "0" })],
    };
    expect(weights(setExperimentMode({ ...uneven, experimentMode: "LEARNING" }, "SPLIT"))).toEqual([
      "50",
      "50",
    ]);
    const off = setExperimentMode(split, "OFF");
    expect(off.experimentMode).toBe("OFF");
    expect(off.variants).toHaveLength(2);
  });

  it("takes the fee away from a courtesy's variants as from the courtesy", () => {
    const step = {
      ...newStepDraft(),
      variants: [
        newVariantDraft("A", { chargeFee: "charge" }),
        newVariantDraft("B", { chargeFee: "none" }),
      ],
    };
    const courtesy = setStepKind(step, "COURTESY");
    expect(courtesy).toMatchObject({ kind: "COURTESY", chargeFee: false, anchor: "DUE_DATE" });
    expect(courtesy.variants.map((variant) => variant.chargeFee)).toEqual(["", "none"]);
    expect(setStepKind(step, "FINAL_REMINDER").variants[0]!.chargeFee).toBe("charge");
  });

  it("turns stored variants into the form and back into the same document", () => {
    const withVariants = policyInputSchema.parse({
      ...stored,
      steps: [
        {
          ...stored.steps[0],
          experimentMode: "SPLIT",
          variants: [
            { key: "A", name: "Som skrivet", weight: 70 },
            {
              key: "B",
              name: "Bestämd",
              weight: 30,
              offsetDays: 5,
              channel: "SMS",
              tone: "FIRM",
              chargeFee: false,
              offerPaymentPlan: true,
              templates: { en: { subject: "Pay {{invoiceNumber}}", body: "Now", sms: "Pay" } },
            },
          ],
        },
      ],
    });
    const draft = draftFromInput(withVariants);
    expect(draft.steps[0]!.variants[1]).toMatchObject({
      weight: "30",
      offsetDays: "5",
      channel: "SMS",
      tone: "FIRM",
      chargeFee: "none",
      offerPaymentPlan: true,
    });
    expect(draft.steps[0]!.variants[0]).toMatchObject({
      offsetDays: "",
      channel: "",
      chargeFee: "",
    });
    const { input, issues } = draftToInput(draft);
    expect(issues).toEqual([]);
    expect(policyInputSchema.parse(input)).toEqual(withVariants);
  });

  it("fills a variant's empty texts with the step's, else the default in the variant's tone", () => {
    const step = {
      ...newStepDraft({ kind: "REMINDER", tone: "NEUTRAL" }),
      experimentMode: "SPLIT" as const,
      variants: [
        newVariantDraft("A", { weight: "50" }),
        newVariantDraft("B", { weight: "50", tone: "FIRM" }),
      ],
    };
    step.templates.sv = { subject: "Stegets ämne", body: "", sms: "" };
    step.variants[0]!.templates.sv = { subject: "", body: "Variantens text", sms: "" };
    step.variants[1]!.templates.en = { subject: "", body: "", sms: "Pay now {{link}}" };
    const { input } = draftToInput({ ...newPolicyDraft(), name: "X", steps: [step] });
    const [a, b] = (input.steps as Array<{ variants: Array<{ templates: unknown }> }>)[0]!.variants;
    expect(a!.templates).toEqual({
      sv: {
        subject: "Stegets ämne",
        body: "Variantens text",
        sms: defaultTemplate("REMINDER", "NEUTRAL", "sv").sms,
      },
    });
    expect(b!.templates).toEqual({
      en: {
        subject: defaultTemplate("REMINDER", "FIRM", "en").subject,
        body: defaultTemplate("REMINDER", "FIRM", "en").body,
        sms: "Pay now {{link}}",
      },
    });
  });
});
