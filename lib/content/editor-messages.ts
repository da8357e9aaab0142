/**
 * The block editor's words (marketing console), Swedish and English. Beside the content module rather
 * than under lib/i18n/staff/: they name its placeholders and targeting operators, and i18n may not
 * depend on content (content already depends on i18n).
 */
import { PLACEHOLDER_HELP, type Placeholder } from "@/lib/content/blocks/placeholder-names";
import type { TargetingOp } from "@/lib/content/targeting/catalogue";
import type { Locale } from "@/lib/db/generated/client";

/**
 * The content block editor's words (client components and the server pages that share its kind,
 * placement and status names), Swedish first; English carries every key Swedish has.
 */

type BlockKind =
  | "OFFER"
  | "INFORMATION"
  | "CAMPAIGN_ENDING"
  | "LOYALTY"
  | "APOLOGY"
  | "SURVEY"
  | "NOTICE";
type Slot = "AFTER_SUMMARY" | "OFFERS" | "BEFORE_CHAT";
type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

const sv = {
  kinds: {
    OFFER: "Erbjudande",
    INFORMATION: "Information",
    CAMPAIGN_ENDING: "Kampanjslut",
    LOYALTY: "Lojalitet",
    APOLOGY: "Ursäkt",
    SURVEY: "Enkät",
    NOTICE: "Meddelande",
  } satisfies Record<BlockKind, string>,
  slots: {
    AFTER_SUMMARY: "Efter sammanfattningen (överst)",
    OFFERS: "Erbjudanden (efter förbrukning och värde)",
    BEFORE_CHAT: "Före chatten (nederst)",
  } satisfies Record<Slot, string>,
  statuses: {
    DRAFT: "utkast",
    PUBLISHED: "publicerad",
    ARCHIVED: "arkiverad",
  } satisfies Record<Status, string>,
  editor: {
    savedLive: "Sparat. Kunderna ser ändringen nu.",
    saved: "Sparat.",
    editForm: (name: string) => `Redigera ${name}`,
    newForm: "Nytt innehållsblock",
    kind: "Typ: ",
    notSavedFix: "Inte sparat. Rätta:",
    notSaved: "Inte sparat: ",
    hints: (count: number) =>
      `${count} ${count === 1 ? "sak" : "saker"} att rätta innan det kan sparas`,
    blockPath: "block",
    saveChanges: "Spara ändringar",
    createDraft: "Skapa utkast",
    unsaved: "Osparade ändringar",
  },
  basics: {
    name: "Internt namn",
    slot: "Placering på fakturan",
    priority: "Prioritet (0–1000, högst visas först)",
    startsAt: "Börjar (svensk tid, valfritt)",
    endsAt: "Slutar (svensk tid, valfritt)",
    frequencyCap: "Visa på högst så här många av en kunds fakturor (tomt: ingen gräns)",
  },
  settings: {
    offerLegend: "Vad erbjudandet erbjuder",
    bestPlan:
      "Det bästa abonnemanget för kunden (utifrån förbrukningen; dolt om kunden redan har det)",
    fixedPlan: "Ett bestämt abonnemang:",
    plan: "Abonnemang",
    choosePlan: "välj ett abonnemang",
    perMonth: "/mån",
    noPlans: "Katalogen har inga aktiva abonnemang.",
    scaleLegend: "Frågeskala",
    nps: "NPS: hur troligt att kunden rekommenderar oss, 0–10",
    csat: "CSAT: hur nöjd kunden är, 1–5",
  },
  targeting: {
    heading: "Vem ser det",
    description:
      "En kund ser blocket bara när regeln är sann för kunden. När ett faktum är okänt för en kund (ingen förbrukningsdata, inget födelseår …) förblir blocket dolt för kunden.",
    addCondition: "+ villkor",
    addGroup: "+ grupp",
    addNot: "+ inte",
    remove: "Ta bort",
    not: "Inte: följande är falskt",
    groupMode: "Gruppen gäller när",
    all: "Alla dessa är sanna",
    any: "Någon av dessa är sann",
    emptyAll: "Inga villkor: alla kunder väljs.",
    emptyAny: "Inga villkor: ingen kund väljs.",
    fact: "Faktum",
    comparison: "Jämförelse",
    ops: {
      eq: "är",
      neq: "är inte",
      gt: "är mer än",
      gte: "är minst",
      lt: "är mindre än",
      lte: "är högst",
      in: "är en av",
      between: "är mellan",
    } satisfies Record<TargetingOp, string>,
    valueFor: (fact: string) => `Värde för ${fact}`,
    from: ", från",
    to: ", till",
    and: "och",
    commaSeparated: (label: string) => `${label} (separera med kommatecken)`,
    listPlaceholder: "värde, värde",
    yes: "ja",
    no: "nej",
  },
  audience: {
    text: (a: {
      about: boolean;
      matching: string;
      customers: string;
      isOne: boolean;
      undecided: string | null;
      evaluated: string | null;
    }) => {
      const about = a.about ? "cirka " : "";
      const undecided = a.undecided
        ? ` För ${about}${a.undecided} till går det inte att avgöra (ett faktum regeln frågar om är okänt för dem) och de ser det inte.`
        : "";
      const sample = a.evaluated ? ` Uppskattat utifrån ${a.evaluated} slumpvis valda kunder.` : "";
      return `Regeln väljer ${about}${a.matching} av ${a.customers} ${a.isOne ? "kund" : "kunder"} med en faktura.${undecided}${sample}`;
    },
    fixRule: "Rätta regeln för att se hur många kunder den väljer.",
    failed: (message: string) => `Målgruppen kunde inte räknas: ${message}`,
    counting: "Räknar kunderna som regeln väljer …",
  },
  variants: {
    heading: "Varianter",
    add: (key: string) => `Lägg till variant ${key}`,
    variant: (key: string) => `Variant ${key}`,
    weight: "Vikt",
    share: (percent: string) => `${percent} % av kunderna`,
    remove: (key: string) => `Ta bort variant ${key}`,
    languages: { sv: "Svenska", en: "Engelska" },
    title: "Rubrik",
    body: "Text",
    cta: "Knapptext (valfritt)",
    imageUrl: "Bildadress (https, valfritt)",
    imageAlt: "Bildbeskrivning för skärmläsare",
  },
  markup: {
    heading: "Formatering",
    rows: [
      ["**fet**", "fetstil"],
      ["_betoning_", "kursiv"],
      ["[text](https://…)", "länk (endast https, http eller mailto)"],
      ["### Rubrik", "en liten rubrik, på egen rad"],
      ["- punkt", "punktlista"],
      ["1. punkt", "numrerad lista"],
      ["tom rad", "nytt stycke"],
    ] as Array<[string, string]>,
    noHtml: "Ingen HTML: allt annat visas som vanlig text.",
    placeholders: "Fylls i per kund",
    placeholderHelp: {
      firstName: "kundens förnamn",
      customerYears: "hela år som kund",
      planName: "kundens nuvarande abonnemang",
      monthlyFee: "kundens månadsavgift inkl. moms (kampanjavgiften medan kampanjen pågår)",
      campaignEndsOn: "dagen kundens kampanj slutar (endast kunder med en pågående kampanj)",
      priceAfterCampaign: "kundens månadsavgift inkl. moms efter kampanjen",
      saving:
        'endast erbjudanden: vad det erbjudna abonnemanget sparar kunden per år, "ca 1 150 kr" / "about SEK 1,150" (endast kunder som sparar pengar)',
    } as Record<Placeholder, string>,
    noValue: "En kund utan värde (ingen kampanj, ingen besparing) ser inte texten.",
  },
  status: {
    label: "Status: ",
    publish: "Publicera",
    archive: "Arkivera",
    withdraw: "Dra tillbaka",
    restore: "Återställ som utkast",
    saveFirst: "Spara ändringarna innan du publicerar.",
  },
  preview: {
    heading: "Förhandsgranska",
    showing: (name: string) =>
      `Visar ${name}s senaste faktura, med det här utkastet. Den laddas om medan du redigerar.`,
    choose: "Välj en kund för att se kundens faktura med det här blocket.",
    tooLong: "Utkastet är för långt för att förhandsgranskas; korta texterna eller spara det.",
    frame: (name: string) => `Förhandsgranskning av fakturan: vad ${name} ser`,
    assigned: "Tilldelad variant",
    variant: (key: string) => `Förhandsgranska variant ${key}`,
    picker: "Variant att förhandsgranska",
  },
  search: {
    failed: "Sökningen misslyckades",
    unreachable: "Kunde inte nå servern",
    label: "Förhandsgranska som kund (namn eller kundnummer)",
    results: "Matchande kunder",
    invoice: (number: string, date: string) => ` · faktura ${number} (${date})`,
    noInvoice: " · ingen utställd faktura",
  },
  contentSettings: {
    form: "Innehållsinställningar",
    checkNumber: "Kontrollera talet",
    saved: "Sparat.",
    max: "Högst antal marknadsblock på en faktura",
    save: "Spara",
  },
};

