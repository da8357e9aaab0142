import { TARGETING_FACTS, type TargetingOp } from "@/lib/content/targeting/catalogue";
import type { Condition, Rule } from "@/lib/content/targeting/rule";
import type { Locale } from "@/lib/money/money";

/**
 * A rule as text for the console's preview: one line for a condition ("Customer for: at least
 * 12 months"), an indented list for all/any/not. A one-child all/any is shown as its child,
 * which is the same rule (Kleene all([x]) ≡ x), because the editor creates those all the time.
 */

const NBSP = "\u00A0";

const OP_WORDS: Record<Locale, Record<Exclude<TargetingOp, "between">, string>> = {
  en: {
    eq: "",
    neq: "not ",
    gt: "more than ",
    gte: "at least ",
    lt: "less than ",
    lte: "at most ",
    in: "one of ",
  },
  sv: {
    eq: "",
    neq: "inte ",
    gt: "mer än ",
    gte: "minst ",
    lt: "mindre än ",
    lte: "högst ",
    in: "någon av ",
  },
};

const WORDS = {
  en: {
    everyone: "Everyone",
    noOne: "No one",
    all: "All of:",
    any: "Any of:",
    not: "Not:",
    yes: "yes",
    no: "no",
    and: "and",
    between: "between",
  },
  sv: {
    everyone: "Alla kunder",
    noOne: "Ingen",
    all: "Alla dessa:",
    any: "Någon av dessa:",
    not: "Inte:",
    yes: "ja",
    no: "nej",
    and: "och",
    between: "mellan",
  },
} as const;

const PLAN_KIND_WORDS: Record<Locale, Record<string, string>> = {
  en: { ENERGY: "Energy", BROADBAND: "Broadband", MOBILE: "Mobile" },
  sv: { ENERGY: "El", BROADBAND: "Bredband", MOBILE: "Mobil" },
};

const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
  sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }),
};

function formatScalar(condition: Condition, value: unknown, locale: Locale): string {
  if (typeof value === "number") return NUMBER_FORMATS[locale].format(value);
  if (typeof value === "boolean") return value ? WORDS[locale].yes : WORDS[locale].no;
  if (condition.fact === "planKind") return PLAN_KIND_WORDS[locale][String(value)] ?? String(value);
  return String(value);
}

function describeCondition(condition: Condition, locale: Locale): string {
  const definition = TARGETING_FACTS[condition.fact];
  const unit = definition.unit ? `${NBSP}${definition.unit[locale]}` : "";
  const label = definition.label[locale];
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const shown = values.map((value) => formatScalar(condition, value, locale));
  if (condition.op === "between") {
    const words = WORDS[locale];
    return `${label}: ${words.between} ${shown[0]} ${words.and} ${shown[1]}${unit}`;
  }
  return `${label}: ${OP_WORDS[locale][condition.op]}${shown.join(", ")}${unit}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`))
    .join("\n");
}

export function describeRule(rule: Rule, locale: Locale): string {
  const words = WORDS[locale];
  if ("all" in rule || "any" in rule) {
    const isAll = "all" in rule;
    const children = isAll ? rule.all : rule.any;
    if (children.length === 0) return isAll ? words.everyone : words.noOne;
    if (children.length === 1) return describeRule(children[0] as Rule, locale);
    const heading = isAll ? words.all : words.any;
    return [heading, ...children.map((child) => indent(describeRule(child, locale)))].join("\n");
  }
  if ("not" in rule) return `${words.not}\n${indent(describeRule(rule.not, locale))}`;
  return describeCondition(rule, locale);
}
