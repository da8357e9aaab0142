import { describe, expect, it } from "vitest";
import {
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  type TargetingFacts,
} from "@/lib/content/targeting/catalogue";
import { describeRule } from "@/lib/content/targeting/describe-rule";
import { evaluateRule, explainUnknown } from "@/lib/content/targeting/evaluate-rule";
import {
  parseRuleDocument,
  requireRuleDocument,
  ruleDocumentSchema,
} from "@/lib/content/targeting/parse-rule";
import { EVERYONE, type Rule } from "@/lib/content/targeting/rule";
import { AppError } from "@/lib/errors/app-error";

const tenure = (op: string, value: unknown) => ({ fact: "tenureMonths", op, value });
const ok = tenure("gte", 12);

function nestNot(levels: number, leaf: unknown): unknown {
  let node = leaf;
  for (let i = 0; i < levels; i += 1) node = { not: node };
  return node;
}

describe("parseRuleDocument rejects malformed documents and names the bad part", () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ["not an object", null, "", /^rule: expected \{"all"/],
    ["an array", [ok], "", /^rule: expected/],
    ["an empty object", {}, "", /^rule: expected/],
    ["all is not a list", { all: {} }, "all", /^all: expected a list of rules$/],
    ["two combinators", { all: [], any: [] }, "any", /^any: unexpected key "any" beside "all"/],
    [
      "a text where a number belongs, deep down",
      { all: [ok, ok, { any: [tenure("gte", "12")] }] },
      "all[2].any[0].value",
      /^all\[2\]\.any\[0\]\.value: expected a number for tenureMonths$/,
    ],
    [
      "an unknown fact",
      { any: [{ fact: "income", op: "gt", value: 1 }] },
      "any[0].fact",
      /^any\[0\]\.fact: unknown fact "income" \(known facts: tenureMonths, /,
    ],
    ["no fact", { op: "eq", value: 1 }, "fact", /^fact: missing fact/],
    ["an unknown operator", tenure("like", 1), "op", /^op: unknown operator "like"/],
    [
      "an ordering op on a plan code",
      { fact: "planCode", op: "gt", value: "A" },
      "op",
      /^op: "gt" is not allowed for planCode \(allowed: eq, neq, in\)$/,
    ],
    [
      "in on a boolean",
      { not: { fact: "isBusiness", op: "in", value: [true] } },
      "not.op",
      /^not\.op: "in" is not allowed for isBusiness/,
    ],
    [
      "a missing value",
      { fact: "segment", op: "eq" },
      "value",
      /^value: missing value for segment$/,
    ],
    ["an extra key", { ...ok, note: "x" }, "note", /^note: unexpected key "note" in a condition$/],
    [
      "a text for a boolean",
      { fact: "isBusiness", op: "eq", value: "yes" },
      "value",
      /^value: expected true or false for isBusiness$/,
    ],
    [
      "an enum value that does not exist",
      { fact: "planKind", op: "eq", value: "GAS" },
      "value",
      /^value: expected one of ENERGY, BROADBAND, MOBILE for planKind$/,
    ],
    [
      "a bad element of an in-list",
      { fact: "ageBand", op: "in", value: ["18-29", "90+"] },
      "value[1]",
      /^value\[1\]: expected one of 18-29, 30-44, 45-64, 65\+ for ageBand$/,
    ],
    ["an empty in-list", tenure("in", []), "value", /^value: expected a list of 1–100 values/],
    ["in without a list", tenure("in", 3), "value", /^value: expected a list/],
    ["between with one bound", tenure("between", [1]), "value", /^value: expected \[min, max\]/],
    ["between reversed", tenure("between", [12, 6]), "value", /^value: expected min ≤ max/],
    ["NaN", tenure("eq", Number.NaN), "value", /expected a number/],
    ["Infinity", tenure("lt", Number.POSITIVE_INFINITY), "value", /expected a number/],
    [
      "an overlong text",
      { fact: "segment", op: "eq", value: "x".repeat(201) },
      "value",
      /at most 200 characters/,
    ],
    ["not over a list", { not: [ok] }, "not", /^not: expected/],
    [
      "nine levels deep",
      nestNot(8, ok),
      "not.not.not.not.not.not.not.not",
      /^not(\.not){7}: rules nest deeper than 8 levels$/,
    ],
    [
      "101 conditions",
      { all: Array.from({ length: 101 }, () => ok) },
      "all[100]",
      /^all\[100\]: more than 100 conditions$/,
    ],
    [
      "101 conditions spread over branches",
      {
        any: [
          { all: Array.from({ length: 60 }, () => ok) },
          { all: Array.from({ length: 41 }, () => ok) },
        ],
      },
      "any[1].all[40]",
      /more than 100 conditions/,
    ],
  ];

  it.each(cases)("%s", (_name, document, path, message) => {
    const result = parseRuleDocument(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.path).toBe(path);
    expect(result.message).toMatch(message);
  });

  it("accepts the limits themselves: 8 levels and 100 conditions", () => {
    expect(parseRuleDocument(nestNot(7, ok)).ok).toBe(true);
    expect(parseRuleDocument({ all: Array.from({ length: 100 }, () => ok) }).ok).toBe(true);
  });

  it("survives a hostile, very deep document without recursing into it", () => {
    const result = parseRuleDocument(nestNot(100_000, ok));
    expect(result).toMatchObject({ ok: false, path: "not.not.not.not.not.not.not.not" });
  });

  it("returns a fresh copy, not the caller's object", () => {
    const document = { all: [{ fact: "segment", op: "in", value: ["a", "b"] }] };
    const result = parseRuleDocument(document);
    expect(result).toEqual({ ok: true, rule: document });
    if (result.ok) expect(result.rule).not.toBe(document);
  });

  it("exposes the same validation as an AppError and as a zod schema", () => {
    const bad = { all: [tenure("gt", "x")] };
    expect(() => requireRuleDocument(bad)).toThrow(AppError);
    try {
      requireRuleDocument(bad);
    } catch (error) {
      expect((error as AppError).code).toBe("BAD_INPUT");
      expect((error as AppError).details).toEqual({ path: "all[0].value" });
    }
    const parsed = ruleDocumentSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      "all[0].value: expected a number for tenureMonths",
    );
    expect(ruleDocumentSchema.parse(EVERYONE)).toEqual({ all: [] });
  });
});

