import { describe, expect, it } from "vitest";
import { newCondition } from "@/components/marketing/targeting-condition-row";
import { convertValue, defaultValue } from "@/components/marketing/targeting-value-input";
import { TARGETING_FACT_NAMES, TARGETING_FACTS } from "@/lib/content/targeting/catalogue";
import { parseRuleDocument } from "@/lib/content/targeting/parse-rule";

/** The console's rule editor must never build a document the server refuses by itself. */
describe("the targeting editor's values", () => {
  it("starts every fact with every allowed operator at a valid condition", () => {
    for (const name of TARGETING_FACT_NAMES) {
      const definition = TARGETING_FACTS[name];
      for (const op of definition.ops) {
        const rule = { all: [{ fact: name, op, value: defaultValue(definition, op) }] };
        // A free-text fact starts empty for "in" (nothing to suggest); everything else is valid.
        if (definition.type.kind === "string" && op === "in") continue;
        expect(parseRuleDocument(rule), `${name} ${op}`).toMatchObject({ ok: true });
      }
    }
    expect(parseRuleDocument({ any: [newCondition()] })).toMatchObject({ ok: true });
  });

  it("keeps the value when only the operator changes, where it still fits", () => {
    const tenure = TARGETING_FACTS.tenureMonths;
    expect(convertValue(tenure, "in", 12)).toEqual([12]);
    expect(convertValue(tenure, "between", 12)).toEqual([12, 12]);
    expect(convertValue(tenure, "gte", [24, 36])).toBe(24);
    const kind = TARGETING_FACTS.planKind;
    expect(convertValue(kind, "in", "MOBILE")).toEqual(["MOBILE"]);
    expect(convertValue(kind, "eq", ["BROADBAND", "MOBILE"])).toBe("BROADBAND");
  });
});
