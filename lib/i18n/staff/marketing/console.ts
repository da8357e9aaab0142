import type { Locale } from "@/lib/db/generated/client";

/**
 * The marketing console's server-rendered words: the pages, the blocks table, analytics and the
 * staff notes around a content preview (the previewed page itself is in the customer's language).
 * Swedish first; English carries every key Swedish has.
 */
const sv = {
  titles: {
    marketing: "Marknad",
    newBlock: "Nytt innehållsblock",
    block: "Innehållsblock",
    analytics: "Innehållsanalys",
    preview: "Förhandsgranskning av innehåll",
    receivables: "Påminnelser och kunder",
  },
  crumbs: { marketing: "Marknad", analytics: "Analys", editBlock: "Redigera block" },
  home: {
    heading: "Marknad",
    intro: (organization: string) =>
      `Innehållsblock på ${organization}s fakturasidor: vem som ser vad, och hur det gick.`,
    receivables: "Påminnelser och kunder",
    receivablesAfter:
      ": supportbelastning, kundbortfall efter påminnelser och indrivningsexperimenten.",
    newNav: "Nytt innehållsblock",
    newLabel: "Nytt:",
    blocks: "Innehållsblock",
    settings: "Inställningar",
    settingsHelp:
      "Blocken fyller sidans platser efter prioritet tills så här många visas; juridiska uppgifter och betalningsuppgifter är aldrig block och visas alltid.",
  },
  newBlock: (kind: string) => `Nytt block: ${kind.toLowerCase()}`,
  ruleProblem: "⚠ regeln kunde inte utvärderas för vissa kunder: ",
  table: {
    empty: "Inga innehållsblock än. Skapa ett ovan.",
    name: "Namn",
    kind: "Typ",
    status: "Status",
    placement: "Placering",
    priority: "Prioritet",
    dates: "Datum (svensk tid)",
    variants: "Varianter: vikt · visningar · accepterade",
    links: "Länkar",
    edit: "Redigera",
    analytics: "Analys",
  },
  analytics: {
    heading: (name: string) => `Analys: ${name}`,
    about: (kind: string, status: string) =>
      `${kind} · ${status}. Utfallen räknas bland fakturorna som visade varje variant; kunderna får en variant slumpvis, så varianterna kan jämföras med varandra.`,
    csv: "Ladda ner som CSV",
    overTime: "Över tid",
    noImpressions: "Inga visningar än.",
    chartTitle: "Visningar och accepterade per dag",
    chartDescription:
      "Heldragna linjer: fakturor som visar varje variant per dag. Streckade linjer: accepterade erbjudanden per dag. Tabellen nedan har samma siffror.",
    variant: (key: string) => `Variant ${key}`,
    legend: "heldragen: visningar · streckad: accepterade",
    showTable: "Visa som tabell",
    dailyCaption: "Visningar och accepterade per dag och variant",
    day: "Dag",
    dailyColumn: (key: string) => `${key}: visningar / accepterade`,
    resultsCaption: "Resultat per variant",
    measure: "Mått",
    rows: {
      weight: "Vikt",
      impressions: "Visningar (fakturor)",
      clicks: "Klick",
      clickRate: "Klickfrekvens (95 % KI)",
      accepts: "Accepterade",
      acceptRate: "Acceptansgrad (95 % KI)",
      surveyAnswers: "Enkätsvar",
      meanAnswer: (scale: string) => `Medelsvar (${scale})`,
      nps: "NPS (promotorer − kritiker)",
      paidOnTime: "Betalda i tid (av förfallna eller betalda fakturor)",
      ofTotal: (part: number, whole: number) => `${part} av ${whole}`,
      meanDays: "Medelantal dagar från utställande till full betalning",
      customers: "Kunder",
      wroteToSupport: "Skrev till support inom 30 dagar",
      changedPlan: "Bytte abonnemang efteråt (oavsett erbjudande)",
    },
  },
  preview: {
    previewFor: (p: {
      customer: string;
      customerNumber: string;
      invoice: string | number | null;
      inSwedish: boolean;
    }) =>
      `Förhandsgranskning för ${p.customer} (${p.customerNumber}), faktura ${p.invoice ?? "utkast"}, på ${p.inSwedish ? "svenska" : "engelska"}. Inget här registreras.`,
    addressIssues: "En del av förhandsgranskningens adress förstods inte och utelämnas:",
    noSuchBlock: "inget sådant block: utkastet visas som ett nytt block",
    showingVariant: (key: string) => `Visar variant ${key}`,
    chosenVariant: (customer: string, assigned: string | null) =>
      ` (vald för den här förhandsgranskningen; ${customer} har tilldelats ${assigned ?? "ingen"})`,
    assignedVariant: (customer: string) => ` (den som ${customer} har tilldelats)`,
    missingVariant: (key: string, block: string | null) =>
      `Variant ${key} ${block === null ? "av det här blocket" : `av block ${block}`} visas inte: blocket finns inte på den här fakturan, eller så har det ingen variant ${key}.`,
    draftInvalid: "Utkastet kan inte visas än:",
  },
  cost: {
    currentPlan: "kundens nuvarande abonnemang",
    alreadyHas: (customer: string, plan: string) =>
      `${customer} har redan ${plan}: erbjudandet visas inte för kunden.`,
    period: (months: number | null) =>
      months === 1 ? "den senaste månaden" : `de senaste ${months} månaderna`,
    dearer: (p: {
      plan: string;
      customer: string;
      current: string;
      amount: string;
      period: string;
    }) =>
      `⚠ ${p.plan} är dyrare för ${p.customer} än ${p.current}: cirka ${p.amount} mer per år inkl. moms, på kundens förbrukning under ${p.period}. Erbjudandet säger det till kunden; en erbjudandetext med {{saving}} visas inte för kunden.`,
    saves: (p: {
      plan: string;
      customer: string;
      current: string;
      amount: string;
      period: string;
    }) =>
      `${p.plan} skulle spara ${p.customer} cirka ${p.amount} per år inkl. moms jämfört med ${p.current}, på kundens förbrukning under ${p.period}.`,
    higherFee: (p: {
      plan: string;
      customer: string;
      current: string;
      fee: string;
      currentFee: string;
    }) =>
      `⚠ ${p.plan} har en högre månadsavgift än ${p.current} (${p.fee} mot ${p.currentFee} inkl. moms). ${p.customer}s förbrukning är okänd, så årskostnaden kan inte jämföras.`,
  },
  verdict: {
    label: "Målgrupp för den här kunden",
    truth: { true: "väljer", false: "väljer inte", unknown: "kan inte avgöra för" },
    rule: (truth: string, customer: string) => `Regeln ${truth} ${customer}.`,
    shown: "Blocket finns på fakturan nedan.",
    notShown: "Blocket finns inte på fakturan nedan.",
    selectedNotShown:
      "Vald, men visas inte: block med högre prioritet kan fylla organisationens gräns per faktura, erbjudandet kanske inte gäller (kunden har redan abonnemanget, det finns inget bättre abonnemang, eller abonnemanget är inaktivt), ett annat erbjudande sparar kunden mer (en faktura visar ett abonnemangserbjudande), texten utlovar en {{saving}} som kunden inte får, eller ingen variant har en vikt över 0.",
    outsideDates:
      "Obs: blockets datum omfattar inte nu, så kunderna skulle inte se det än (eller inte längre).",
    ruleHeading: "Regeln",
    unknown: (facts: string) =>
      `Okänt för den här kunden (blocket förblir dolt när regeln beror på dem): ${facts}.`,
    facts: (customer: string) => `${customer}s fakta`,
    unknownValue: "okänt",
    yes: "ja",
    no: "nej",
  },
};

