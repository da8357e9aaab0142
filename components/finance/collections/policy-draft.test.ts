import { describe, expect, it } from "vitest";
import {
  draftFromInput,
  draftToInput,
  moveStep,
  newPolicyDraft,
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
