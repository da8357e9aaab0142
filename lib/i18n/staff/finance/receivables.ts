import type { Locale } from "@/lib/db/generated/client";

/**
 * The receivables dashboard's words (components/receivables), shown on the finance console and on
 * the marketers' "Reminders and customers" page. Swedish first; English carries every key.
 */
const sv = {
  days: (days: string) => `${days} dagar`,
  of: (part: number, whole: number) => `(${part} av ${whole})`,
  noSegment: "(inget segment)",
  months: (months: string) => `${months} mån`,
  businesses: "Företag",
  consumers: "Konsumenter",
  problem: (problem: string) =>
    `Filtren i adressen gick inte att tolka (${problem}); visar de senaste 12 månaderna.`,
  refresh: {
    notAsked: "Inte begärt",
    asking: "Begär…",
    recompute: "Räkna om nu",
    asked: "Begärt: ladda om sidan om en minut eller två för att se de nya siffrorna.",
    already: "En omräkning väntar redan.",
  },
  refreshedAt: (at: string) => `Siffror per ${at}; räknas om varje morgon.`,
  notComputed: "Inte beräknat än: den första omräkningen körs i morgon bitti, eller nu på begäran.",
  method: {
    summary: "Så räknas siffrorna",
    period:
      "Varje siffra hör till perioden då fakturan utfärdades (svenska kalenderdagar; veckor löper måndag till söndag) och till kundens segment och kundtyp som de är nu.",
    onTime:
      "Betald i tid: betald i sin helhet senast på förfallodagen, av de fakturor som är betalda eller förfallna. En faktura räknas som betald i sin helhet från första stund då betalningarna täcker det som debiterats hittills; en som krediterats helt räknas inte i någon av andelarna.",
    median:
      "Median antal dagar till betalning: från utfärdande till betald i sin helhet, över fakturorna som betalats i sin helhet.",
    dso: "DSO = utestående kundfordringar vid periodens slut ÷ fakturerat belopp under perioden × periodens dagar. Utestående är reskontrasaldot för alla filtrets fakturor vid slutet av periodens sista dag (pengar som en kund har tillgodo räknas av).",
    fees: "Avgifter och ränta: debiterat minus efterskänkt, och betalt – betalningar täcker kostnader före kapitalbeloppet, avgifter före ränta.",
    reminder: "Nådde påminnelse: en påminnelse, sista påminnelse eller överlämning skickades.",
    support:
      "Supportkontakter: kundernas egna chattmeddelanden på fakturan (inte supportens svar eller interna anteckningar).",
    churn:
      "Kundbortfall: av fakturorna vars 90 dagar har gått, andelen vars kund hade ett avtal som upphörde inom 90 dagar efter första påminnelsen – eller, för fakturor utan påminnelse, efter förfallodagen. Räknas per faktura.",
    experiments:
      "Experiment: varje steg som tagits med en variant, mätt av utfallsjobbet; en andel räknar bara utfall vars fönster har stängt, med sitt 95 %-Wilsonintervall.",
    presummed:
      "Siffrorna summeras i förväg per dag: varje morgon räknas de senaste 180 dagarnas utfärdandedagar om (betalningar, påminnelser och kundbortfall fortsätter att ändra dem), allt vid första körningen.",
  },
  lifetime: {
    empty: "Inga kunder i det här filtret än.",
    caption: (margin: number) => `Kundlivstidsvärde, uppskattat vid ${margin} % marginal`,
    segment: "Segment",
    kind: "Kundtyp",
    customers: "Kunder (lämnat)",
    perMonth: "Fakturerat per kundmånad",
    tenure: "Genomsnittlig kundtid",
    value: "Livstidsvärde (uppskattning)",
  },
  experiments: {
    steps: {
      COURTESY: "Vänlig påminnelse",
      REMINDER: "Påminnelse",
      FINAL_REMINDER: "Sista påminnelse",
      COLLECTION_HANDOVER: "Överlämning",
    },
    modes: { OFF: "experiment av", SPLIT: "fast fördelning", LEARNING: "lärande" },
    rows: {
      actions: "Tagna steg",
      paid: "Betald inom 14 dagar (95 % KI)",
      next: "Nådde nästa steg (95 % KI)",
      contacted: "Skrev till support inom 14 dagar (95 % KI)",
      contacts: "Supportkontakter per 100 steg",
      churned: "Kundbortfall inom 90 dagar (95 % KI)",
      reward: "Genomsnittlig belöning",
    },
    empty: "Inget inkassosteg med varianter togs i det här intervallet.",
    caption: (policy: string, step: number, kind: string, mode: string) =>
      `${policy}, steg ${step}: ${kind} (${mode})`,
    measure: "Mått",
    removed: " (borttagen)",
  },
  filters: {
    label: "Filter för kundfordringar",
    per: "Per",
    month: "Månad",
    week: "Vecka",
    from: "Från (utfärdad)",
    to: "Till",
    segment: "Segment",
    allSegments: "Alla segment",
    customers: "Kunder",
    all: "Konsumenter och företag",
    consumers: "Konsumenter",
    businesses: "Företag",
    margin: "Antagen marginal (%)",
    show: "Visa",
  },
  chart: {
    empty: (title: string) => `${title}: inget att visa för de här perioderna än.`,
    sameNumbers: "Tabellen nedan har samma siffror.",
    showTable: "Visa som tabell",
    period: "Period",
  },
  charts: {
    invoiced: {
      title: "Fakturerat per period",
      description: "Beloppet för fakturorna som utfärdades under varje period, i kronor.",
      name: "Fakturerat",
    },
    onTime: {
      title: "Betald i tid",
      description:
        "Av fakturorna som utfärdades under varje period och som är betalda eller förfallna, andelen som betalats i sin helhet senast på förfallodagen.",
      name: "Betald i tid",
    },
    dso: {
      title: "Kundfordringarnas genomsnittliga kredittid (DSO)",
      description:
        "Utestående kundfordringar vid slutet av varje period delat med vad som fakturerades, gånger periodens dagar.",
      name: "DSO",
      tick: (tick: number) => `${tick} d`,
    },
    support: {
      title: "Supportkontakter per 100 fakturor",
      description:
        "Kundernas egna chattmeddelanden på fakturorna som utfärdades under varje period, per 100 fakturor.",
      name: "Kontakter per 100 fakturor",
    },
    churn: {
      title: "Kundbortfall inom 90 dagar",
      description:
        "Av fakturorna som utfärdades under varje period och vars 90 dagar har gått, andelen vars kund hade ett avtal som upphörde inom 90 dagar efter första påminnelsen, och, för fakturor utan påminnelse, efter förfallodagen.",
      reminded: "Efter en påminnelse",
      unreminded: "Utan påminnelse",
    },
  },
  tables: {
    period: "Period",
    money: "Betalning per utfärdandeperiod",
    support: "Supportbelastning och kundbortfall per utfärdandeperiod",
    invoices: "Fakturor",
    invoiced: "Fakturerat",
    paidOnTime: "Betald i tid",
    medianDays: "Median dagar till betalning",
    outstanding: "Utestående vid periodens slut",
    dso: "DSO",
    reachedReminder: "Nådde påminnelse",
    reachedHandover: "Nådde överlämning",
    fees: "Avgifter debiterade / efterskänkta / betalda",
    interest: "Ränta debiterad / efterskänkt / betald",
    refunded: "Återbetalt",
    credited: "Krediterat",
    supportContacts: "Supportkontakter",
    contactsPer100: "Kontakter per 100 fakturor",
    withContact: "Fakturor med en kontakt",
    churnReminded: "Kundbortfall efter en påminnelse",
    churnUnreminded: "Kundbortfall utan påminnelse",
  },
  finance: {
    heading: "Kundfordringar",
    intro:
      "Fakturorna som utfärdades under varje period och vad som hände med dem: betalning, påminnelser, avgifter, supportbelastning och kundbortfall sida vid sida. Avgifter och ränta är netto efter efterskänkningar.",
    invoices: "Utfärdade fakturor",
    onTime: "Betald i tid",
    median: "Median dagar till betalning",
    outstanding: (date: string) => `Utestående den ${date}`,
    dso: "DSO över intervallet",
    collections: "Nådde påminnelse / överlämning",
    fees: "Avgifter debiterade / betalda",
    interest: "Ränta debiterad / betald",
    refunds: "Återbetalt / krediterat",
    support: "Supportkontakter per 100 fakturor",
    churn: "Kundbortfall efter påminnelse / utan",
    csv: "Ladda ner som CSV",
    lifetimeHeading: "Kundlivstidsvärde per segment",
    lifetimeIntro: (margin: number) =>
      `En uppskattning, inte en siffra ur bokföringen: vad en kund faktureras per månad de faktureras (senaste 12 månaderna) × en antagen marginal på ${margin} % × kundernas genomsnittliga kundtid hittills. Kundtiden räknas till slutet av det sista avtalet för kunder som lämnat och till i dag för övriga, så den är låg för unga segment.`,
    experimentsHeading: "Inkassoexperiment",
  },
  marketing: {
    intro:
      "Vad påminnelser gör med kunderna: hur ofta de skriver till support och om de stannar, för fakturorna som utfärdades under varje period, och hur varje variant av ett inkassomeddelande klarar sig.",
    invoices: "Utfärdade fakturor",
    reminded: "Nådde en påminnelse",
    support: "Supportkontakter per 100 fakturor",
    churnReminded: "Kundbortfall inom 90 dagar efter en påminnelse",
    churnUnreminded: "Kundbortfall inom 90 dagar utan",
    experimentsHeading: "Inkassoexperiment",
  },
};

