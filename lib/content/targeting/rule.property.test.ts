import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type FactDefinition,
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  type TargetingFacts,
  type TargetingOp,
} from "@/lib/content/targeting/catalogue";
import { describeRule } from "@/lib/content/targeting/describe-rule";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import { parseRuleDocument, serializeRule } from "@/lib/content/targeting/parse-rule";
import type { Condition, Rule } from "@/lib/content/targeting/rule";

// Small pools, so that generated facts and condition values actually meet.
const STRINGS = ["EL-RORLIG", "FIBER-100", "premium", "student", ""];
const definitions = TARGETING_FACT_NAMES.map((name) => TARGETING_FACTS[name]);

function scalarOf(definition: FactDefinition): fc.Arbitrary<number | boolean | string> {
  switch (definition.type.kind) {
    case "number":
      return fc.oneof(
        fc.integer({ min: -20, max: 120 }),
        fc.double({ min: -100, max: 100, noNaN: true }).filter((x) => !Object.is(x, -0)),
      );
    case "boolean":
      return fc.boolean();
    case "string":
      return fc.constantFrom(...STRINGS);
    case "enum":
      return fc.constantFrom(...definition.type.values);
  }
}

function conditionValueOf(
  definition: FactDefinition,
  op: TargetingOp,
): fc.Arbitrary<Condition["value"]> {
  if (op === "between") {
    return fc
      .tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: -20, max: 120 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
  }
  if (op === "in") {
    return fc.array(scalarOf(definition), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<
      number[] | string[]
    >;
  }
  return scalarOf(definition);
}

const conditionArb: fc.Arbitrary<Rule> = fc
  .constantFrom(...definitions)
  .chain((definition) =>
    fc
      .constantFrom(...definition.ops)
      .chain((op) =>
        conditionValueOf(definition, op).map((value) => ({ fact: definition.name, op, value })),
      ),
  );

// Five levels of at most three children keep every tree within the limits (≤ 81 conditions).
const GENERATED_DEPTH = 5;
function ruleAt(level: number): fc.Arbitrary<Rule> {
  if (level >= GENERATED_DEPTH) return conditionArb;
  const child = ruleAt(level + 1);
  return fc.oneof(
    { weight: 3, arbitrary: conditionArb },
    { weight: 1, arbitrary: fc.array(child, { maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(child, { maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: child.map((not) => ({ not })) },
  );
}
const ruleArb = ruleAt(1);

const completeFactsArb: fc.Arbitrary<TargetingFacts> = fc.record(
  Object.fromEntries(definitions.map((d) => [d.name, scalarOf(d)])) as {
    [K in keyof TargetingFacts]: fc.Arbitrary<NonNullable<TargetingFacts[K]>>;
  },
);
/** Some facts null, some absent altogether, as the loader may leave them. */
const partialFactsArb = fc
  .tuple(completeFactsArb, fc.array(fc.constantFrom(...TARGETING_FACT_NAMES)), fc.boolean())
  .map(([facts, unknown, asNull]) => {
    const partial: Partial<TargetingFacts> = { ...facts };
    for (const name of unknown) {
      if (asNull) partial[name] = null;
      else delete partial[name];
    }
    return { complete: facts, partial };
  });

describe("targeting rule properties", () => {
  it("every generated rule is a valid document, and parse(serialize(r)) round-trips", () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(parseRuleDocument(JSON.parse(serializeRule(rule)))).toEqual({ ok: true, rule });
      }),
      { numRuns: 500 },
    );
  });

  it("not(not(r)) ≡ r", () => {
    fc.assert(
      fc.property(ruleArb, partialFactsArb, (rule, { partial }) => {
        expect(evaluateRule({ not: { not: rule } }, partial)).toBe(evaluateRule(rule, partial));
      }),
      { numRuns: 500 },
    );
  });

  it("all([]) is true and any([]) is false, whatever the facts", () => {
    fc.assert(
      fc.property(partialFactsArb, ({ partial }) => {
        expect(evaluateRule({ all: [] }, partial)).toBe(true);
        expect(evaluateRule({ any: [] }, partial)).toBe(false);
      }),
    );
  });

  it("De Morgan holds in both directions under Kleene logic", () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, partialFactsArb, (a, b, { partial }) => {
        expect(evaluateRule({ not: { all: [a, b] } }, partial)).toBe(
          evaluateRule({ any: [{ not: a }, { not: b }] }, partial),
        );
        expect(evaluateRule({ not: { any: [a, b] } }, partial)).toBe(
          evaluateRule({ all: [{ not: a }, { not: b }] }, partial),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("all and any do not depend on the order of their children", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 4 }), partialFactsArb, (rules, { partial }) => {
        const reversed = [...rules].reverse();
        expect(evaluateRule({ all: rules }, partial)).toBe(
          evaluateRule({ all: reversed }, partial),
        );
        expect(evaluateRule({ any: rules }, partial)).toBe(
          evaluateRule({ any: reversed }, partial),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("a decided answer never changes when the missing facts become known (fails closed safely)", () => {
    fc.assert(
      fc.property(ruleArb, partialFactsArb, (rule, { complete, partial }) => {
        const withComplete = evaluateRule(rule, complete);
        expect(withComplete).not.toBe("unknown");
        const withPartial = evaluateRule(rule, partial);
        if (withPartial !== "unknown") expect(withPartial).toBe(withComplete);
      }),
      { numRuns: 1000 },
    );
  });

  it("explainUnknown names missing facts exactly when the rule is unknown", () => {
    fc.assert(
      fc.property(ruleArb, partialFactsArb, (rule, { partial }) => {
        const missing = explainUnknown(rule, partial);
        expect(missing.length > 0).toBe(evaluateRule(rule, partial) === "unknown");
        for (const name of missing) expect(partial[name] ?? null).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("describeRule always yields text in both languages", () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        for (const locale of ["sv", "en"] as const) {
          expect(describeRule(rule, locale)).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
