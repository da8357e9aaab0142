import type { PlanKind } from "@/lib/db/generated/client";

/**
 * What a targeting rule can ask about a customer: the facts, their types, which comparisons make
 * sense for each, and the words the console's rule editor shows. The catalogue is the one place a
 * fact is declared; validation, evaluation and the editor all read it.
 */

export const TARGETING_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "between"] as const;
export type TargetingOp = (typeof TARGETING_OPS)[number];

export const AGE_BANDS = ["18-29", "30-44", "45-64", "65+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const PLAN_KINDS = ["ENERGY", "BROADBAND", "MOBILE"] as const satisfies readonly PlanKind[];

/**
 * The facts about one invoice's customer. null means "not known" (no plan, no campaign, no birth
 * year, no usage data …): a rule that depends on it evaluates to unknown and the block stays hidden.
 */
export interface TargetingFacts {
  tenureMonths: number | null;
  planCode: string | null;
  planKind: PlanKind | null;
  usageVsIncludedPercent: number | null;
  usageChangeVsLastYearPercent: number | null;
  supportContacts90d: number | null;
  overdueInvoices12m: number | null;
  isFirstInvoice: boolean | null;
  campaignEndsWithinDays: number | null;
  ageBand: AgeBand | null;
  segment: string | null;
  isBusiness: boolean | null;
  /** What is left to pay on this invoice, in whole kronor (rounded down). */
  amountDueKronor: number | null;
}

export type FactName = keyof TargetingFacts;

export type FactType =
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "string" }
  | { kind: "enum"; values: readonly string[] };

export interface Words {
  en: string;
  sv: string;
}

export interface FactDefinition {
  name: FactName;
  type: FactType;
  ops: readonly TargetingOp[];
  label: Words;
  /** The unit a number is counted in, for the editor and for describeRule; null when none. */
  unit: Words | null;
}

const NUMBER_OPS = TARGETING_OPS;
const BOOLEAN_OPS = ["eq", "neq"] as const satisfies readonly TargetingOp[];
// Ordering strings or enum values means nothing to a marketer ("plan code > EL-F"), so only
// equality and membership are offered.
const CHOICE_OPS = ["eq", "neq", "in"] as const satisfies readonly TargetingOp[];

const NUMBER = { kind: "number" } as const;
const MONTHS = { en: "months", sv: "månader" };
const PERCENT = { en: "%", sv: "%" };
const DAYS = { en: "days", sv: "dagar" };
const CONVERSATIONS = { en: "conversations", sv: "ärenden" };
const INVOICES = { en: "invoices", sv: "fakturor" };
const KRONOR = { en: "kr", sv: "kr" };

const definitions: FactDefinition[] = [
  {
    name: "tenureMonths",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: { en: "Customer for", sv: "Kund i" },
    unit: MONTHS,
  },
  {
    name: "planCode",
    type: { kind: "string" },
    ops: CHOICE_OPS,
    label: { en: "Plan code", sv: "Abonnemangskod" },
    unit: null,
  },
  {
    name: "planKind",
    type: { kind: "enum", values: PLAN_KINDS },
    ops: CHOICE_OPS,
    label: { en: "Kind of plan", sv: "Typ av abonnemang" },
    unit: null,
  },
  {
    name: "usageVsIncludedPercent",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: {
      en: "Usage this period, of what the plan includes",
      sv: "Förbrukning denna period, av det som ingår",
    },
    unit: PERCENT,
  },
  {
    name: "usageChangeVsLastYearPercent",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: {
      en: "Change in usage since the same period last year",
      sv: "Förändring i förbrukning mot samma period förra året",
    },
    unit: PERCENT,
  },
  {
    name: "supportContacts90d",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: {
      en: "Contacted support in the last 90 days",
      sv: "Kontaktat kundservice de senaste 90 dagarna",
    },
    unit: CONVERSATIONS,
  },
  {
    name: "overdueInvoices12m",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: {
      en: "Invoices overdue in the last 12 months",
      sv: "Förfallna fakturor de senaste 12 månaderna",
    },
    unit: INVOICES,
  },
  {
    name: "isFirstInvoice",
    type: { kind: "boolean" },
    ops: BOOLEAN_OPS,
    label: { en: "First invoice", sv: "Första fakturan" },
    unit: null,
  },
  {
    name: "campaignEndsWithinDays",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: { en: "Campaign price ends in", sv: "Kampanjpriset upphör om" },
    unit: DAYS,
  },
  {
    name: "ageBand",
    type: { kind: "enum", values: AGE_BANDS },
    ops: CHOICE_OPS,
    label: { en: "Age group", sv: "Åldersgrupp" },
    unit: null,
  },
  {
    name: "segment",
    type: { kind: "string" },
    ops: CHOICE_OPS,
    label: { en: "Segment", sv: "Segment" },
    unit: null,
  },
  {
    name: "isBusiness",
    type: { kind: "boolean" },
    ops: BOOLEAN_OPS,
    label: { en: "Business customer", sv: "Företagskund" },
    unit: null,
  },
  {
    name: "amountDueKronor",
    type: NUMBER,
    ops: NUMBER_OPS,
    label: { en: "Left to pay on the invoice", sv: "Kvar att betala på fakturan" },
    unit: KRONOR,
  },
];

export const TARGETING_FACTS: Readonly<Record<FactName, FactDefinition>> = Object.freeze(
  Object.fromEntries(definitions.map((definition) => [definition.name, definition])) as Record<
    FactName,
    FactDefinition
  >,
);

/** In the editor's order. */
export const TARGETING_FACT_NAMES: readonly FactName[] = definitions.map((d) => d.name);

export function isFactName(value: unknown): value is FactName {
  return typeof value === "string" && Object.hasOwn(TARGETING_FACTS, value);
}