const FACTS: TargetingFacts = {
  tenureMonths: 30,
  planCode: "EL-RORLIG",
  planKind: "ENERGY",
  usageVsIncludedPercent: null,
  usageChangeVsLastYearPercent: -12,
  supportContacts90d: 2,
  overdueInvoices12m: 0,
  isFirstInvoice: false,
  campaignEndsWithinDays: 20,
  ageBand: "65+",
  segment: "premium",
  isBusiness: false,
  amountDueKronor: 412,
};

describe("evaluateRule", () => {
  const cases: Array<[string, Rule, true | false | "unknown"]> = [
    ["everyone", EVERYONE, true],
    ["no one", { any: [] }, false],
    ["gte true", { fact: "tenureMonths", op: "gte", value: 30 }, true],
    ["gt false", { fact: "tenureMonths", op: "gt", value: 30 }, false],
    [
      "lt on a negative change",
      { fact: "usageChangeVsLastYearPercent", op: "lt", value: -10 },
      true,
    ],
    ["lte", { fact: "campaignEndsWithinDays", op: "lte", value: 19 }, false],
    ["between inclusive", { fact: "campaignEndsWithinDays", op: "between", value: [20, 30] }, true],
    ["in", { fact: "planCode", op: "in", value: ["EL-FAST12", "EL-RORLIG"] }, true],
    ["neq", { fact: "planKind", op: "neq", value: "ENERGY" }, false],
    ["boolean eq", { fact: "isBusiness", op: "eq", value: false }, true],
    [
      "an unknown fact is unknown",
      { fact: "usageVsIncludedPercent", op: "gt", value: 80 },
      "unknown",
    ],
    ["even with neq", { fact: "usageVsIncludedPercent", op: "neq", value: 80 }, "unknown"],
    [
      "not keeps unknown",
      { not: { fact: "usageVsIncludedPercent", op: "gt", value: 1 } },
      "unknown",
    ],
    [
      "all: a false beats an unknown",
      {
        all: [
          { fact: "usageVsIncludedPercent", op: "gt", value: 1 },
          { fact: "isBusiness", op: "eq", value: true },
        ],
      },
      false,
    ],
    [
      "all: an unknown beats true",
      {
        all: [
          { fact: "usageVsIncludedPercent", op: "gt", value: 1 },
          { fact: "isBusiness", op: "eq", value: false },
        ],
      },
      "unknown",
    ],
    [
      "any: a true beats an unknown",
      {
        any: [
          { fact: "usageVsIncludedPercent", op: "gt", value: 1 },
          { fact: "isBusiness", op: "eq", value: false },
        ],
      },
      true,
    ],
  ];
  it.each(cases)("%s", (_name, rule, expected) => {
    expect(evaluateRule(rule, FACTS)).toBe(expected);
  });

  it("treats a missing key like a null fact", () => {
    expect(evaluateRule({ fact: "segment", op: "eq", value: "premium" }, {})).toBe("unknown");
  });
});

