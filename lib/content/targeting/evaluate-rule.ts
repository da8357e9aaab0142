import {
  type FactName,
  TARGETING_FACT_NAMES,
  type TargetingFacts,
} from "@/lib/content/targeting/catalogue";
import type { Condition, Rule, Truth } from "@/lib/content/targeting/rule";

/**
 * Evaluating a parsed rule against a customer's facts, in three-valued (Kleene) logic: a fact we do
 * not know makes a comparison unknown, and the page shows a block only when its rule is true.
 */
export type FactValues = Partial<Record<FactName, TargetingFacts[FactName] | undefined>>;

function evaluateCondition(condition: Condition, facts: FactValues): Truth {
  const actual = facts[condition.fact];
  // Kleene: a comparison with something we do not know is itself not known — even "neq".
  if (actual === null || actual === undefined) return "unknown";
  const { op, value } = condition;
  switch (op) {
    case "eq":
      return actual === value;
    case "neq":
      return actual !== value;
    case "in":
      return Array.isArray(value) && (value as readonly unknown[]).includes(actual);
  }
  // A fact of the wrong type can only come from a bug in the loader; it must not select anyone.
  if (typeof actual !== "number") return "unknown";
  if (op === "between") {
    const [min, max] = value as readonly number[];
    return actual >= (min as number) && actual <= (max as number);
  }
  if (typeof value !== "number") return "unknown";
  if (op === "gt") return actual > value;
  if (op === "gte") return actual >= value;
  if (op === "lt") return actual < value;
  return actual <= value;
}

export function evaluateRule(rule: Rule, facts: FactValues): Truth {
  if ("all" in rule) {
    let result: Truth = true;
    for (const child of rule.all) {
      const truth = evaluateRule(child, facts);
      if (truth === false) return false;
      if (truth === "unknown") result = "unknown";
    }
    return result;
  }
  if ("any" in rule) {
    let result: Truth = false;
    for (const child of rule.any) {
      const truth = evaluateRule(child, facts);
      if (truth === true) return true;
      if (truth === "unknown") result = "unknown";
    }
    return result;
  }
  if ("not" in rule) {
    const truth = evaluateRule(rule.not, facts);
    return truth === "unknown" ? "unknown" : !truth;
  }
  return evaluateCondition(rule, facts);
}

/**
 * The facts whose absence left the rule undecided, in catalogue order; empty when the rule came
 * out true or false. Only branches that are themselves unknown are followed, so a missing fact
 * that did not matter (any(true, ?)) is not reported as the reason.
 */
export function explainUnknown(rule: Rule, facts: FactValues): FactName[] {
  const missing = new Set<FactName>();
  const visit = (node: Rule) => {
    if (evaluateRule(node, facts) !== "unknown") return;
    if ("all" in node) node.all.forEach(visit);
    else if ("any" in node) node.any.forEach(visit);
    else if ("not" in node) visit(node.not);
    else missing.add(node.fact);
  };
  visit(rule);
  return TARGETING_FACT_NAMES.filter((name) => missing.has(name));
}