type Costs = { plan: string; customer: string; current: string; amount: string; period: string };

const en: typeof sv = {
  titles: {
    marketing: "Marketing",
    newBlock: "New content block",
    block: "Content block",
    analytics: "Content analytics",
    preview: "Content preview",
    receivables: "Reminders and customers",
  },
  crumbs: { marketing: "Marketing", analytics: "Analytics", editBlock: "Edit block" },
  home: {
    heading: "Marketing",
    intro: (organization: string) =>
      `Content blocks on ${organization}'s invoice pages: who sees what, and how it went.`,
    receivables: "Reminders and customers",
    receivablesAfter: ": support load, churn after reminders and the collection experiments.",
    newNav: "New content block",
    newLabel: "New:",
    blocks: "Content blocks",
    settings: "Settings",
    settingsHelp:
      "Blocks fill the page's slots by priority until this many are shown; legal and payment details are never blocks and always shown.",
  },
  newBlock: (kind: string) => `New ${kind.toLowerCase()} block`,
  ruleProblem: "⚠ rule could not be evaluated for some customers: ",
  table: {
    empty: "No content blocks yet. Create one above.",
    name: "Name",
    kind: "Kind",
    status: "Status",
    placement: "Placement",
    priority: "Priority",
    dates: "Dates (Swedish time)",
    variants: "Variants: weight · impressions · accepts",
    links: "Links",
    edit: "Edit",
    analytics: "Analytics",
  },
  analytics: {
    heading: (name: string) => `Analytics: ${name}`,
    about: (kind: string, status: string) =>
      `${kind} · ${status}. Outcomes are counted among the invoices that showed each variant; customers get a variant at random, so the variants can be compared with each other.`,
    csv: "Download as CSV",
    overTime: "Over time",
    noImpressions: "No impressions yet.",
    chartTitle: "Impressions and accepts per day",
    chartDescription:
      "Solid lines: invoices showing each variant per day. Dashed lines: offers accepted per day. The table below has the same numbers.",
    variant: (key: string) => `Variant ${key}`,
    legend: "solid: impressions · dashed: accepts",
    showTable: "Show as a table",
    dailyCaption: "Impressions and accepts per day and variant",
    day: "Day",
    dailyColumn: (key: string) => `${key}: impressions / accepts`,
    resultsCaption: "Results per variant",
    measure: "Measure",
    rows: {
      weight: "Weight",
      impressions: "Impressions (invoices)",
      clicks: "Clicks",
      clickRate: "Click rate (95 % CI)",
      accepts: "Accepts",
      acceptRate: "Accept rate (95 % CI)",
      surveyAnswers: "Survey answers",
      meanAnswer: (scale: string) => `Mean answer (${scale})`,
      nps: "NPS (promoters − detractors)",
      paidOnTime: "Paid on time (of invoices due or paid)",
      ofTotal: (part: number, whole: number) => `${part} of ${whole}`,
      meanDays: "Mean days from issue to full payment",
      customers: "Customers",
      wroteToSupport: "Wrote to support within 30 days",
      changedPlan: "Changed plan afterwards (any offer)",
    },
  },
  preview: {
    previewFor: (p) =>
      `Preview for ${p.customer} (${p.customerNumber}), invoice ${p.invoice ?? "draft"}, in ${p.inSwedish ? "Swedish" : "English"}. Nothing here is recorded.`,
    addressIssues: "Part of this preview's address was not understood and is left out:",
    noSuchBlock: "no such block: the draft is shown as a new block",
    showingVariant: (key: string) => `Showing variant ${key}`,
    chosenVariant: (customer: string, assigned: string | null) =>
      ` (chosen for this preview; ${customer} is assigned ${assigned ?? "none"})`,
    assignedVariant: (customer: string) => ` (the one ${customer} is assigned)`,
    missingVariant: (key: string, block: string | null) =>
      `Variant ${key} ${block === null ? "of this block" : `of block ${block}`} is not shown: the block is not on this invoice, or it has no variant ${key}.`,
    draftInvalid: "The draft cannot be shown yet:",
  },
  cost: {
    currentPlan: "their current plan",
    alreadyHas: (customer: string, plan: string) =>
      `${customer} already has ${plan}: the offer is not shown to them.`,
    period: (months: number | null) =>
      months === 1 ? "the last month" : `the last ${months} months`,
    dearer: (p: Costs) =>
      `⚠ ${p.plan} is more expensive for ${p.customer} than ${p.current}: about ${p.amount} more a year incl. VAT, on their usage over ${p.period}. The offer tells the customer so; an offer text with {{saving}} is not shown to them.`,
    saves: (p: Costs) =>
      `${p.plan} would save ${p.customer} about ${p.amount} a year incl. VAT compared with ${p.current}, on their usage over ${p.period}.`,
    higherFee: (p) =>
      `⚠ ${p.plan} has a higher monthly fee than ${p.current} (${p.fee} against ${p.currentFee} incl. VAT). ${p.customer}'s usage is not known, so the yearly cost cannot be compared.`,
  },
  verdict: {
    label: "Targeting for this customer",
    truth: { true: "selects", false: "does not select", unknown: "cannot decide for" },
    rule: (truth: string, customer: string) => `The rule ${truth} ${customer}.`,
    shown: "The block is on the invoice below.",
    notShown: "The block is not on the invoice below.",
    selectedNotShown:
      "Selected, yet not shown: higher-priority blocks may fill the organisation's limit per invoice, the offer may not apply (the customer already has the plan, no better plan, or the plan is inactive), another offer saves this customer more (an invoice shows one plan offer), the text promises a {{saving}} this customer does not get, or no variant has a weight above 0.",
    outsideDates:
      "Note: the block's dates do not include now, so customers would not see it yet (or any more).",
    ruleHeading: "The rule",
    unknown: (facts: string) =>
      `Unknown for this customer (the block stays hidden when the rule depends on them): ${facts}.`,
    facts: (customer: string) => `${customer}'s facts`,
    unknownValue: "unknown",
    yes: "yes",
    no: "no",
  },
};

export const marketingMessages: Record<Locale, typeof sv> = { sv, en };
export type MarketingMessages = typeof sv;
