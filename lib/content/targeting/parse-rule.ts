import { z } from "zod";
import {
  type FactDefinition,
  isFactName,
  TARGETING_FACT_NAMES,
  TARGETING_FACTS,
  TARGETING_OPS,
  type TargetingOp,
} from "@/lib/content/targeting/catalogue";
import {
  type Condition,
  type ConditionValue,
  MAX_RULE_CONDITIONS,
  MAX_RULE_DEPTH,
  type Rule,
} from "@/lib/content/targeting/rule";
import { AppError } from "@/lib/errors/app-error";

/**
 * Reading a rule document someone wrote (the marketer's editor, the API): strictly, with limits,
 * and with the path of the first problem. Evaluating a parsed rule is evaluate-rule.ts.
 */
const MAX_LIST_VALUES = 100;
const MAX_TEXT_LENGTH = 200;

export type ParseRuleResult =
  | { ok: true; rule: Rule }
  | { ok: false; message: string; path: string };

type PathSegment = string | number;

class RuleProblem extends Error {
  constructor(
    readonly segments: PathSegment[],
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** "all[2].any[0].value", the way a marketer (and the editor) can find the bad part. */
export function formatRulePath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SHAPE_HINT =
  'expected {"all": [...]}, {"any": [...]}, {"not": {...}} or a condition {"fact", "op", "value"}';

/**
 * Validates an untrusted rule document. The walk stops at the first problem (one clear message
 * beats a wall of them in the editor) and never recurses past the depth limit, so a hostile,
 * deeply nested document cannot exhaust the stack.
 */
export function parseRuleDocument(json: unknown): ParseRuleResult {
  const budget = { conditions: 0 };
  try {
    return { ok: true, rule: parseNode(json, [], 1, budget) };
  } catch (error) {
    if (!(error instanceof RuleProblem)) throw error;
    const path = formatRulePath(error.segments);
    return { ok: false, path, message: `${path || "rule"}: ${error.problem}` };
  }
}

/** For server actions and API routes: a bad document is the user's BAD_INPUT, with its path. */
export function requireRuleDocument(json: unknown): Rule {
  const result = parseRuleDocument(json);
  if (!result.ok) throw new AppError("BAD_INPUT", result.message, { path: result.path });
  return result.rule;
}

/** The same validation as a zod schema, for forms and route handlers that parse with zod. */
export const ruleDocumentSchema = z.unknown().transform((value, ctx): Rule => {
  const result = parseRuleDocument(value);
  if (result.ok) return result.rule;
  ctx.issues.push({ code: "custom", message: result.message, input: value });
  return z.NEVER;
});

export function serializeRule(rule: Rule): string {
  return JSON.stringify(rule);
}

function parseNode(
  node: unknown,
  path: PathSegment[],
  depth: number,
  budget: { conditions: number },
): Rule {
  if (depth > MAX_RULE_DEPTH) {
    throw new RuleProblem(path, `rules nest deeper than ${MAX_RULE_DEPTH} levels`);
  }
  if (!isPlainObject(node)) throw new RuleProblem(path, SHAPE_HINT);
  const keys = Object.keys(node);
  const combinators = keys.filter((key) => key === "all" || key === "any" || key === "not");
  if (combinators.length > 0) {
    const extra = keys.find((key) => key !== combinators[0]);
    if (extra !== undefined) {
      throw new RuleProblem(
        [...path, extra],
        `unexpected key "${extra}" beside "${combinators[0]}" (a rule has exactly one)`,
      );
    }
    const key = combinators[0] as "all" | "any" | "not";
    const child = node[key];
    if (key === "not") return { not: parseNode(child, [...path, "not"], depth + 1, budget) };
    if (!Array.isArray(child)) throw new RuleProblem([...path, key], "expected a list of rules");
    const rules = child.map((item, index) =>
      parseNode(item, [...path, key, index], depth + 1, budget),
    );
    return key === "all" ? { all: rules } : { any: rules };
  }
  if (keys.length === 0) throw new RuleProblem(path, SHAPE_HINT);
  budget.conditions += 1;
  if (budget.conditions > MAX_RULE_CONDITIONS) {
    throw new RuleProblem(path, `more than ${MAX_RULE_CONDITIONS} conditions`);
  }
  return parseCondition(node, path);
}

function parseCondition(node: Record<string, unknown>, path: PathSegment[]): Condition {
  const extra = Object.keys(node).find((key) => key !== "fact" && key !== "op" && key !== "value");
  if (extra !== undefined) {
    throw new RuleProblem([...path, extra], `unexpected key "${extra}" in a condition`);
  }
  const { fact, op } = node;
  if (!isFactName(fact)) {
    const shown = typeof fact === "string" ? `unknown fact "${fact}"` : "missing fact";
    throw new RuleProblem(
      [...path, "fact"],
      `${shown} (known facts: ${TARGETING_FACT_NAMES.join(", ")})`,
    );
  }
  const definition = TARGETING_FACTS[fact];
  if (typeof op !== "string" || !(TARGETING_OPS as readonly string[]).includes(op)) {
    const shown = typeof op === "string" ? `unknown operator "${op}"` : "missing operator";
    throw new RuleProblem([...path, "op"], `${shown} (operators: ${TARGETING_OPS.join(", ")})`);
  }
  if (!(definition.ops as readonly string[]).includes(op)) {
    throw new RuleProblem(
      [...path, "op"],
      `"${op}" is not allowed for ${fact} (allowed: ${definition.ops.join(", ")})`,
    );
  }
  if (!("value" in node)) throw new RuleProblem([...path, "value"], `missing value for ${fact}`);
  const value = parseValue(definition, op as TargetingOp, node.value, [...path, "value"]);
  return { fact, op: op as TargetingOp, value };
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function parseScalar(definition: FactDefinition, value: unknown, path: PathSegment[]) {
  const { name, type } = definition;
  switch (type.kind) {
    case "number":
      if (isFiniteNumber(value)) return value;
      throw new RuleProblem(path, `expected a number for ${name}`);
    case "boolean":
      if (typeof value === "boolean") return value;
      throw new RuleProblem(path, `expected true or false for ${name}`);
    case "string":
      if (typeof value === "string" && value.length <= MAX_TEXT_LENGTH) return value;
      throw new RuleProblem(
        path,
        `expected a text of at most ${MAX_TEXT_LENGTH} characters for ${name}`,
      );
    case "enum":
      if (typeof value === "string" && type.values.includes(value)) return value;
      throw new RuleProblem(path, `expected one of ${type.values.join(", ")} for ${name}`);
  }
}

function parseValue(
  definition: FactDefinition,
  op: TargetingOp,
  value: unknown,
  path: PathSegment[],
): ConditionValue {
  const { name } = definition;
  if (op === "between") {
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      !isFiniteNumber(value[0]) ||
      !isFiniteNumber(value[1])
    ) {
      throw new RuleProblem(path, `expected [min, max], two numbers, for ${name}`);
    }
    if (value[0] > value[1]) {
      throw new RuleProblem(path, `expected min ≤ max, got [${value[0]}, ${value[1]}] for ${name}`);
    }
    return [value[0], value[1]];
  }
  if (op === "in") {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_VALUES) {
      throw new RuleProblem(path, `expected a list of 1–${MAX_LIST_VALUES} values for ${name}`);
    }
    return value.map((item, index) => parseScalar(definition, item, [...path, index])) as
      | number[]
      | string[];
  }
  return parseScalar(definition, value, path);
}
