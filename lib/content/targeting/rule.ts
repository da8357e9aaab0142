import type { FactName, TargetingOp } from "@/lib/content/targeting/catalogue";

/**
 * The targeting rule document stored in ContentBlock.targeting: a JSON tree of all / any / not
 * over conditions on the customer's facts. It is evaluated with three-valued (Kleene) logic, and
 * the page shows a block only when its rule is true, so a rule over a fact we do not know fails
 * closed instead of showing an offer to the wrong people.
 */

export type ConditionValue = number | boolean | string | readonly number[] | readonly string[];

export interface Condition {
  fact: FactName;
  op: TargetingOp;
  value: ConditionValue;
}

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

export type Truth = true | false | "unknown";

/** Selects everyone: the empty conjunction is true. */
// Frozen all the way down: a caller pushing into EVERYONE.all would retarget every block using it.
export const EVERYONE: Rule = Object.freeze({ all: Object.freeze([]) as unknown as Rule[] });

export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_CONDITIONS = 100;