describe("explainUnknown", () => {
  it("names the missing facts that left the rule undecided, in catalogue order", () => {
    const rule: Rule = {
      all: [
        { fact: "usageVsIncludedPercent", op: "gt", value: 90 },
        { not: { fact: "ageBand", op: "eq", value: "65+" } },
        { fact: "isBusiness", op: "eq", value: false },
      ],
    };
    expect(explainUnknown(rule, { ...FACTS, ageBand: null, tenureMonths: null })).toEqual([
      "usageVsIncludedPercent",
      "ageBand",
    ]);
  });

  it("is empty when a missing fact did not matter", () => {
    const rule: Rule = {
      any: [
        { fact: "usageVsIncludedPercent", op: "gt", value: 90 },
        { fact: "segment", op: "eq", value: "premium" },
      ],
    };
    expect(evaluateRule(rule, FACTS)).toBe(true);
    expect(explainUnknown(rule, FACTS)).toEqual([]);
  });
});

describe("describeRule", () => {
  const rule: Rule = {
    all: [
      { fact: "tenureMonths", op: "gte", value: 12 },
      {
        any: [
          { fact: "planKind", op: "in", value: ["ENERGY", "MOBILE"] },
          { not: { fact: "isBusiness", op: "eq", value: true } },
        ],
      },
      { fact: "usageChangeVsLastYearPercent", op: "between", value: [-10.5, 5] },
    ],
  };

  it("reads as an indented list in English", () => {
    expect(describeRule(rule, "en")).toBe(
      [
        "All of:",
        "  - Customer for: at least 12\u00A0months",
        "  - Any of:",
        "      - Kind of plan: one of Energy, Mobile",
        "      - Not:",
        "          - Business customer: yes",
        "  - Change in usage since the same period last year: between -10.5 and 5\u00A0%",
      ].join("\n"),
    );
  });

  it("reads in Swedish with Swedish numbers", () => {
    const text = describeRule(rule, "sv");
    expect(text).toContain("Kund i: minst 12\u00A0månader");
    expect(text).toContain("Typ av abonnemang: någon av El, Mobil");
    expect(text).toContain("mellan −10,5 och 5\u00A0%");
  });

  it("says everyone / no one, and shows a one-child group as its child", () => {
    expect(describeRule(EVERYONE, "sv")).toBe("Alla kunder");
    expect(describeRule({ any: [] }, "en")).toBe("No one");
    expect(describeRule({ all: [{ fact: "segment", op: "neq", value: "student" }] }, "en")).toBe(
      "Segment: not student",
    );
  });

  it("has words for every fact in both languages", () => {
    for (const name of TARGETING_FACT_NAMES) {
      const { label } = TARGETING_FACTS[name];
      expect(label.en.length * label.sv.length).toBeGreaterThan(0);
    }
  });
});