const en: typeof sv = {
  days: (days: string) => `${days} days`,
  of: (part: number, whole: number) => `(${part} of ${whole})`,
  noSegment: "(no segment)",
  months: (months: string) => `${months} months`,
  businesses: "Businesses",
  consumers: "Consumers",
  problem: (problem: string) =>
    `The filters in the address were not understood (${problem}); showing the last 12 months.`,
  refresh: {
    notAsked: "Not asked",
    asking: "Asking…",
    recompute: "Recompute now",
    asked: "Asked: reload in a minute or two to see the new figures.",
    already: "A recomputation is already waiting.",
  },
  refreshedAt: (at: string) => `Figures as of ${at}; recomputed every morning.`,
  notComputed:
    "Not computed yet: the first recomputation runs tomorrow morning, or now on request.",
  method: {
    summary: "How these figures are computed",
    period:
      "Every figure belongs to the period the invoice was issued in (Swedish calendar days; weeks run Monday to Sunday) and to its customer's segment and kind as they are now.",
    onTime:
      "Paid on time: paid in full by the due date, of the invoices that are paid or past due. An invoice counts as paid in full from the first moment its payments cover what was charged so far; one credited in full is in neither share.",
    median: "Median days to pay: from issue to paid in full, over the invoices paid in full.",
    dso: "DSO = receivables outstanding at the end of the period ÷ amount invoiced in the period × days in the period. Outstanding is the ledger balance of all the filter's invoices at the end of the period's last day (money a customer is owed back counts against it).",
    fees: "Fees and interest: charged less waived, and paid — payments settle costs before the principal, fees before interest.",
    reminder: "Reached reminder: a reminder, final reminder or handover was sent.",
    support:
      "Support contacts: the customers' own chat messages on the invoice (not support's answers or internal notes).",
    churn:
      "Churn: of the invoices whose 90 days are over, the share whose customer had a contract end within 90 days after the first reminder — or, for invoices without a reminder, after the due date. Counted per invoice.",
    experiments:
      "Experiments: each step taken with a variant, measured by the outcome job; a share counts only outcomes whose window has closed, with its 95 % Wilson interval.",
    presummed:
      "The figures are pre-summed per day: every morning the last 180 days of issue days are recomputed (payments, reminders and churn keep changing them), everything on the first run.",
  },
  lifetime: {
    empty: "No customers in this filter yet.",
    caption: (margin: number) => `Customer lifetime value, estimated at a ${margin} % margin`,
    segment: "Segment",
    kind: "Kind",
    customers: "Customers (left)",
    perMonth: "Invoiced per customer-month",
    tenure: "Average tenure",
    value: "Lifetime value (estimate)",
  },
  experiments: {
    steps: {
      COURTESY: "Courtesy message",
      REMINDER: "Reminder",
      FINAL_REMINDER: "Final reminder",
      COLLECTION_HANDOVER: "Handover",
    },
    modes: { OFF: "experiment off", SPLIT: "fixed split", LEARNING: "learning" },
    rows: {
      actions: "Steps taken",
      paid: "Paid within 14 days (95 % CI)",
      next: "Reached the next step (95 % CI)",
      contacted: "Wrote to support within 14 days (95 % CI)",
      contacts: "Support contacts per 100 steps",
      churned: "Churned within 90 days (95 % CI)",
      reward: "Average reward",
    },
    empty: "No collection step with variants was taken in this range.",
    caption: (policy: string, step: number, kind: string, mode: string) =>
      `${policy}, step ${step}: ${kind} (${mode})`,
    measure: "Measure",
    removed: " (removed)",
  },
  filters: {
    label: "Receivables filters",
    per: "Per",
    month: "Month",
    week: "Week",
    from: "From (issued)",
    to: "To",
    segment: "Segment",
    allSegments: "All segments",
    customers: "Customers",
    all: "Consumers and businesses",
    consumers: "Consumers",
    businesses: "Businesses",
    margin: "Assumed margin (%)",
    show: "Show",
  },
  chart: {
    empty: (title: string) => `${title}: nothing to show for these periods yet.`,
    sameNumbers: "The table below has the same numbers.",
    showTable: "Show as a table",
    period: "Period",
  },
  charts: {
    invoiced: {
      title: "Invoiced per period",
      description: "The amount of the invoices issued in each period, in kronor.",
      name: "Invoiced",
    },
    onTime: {
      title: "Paid on time",
      description:
        "Of the invoices issued in each period that are paid or past their due date, the share paid in full by the due date.",
      name: "Paid on time",
    },
    dso: {
      title: "Days sales outstanding",
      description:
        "Receivables outstanding at the end of each period divided by what it invoiced, times its days.",
      name: "DSO",
      tick: (tick: number) => `${tick} d`,
    },
    support: {
      title: "Support contacts per 100 invoices",
      description:
        "The customers' own chat messages on the invoices issued in each period, per 100 of them.",
      name: "Contacts per 100 invoices",
    },
    churn: {
      title: "Churn within 90 days",
      description:
        "Of the invoices issued in each period whose 90 days are over, the share whose customer had a contract end within 90 days after the first reminder, and, for invoices without a reminder, after the due date.",
      reminded: "After a reminder",
      unreminded: "Without a reminder",
    },
  },
  tables: {
    period: "Period",
    money: "Payment per period of issue",
    support: "Support load and churn per period of issue",
    invoices: "Invoices",
    invoiced: "Invoiced",
    paidOnTime: "Paid on time",
    medianDays: "Median days to pay",
    outstanding: "Outstanding at end",
    dso: "DSO",
    reachedReminder: "Reached reminder",
    reachedHandover: "Reached handover",
    fees: "Fees charged / waived / paid",
    interest: "Interest charged / waived / paid",
    refunded: "Refunded",
    credited: "Credited",
    supportContacts: "Support contacts",
    contactsPer100: "Contacts per 100 invoices",
    withContact: "Invoices with a contact",
    churnReminded: "Churn after a reminder",
    churnUnreminded: "Churn without one",
  },
  finance: {
    heading: "Receivables",
    intro:
      "The invoices issued in each period and what became of them: payment, reminders, fees, support load and churn side by side. Fees and interest are net of waivers.",
    invoices: "Invoices issued",
    onTime: "Paid on time",
    median: "Median days to pay",
    outstanding: (date: string) => `Outstanding on ${date}`,
    dso: "DSO over the range",
    collections: "Reached reminder / handover",
    fees: "Fees charged / paid",
    interest: "Interest charged / paid",
    refunds: "Refunded / credited",
    support: "Support contacts per 100 invoices",
    churn: "Churn after a reminder / without",
    csv: "Download as CSV",
    lifetimeHeading: "Customer lifetime value per segment",
    lifetimeIntro: (margin: number) =>
      `An estimate, not a figure from the books: what a customer is invoiced per month they are billed (last 12 months) × an assumed margin of ${margin} % × the customers' average tenure so far. Tenure runs to the end of the last contract for customers who left and to today for the rest, so it is low for young segments.`,
    experimentsHeading: "Collection experiments",
  },
  marketing: {
    intro:
      "What reminders do to customers: how often they write to support and whether they stay, for the invoices issued in each period, and how each variant of a collection message fares.",
    invoices: "Invoices issued",
    reminded: "Reached a reminder",
    support: "Support contacts per 100 invoices",
    churnReminded: "Churn within 90 days after a reminder",
    churnUnreminded: "Churn within 90 days without one",
    experimentsHeading: "Collection experiments",
  },
};

export const receivablesMessages: Record<Locale, typeof sv> = { sv, en };
export type ReceivablesMessages = typeof sv;