const en: typeof sv = {
  kinds: {
    OFFER: "Offer",
    INFORMATION: "Information",
    CAMPAIGN_ENDING: "Campaign ending",
    LOYALTY: "Loyalty",
    APOLOGY: "Apology",
    SURVEY: "Survey",
    NOTICE: "Notice",
  },
  slots: {
    AFTER_SUMMARY: "After the summary (top)",
    OFFERS: "Offers (after usage and value)",
    BEFORE_CHAT: "Before the chat (bottom)",
  },
  statuses: { DRAFT: "draft", PUBLISHED: "published", ARCHIVED: "archived" },
  editor: {
    savedLive: "Saved. Customers see the change now.",
    saved: "Saved.",
    editForm: (name: string) => `Edit ${name}`,
    newForm: "New content block",
    kind: "Kind: ",
    notSavedFix: "Not saved. Please fix:",
    notSaved: "Not saved: ",
    hints: (count: number) =>
      `${count} thing${count === 1 ? "" : "s"} to fix before it can be saved`,
    blockPath: "block",
    saveChanges: "Save changes",
    createDraft: "Create draft",
    unsaved: "Unsaved changes",
  },
  basics: {
    name: "Internal name",
    slot: "Placement on the invoice",
    priority: "Priority (0–1000, highest shown first)",
    startsAt: "Starts (Swedish time, optional)",
    endsAt: "Ends (Swedish time, optional)",
    frequencyCap: "Show on at most this many of a customer's invoices (empty: no limit)",
  },
  settings: {
    offerLegend: "What the offer offers",
    bestPlan:
      "The best plan for this customer (from their usage; hidden when they already have it)",
    fixedPlan: "A fixed plan:",
    plan: "Plan",
    choosePlan: "choose a plan",
    perMonth: "/month",
    noPlans: "The catalogue has no active plans.",
    scaleLegend: "Question scale",
    nps: "NPS: how likely to recommend us, 0–10",
    csat: "CSAT: how satisfied, 1–5",
  },
  targeting: {
    heading: "Who sees it",
    description:
      "A customer sees the block only when the rule is true for them. When a fact is unknown for a customer (no usage data, no birth year …) the block stays hidden for them.",
    addCondition: "+ condition",
    addGroup: "+ group",
    addNot: "+ not",
    remove: "Remove",
    not: "Not: the following is false",
    groupMode: "Group matches when",
    all: "All of these are true",
    any: "Any of these is true",
    emptyAll: "No conditions: every customer is selected.",
    emptyAny: "No conditions: no customer is selected.",
    fact: "Fact",
    comparison: "Comparison",
    ops: {
      eq: "is",
      neq: "is not",
      gt: "is more than",
      gte: "is at least",
      lt: "is less than",
      lte: "is at most",
      in: "is one of",
      between: "is between",
    },
    valueFor: (fact: string) => `Value for ${fact}`,
    from: ", from",
    to: ", to",
    and: "and",
    commaSeparated: (label: string) => `${label} (separate with commas)`,
    listPlaceholder: "value, value",
    yes: "yes",
    no: "no",
  },
  audience: {
    text: (a) => {
      const about = a.about ? "about " : "";
      const undecided = a.undecided
        ? ` ${about}${a.undecided} more cannot be decided (a fact the rule asks about is unknown for them) and do not see it.`
        : "";
      const sample = a.evaluated
        ? ` Estimated from ${a.evaluated} customers chosen at random.`
        : "";
      return `This rule selects ${about}${a.matching} of ${a.customers} ${a.isOne ? "customer" : "customers"} with an invoice.${undecided}${sample}`;
    },
    fixRule: "Fix the rule to see how many customers it selects.",
    failed: (message: string) => `The audience could not be counted: ${message}`,
    counting: "Counting the customers this rule selects …",
  },
  variants: {
    heading: "Variants",
    add: (key: string) => `Add variant ${key}`,
    variant: (key: string) => `Variant ${key}`,
    weight: "Weight",
    share: (percent: string) => `${percent} % of customers`,
    remove: (key: string) => `Remove variant ${key}`,
    languages: { sv: "Swedish", en: "English" },
    title: "Title",
    body: "Text",
    cta: "Button text (optional)",
    imageUrl: "Image address (https, optional)",
    imageAlt: "Image description for screen readers",
  },
  markup: {
    heading: "Formatting",
    rows: [
      ["**bold**", "bold"],
      ["_emphasis_", "emphasis"],
      ["[text](https://…)", "link (https, http or mailto only)"],
      ["### Heading", "a small heading, on its own line"],
      ["- item", "bulleted list"],
      ["1. item", "numbered list"],
      ["empty line", "new paragraph"],
    ],
    noHtml: "No HTML: anything else shows as plain text.",
    placeholders: "Filled in per customer",
    placeholderHelp: PLACEHOLDER_HELP,
    noValue: "A customer without a value (no campaign, no saving) does not see the text.",
  },
  status: {
    label: "Status: ",
    publish: "Publish",
    archive: "Archive",
    withdraw: "Withdraw",
    restore: "Restore as draft",
    saveFirst: "Save your changes before publishing.",
  },
  preview: {
    heading: "Preview",
    showing: (name: string) =>
      `Showing ${name}'s latest invoice, with this draft. It reloads as you edit.`,
    choose: "Choose a customer to see their invoice with this block.",
    tooLong: "The draft is too long to preview; shorten the texts or save it.",
    frame: (name: string) => `Invoice preview: what ${name} sees`,
    assigned: "Assigned variant",
    variant: (key: string) => `Preview variant ${key}`,
    picker: "Variant to preview",
  },
  search: {
    failed: "Search failed",
    unreachable: "Could not reach the server",
    label: "Preview as customer (name or customer number)",
    results: "Matching customers",
    invoice: (number: string, date: string) => ` · invoice ${number} (${date})`,
    noInvoice: " · no issued invoice",
  },
  contentSettings: {
    form: "Content settings",
    checkNumber: "Check the number",
    saved: "Saved.",
    max: "Most marketing blocks on one invoice",
    save: "Save",
  },
};

export const blockEditorMessages: Record<Locale, typeof sv> = { sv, en };
export type BlockEditorMessages = typeof sv;
