import { describe, expect, it } from "vitest";
import {
  channelWord,
  describeExperiment,
  describeStep,
  describeSteps,
  stepKindWord,
} from "@/lib/collections/policy-words";

const STANDARD_STEPS = [
  { kind: "COURTESY", anchor: "DUE_DATE", offsetDays: -3, chargeFee: false },
  { kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 7, chargeFee: true },
  { kind: "FINAL_REMINDER", anchor: "PREVIOUS_STEP", offsetDays: 14, chargeFee: true },
  { kind: "COLLECTION_HANDOVER", anchor: "PREVIOUS_STEP", offsetDays: 14, chargeFee: true },
] as const;

describe("a policy's steps in words", () => {
  it("reads the standard policy as one line, Swedish and English", () => {
    expect(describeSteps(STANDARD_STEPS, "sv")).toBe(
      "Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift) · Sista påminnelse +14 d efter föregående (avgift) · Inkasso +14 d efter föregående (avgift)",
    );
    expect(describeSteps(STANDARD_STEPS, "en")).toBe(
      "Courtesy reminder 3 days before · Reminder +7 d (fee) · Final reminder +14 d after the previous (fee) · Handover to collection +14 d after the previous (fee)",
    );
    expect(describeSteps([], "sv")).toBe("Inga steg");
  });

  it("says the courtesy's day and a step before its anchor plainly", () => {
    const courtesy = { kind: "COURTESY", anchor: "DUE_DATE", chargeFee: false } as const;
    expect(describeStep({ ...courtesy, offsetDays: 0 }, "sv")).toBe(
      "Vänlig påminnelse på förfallodagen",
    );
    expect(describeStep({ ...courtesy, offsetDays: -1 }, "sv")).toBe(
      "Vänlig påminnelse 1 dag före",
    );
    expect(describeStep({ ...courtesy, offsetDays: -1 }, "en")).toBe(
      "Courtesy reminder 1 day before",
    );
    expect(
      describeStep(
        { kind: "REMINDER", anchor: "PREVIOUS_STEP", offsetDays: -2, chargeFee: false },
        "sv",
      ),
    ).toBe("Påminnelse \u22122 d efter föregående");
  });

  it("names the forecast's wire names", () => {
    expect(stepKindWord("final_reminder", "sv")).toBe("Sista påminnelse");
    expect(stepKindWord("collection_handover", "en")).toBe("Handover to collection");
    expect(channelWord("letter", "sv")).toBe("Brev");
    expect(channelWord("page", "en")).toBe("Invoice page only");
    expect(stepKindWord("something_new", "sv")).toBe("something_new");
  });
});

describe("a step's experiment in words", () => {
  it("names a split's variants and shares, and the variants a learner chooses among", () => {
    const split = {
      mode: "SPLIT" as const,
      variants: [
        { key: "A", weight: 50 },
        { key: "B", weight: 50 },
      ],
    };
    expect(describeExperiment(split, "sv")).toBe("test A/B 50/50");
    const learning = {
      mode: "LEARNING" as const,
      variants: [
        { key: "A", weight: 34 },
        { key: "B", weight: 33 },
        { key: "C", weight: 33 },
        { key: "D", weight: 0 },
      ],
    };
    expect(describeExperiment(learning, "sv")).toBe("lär sig A/B/C");
    expect(describeExperiment(learning, "en")).toBe("learning A/B/C");
    const [courtesy, reminder] = STANDARD_STEPS;
    expect(describeSteps([courtesy, { ...reminder, experiment: split }], "sv")).toBe(
      "Vänlig påminnelse 3 dagar före · Påminnelse +7 d (avgift) · test A/B 50/50",
    );
    expect(describeSteps([{ ...reminder, experiment: null }], "sv")).toBe(
      "Påminnelse +7 d (avgift)",
    );
  });
});
