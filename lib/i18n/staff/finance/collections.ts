import type { Locale } from "@/lib/db/generated/client";

/**
 * The collections console's words (app/(staff)/finance/collections, components/finance/collections).
 * Swedish first; English carries every key.
 */
const sv = {
  nav: {
    finance: "Ekonomi",
    collections: "Inkasso",
    label: "Inkasso",
    links: {
      "/finance/collections": "Policyer",
      "/finance/collections/forecast": "Prognos",
      "/finance/collections/decisions": "Experiment",
      "/finance/collections/letters": "Brev att skriva ut",
      "/finance/collections/handovers": "Överlämningar",
      "/finance/collections/reference-rates": "Referensräntor",
    },
  },
  index: {
    title: "Inkasso",
    heading: "Inkasso och påminnelser",
    intro: (organization: string) =>
      `Så följer ${organization} upp obetalda fakturor. Varje obetald faktura hamnar under den första policyn nedan vars regel stämmer för den, annars under standardpolicyn; när ett steg har tagits stannar fakturan på sin policy. Den dagliga körningen tar varje steg en gång, på en bankdag, med bara de avgifter och den ränta som lagen och kundens avtal tillåter.`,
    newPolicy: "Ny policy",
    policies: "Policyer",
    edit: "Redigera",
    delete: "Ta bort",
    default: "standard",
    editPolicy: (name: string) => `Redigera ${name}`,
    deletePolicy: (name: string) => `Ta bort ${name}`,
    deleteQuestion: (name: string) =>
      `Ta bort policyn ${name}? Dess fakturor hamnar under nästa policy som matchar dem.`,
    deleteConfirm: "Ta bort policyn",
    experiments: "Experiment",
  },
  letters: {
    title: "Brev att skriva ut",
  },
  handovers: {
    title: "Överlämningar",
  },
  referenceRates: {
    title: "Referensräntor",
    heading: "Referensräntor (referensränta)",
  },
  forecast: {
    title: "Inkassoprognos",
    heading: "Prognos",
  },
  decisions: {
    title: "Inkassoexperiment",
    heading: "Experiment",
  },
  policy: {
    newTitle: "Ny inkassopolicy",
    title: "Inkassopolicy",
    newIntro:
      "En ny policy prövas efter de befintliga och före standardpolicyn; flytta den i listan efteråt.",
    default: "(standard)",
  },
  markPrinted: { notMarked: "Inte markerad", marking: "Markerar…" },
  order: {
    notMoved: "Inte flyttad",
    up: (name: string) => `Flytta ${name} uppåt`,
    down: (name: string) => `Flytta ${name} nedåt`,
  },
};

const en: typeof sv = {
  nav: {
    finance: "Finance",
    collections: "Collections",
    label: "Collections",
    links: {
      "/finance/collections": "Policies",
      "/finance/collections/forecast": "Forecast",
      "/finance/collections/decisions": "Experiments",
      "/finance/collections/letters": "Letters to print",
      "/finance/collections/handovers": "Handovers",
      "/finance/collections/reference-rates": "Reference rates",
    },
  },
  index: {
    title: "Collections",
    heading: "Collections (inkasso)",
    intro: (organization: string) =>
      `How ${organization} follows up unpaid invoices. Each unpaid invoice falls under the first policy below whose rule is true for it, else under the default; once a step is taken the invoice stays on its policy. The daily run takes each step once, on a banking day, with only the fees and interest the law and the customer's agreement allow.`,
    newPolicy: "New policy",
    policies: "Policies",
    edit: "Edit",
    delete: "Delete",
    default: "default",
    editPolicy: (name: string) => `Edit ${name}`,
    deletePolicy: (name: string) => `Delete ${name}`,
    deleteQuestion: (name: string) =>
      `Delete the policy ${name}? Its invoices fall under the next policy that matches them.`,
    deleteConfirm: "Delete policy",
    experiments: "Experiments",
  },
  letters: {
    title: "Letters to print",
  },
  handovers: {
    title: "Handovers",
  },
  referenceRates: {
    title: "Reference rates",
    heading: "Reference rates (referensränta)",
  },
  forecast: {
    title: "Collections forecast",
    heading: "Forecast",
  },
  decisions: {
    title: "Collection experiments",
    heading: "Experiments",
  },
  policy: {
    newTitle: "New collection policy",
    title: "Collection policy",
    newIntro:
      "A new policy is tried after the existing ones and before the default; move it in the list afterwards.",
    default: "(default)",
  },
  markPrinted: { notMarked: "Not marked", marking: "Marking…" },
  order: {
    notMoved: "Not moved",
    up: (name: string) => `Move ${name} up`,
    down: (name: string) => `Move ${name} down`,
  },
};

export const collectionsMessages: Record<Locale, typeof sv> = { sv, en };
export type CollectionsMessages = typeof sv;
