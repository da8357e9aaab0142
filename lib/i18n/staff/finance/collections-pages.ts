import type { Locale } from "@/lib/db/generated/client";

/**
 * The collections console's page bodies and tables (app/(staff)/finance/collections/**): the
 * policy list, letters, handovers, reference rates, forecast and experiments. Swedish first;
 * English carries every key.
 */
const sv = {
  actions: "Åtgärder",
  show: "Visa",
  index: {
    rateMissing: (halfYear: string, latest: { validFrom: string; rate: string } | null) =>
      `⚠ Det finns ingen referensränta för halvåret från ${halfYear}. Ingen ränta tas ut för dess dagar förrän den har lagts till (räntelagen 9 §: varje halvår har sin egen ränta; den senast sparade ${latest ? `är från ${latest.validFrom}, ${latest.rate}` : "finns inte"}).`,
    referenceRates: "Referensräntor",
    lettersWaiting: (count: number) =>
      count === 1 ? "1 brev väntar på att skrivas ut" : `${count} brev väntar på att skrivas ut`,
    caption: "Inkassopolicyer, i den ordning de prövas",
    policy: "Policy",
    appliesTo: "Gäller",
    steps: "Steg",
    stepsTaken: "Tagna steg",
    footnote:
      "Standardpolicyn tar det som ingen annan policy tar och kan inte tas bort; en policy som ett steg har tagits under kan ändras, inte tas bort.",
    experimentsIntro:
      "Ett steg kan pröva varianter (tidpunkt, kanal, ton, avgift och texter, inom lagens ramar): med fasta andelar, eller med en lärande modell som per kundgrupp hittar det som fungerar bäst.",
    decisionsLink: "Hur varianterna väljs, och den lärandes beslut",
    noExperiment: "Inget steg har ett experiment i spel.",
  },
  letters: {
    intro:
      "Steg som skickas med brev tas fram som PDF:er för fönsterkuvert (C5/C4). Skriv ut dem, posta dem och markera dem sedan som utskrivna: fakturans tidslinje visar vem som gjorde det. Ett brev kan fortfarande laddas ner efter att det har markerats.",
    none: "Inga brev väntar på att skrivas ut.",
    download: (count: number) =>
      count === 1 ? "Ladda ner brevet som en PDF" : `Ladda ner dessa ${count} brev som en PDF`,
    markAll: (count: number) =>
      count === 1 ? "Markera det som utskrivet" : `Markera alla ${count} som utskrivna`,
    batch: (total: number, batch: number) =>
      `${total} brev väntar; detta är de ${batch} äldsta. Nästa visas när dessa har markerats som utskrivna.`,
    caption: "Brev som väntar på utskrift, de äldsta först",
    invoice: "Faktura",
    customer: "Kund",
    step: "Steg",
    taken: "Taget",
    payBy: "Betala senast",
    amount: "Belopp",
    pdfOf: (invoice: number | null) => `PDF av brevet för faktura ${invoice}`,
    printed: "Utskrivet",
    markPrinted: (invoice: number | null) => `Markera brevet för faktura ${invoice} som utskrivet`,
  },
  handovers: {
    intro:
      "Fordringar som har lämnats över till inkassobolaget, med det bolaget behöver för att gå vidare utan att fråga: gäldenären, fordran, vad varje steg lade till och vad som skickades tidigare.",
    from: "Överlämnade från",
    to: "till (och med)",
    downloadCsv: "Ladda ner CSV",
    downloadJson: "Ladda ner JSON",
    showingAll: "Visar alla överlämningar.",
    summary: (count: number, owed: string, shown: number | null) =>
      `${count === 1 ? "1 fordran" : `${count} fordringar`} · skuld ${owed}${shown === null ? "" : ` · de senaste ${shown} visas; filerna innehåller alla`}`,
    caption: "Överlämnade fordringar, de senaste först",
    handedOver: "Överlämnad",
    invoice: "Faktura",
    debtor: "Gäldenär",
    claim: "Fordran",
    fees: "Avgifter",
    interest: "Ränta",
    paid: "Betalt",
    owed: "Skuld",
    none: (filtered: boolean) =>
      `Ingen fordran lämnades över${filtered ? " under dessa dagar" : ""}.`,
    business: " · företag",
  },
  referenceRates: {
    intro:
      "Dröjsmålsränta (räntelagen 6 §) är Riksbankens referensränta för kalenderhalvåret plus 8 procentenheter. Riksbanken fastställer räntan för varje halvår från 1 januari och 1 juli.",
    migrationNote:
      "Räntorna fram till halvåret från 2026-07-01 följde med programvaran (dess migrering). Värdena efter 2024-01-01 behöver kontrolleras mot riksbank.se; rätta här de som skiljer sig.",
    missing: (halfYear: string) =>
      `⚠ Halvåret från ${halfYear} har ingen ränta än: ingen ränta tas ut för dess dagar förrän den har lagts till.`,
    readOnly: "Bara en administratör lägger till eller rättar en ränta.",
    caption: "Referensräntor per halvår, de senaste först",
    halfYear: "Halvår",
    rate: "Referensränta",
    lateInterest: "Dröjsmålsränta",
    lastChanged: "Senast ändrad",
    now: "nu",
    halfYearText: (first: boolean, year: string) =>
      first ? `1 jan – 30 jun ${year}` : `1 jul – 31 dec ${year}`,
  },
  forecast: {
    fromInPast:
      "från ska vara i dag eller senare: det som redan har hänt står på varje fakturas tidslinje",
    intro: (from: string, days: number) =>
      `Vad de dagliga körningarna gör från ${from} i ${days} dagar om ingen betalning, tvist eller betalningsplan ändrar något. Inget här skickas eller tas ut.`,
    from: "Från",
    days: "Dagar (1–90)",
    problem: (problem: string, days: number) =>
      `${problem}. Visar i stället de kommande ${days} dagarna från i dag.`,
    perDay: "Per dag och steg",
    summary: (invoices: number, steps: number, fees: string, interest: string, paused: number) =>
      `${invoices} fakturor · ${steps} steg · avgifter ${fees} · ränta ${interest}${paused > 0 ? ` · ${paused} hålls av ett uppehåll` : ""}`,
    totalsCaption: "Steg per dag, stegtyp, policy och variant",
    day: "Dag",
    step: "Steg",
    policy: "Policy",
    variant: "Variant",
    invoices: "Fakturor",
    fees: "Avgifter",
    interest: "Ränta",
    noStep: "Inget steg infaller under dessa dagar.",
    byInvoice: "Faktura för faktura",
    invoicesCaption: "Varje fakturas steg under dessa dagar",
    invoice: "Faktura",
    due: "Förfaller",
    owed: "Skuld",
    steps: "Steg",
    noInvoice: "Ingen faktura har ett steg under dessa dagar.",
    paused: "Uppehåll",
    stepVariant: (key: string) => ` · variant ${key}`,
    pages: "Sidor",
    firstPage: "Första sidan",
    next: (limit: number) => `Nästa ${limit} fakturor`,
  },
  decisions: {
    modes: { SPLIT: "Delning (fasta andelar)", LEARNING: "Lärande" },
    stepTitle: (policy: string, number: number, kind: string) =>
      `${policy} · steg ${number}: ${kind}`,
    stepRest: (number: number, kind: string) => ` · steg ${number}: ${kind}`,
    intro:
      "Steg som prövar varianter. En delning ger varje kund samma variant enligt fasta andelar; ett lärande steg väljer per kundgrupp (band) den variant som har fungerat bäst för målet som satts på policysidan, och prövar ändå varje variant i spel åtminstone lite. Hur som helst avgör lagen varje avgift och datum.",
    caption: "Steg med ett experiment i spel",
    step: "Steg",
    mode: "Läge",
    variants: "Varianter",
    details: "Detaljer",
    none: "Inget steg har ett experiment i spel. Ge ett steg varianter i dess policys redigerare.",
    notInPlay: " (inte i spel)",
    decisionsOf: (title: string) => `Beslut för ${title}`,
    decisions: "Beslut",
    allocation: (days: number, since: string) =>
      `Fördelning, de senaste ${days} dagarna (från ${since})`,
    allocationCaption: "Andel av stegets fakturor per variant",
    variant: "Variant",
    shareSet: "Satt andel",
    inPlay: "I spel",
    invoices: "Fakturor",
    share: "Andel",
    removed: "(borttagen)",
    yes: "ja",
    no: "nej",
    withoutVariant: (count: number) => `Och ${count} tagna som skrivna medan experimentet var av.`,
    weekly: (weeks: number) => `Fördelning vecka för vecka, de senaste ${weeks} veckorna`,
    weeklyCaption:
      "Andel av stegets fakturor per variant och vecka; stapeln visar andelarna, tabellen antalen",
    week: "Vecka från",
    weekTotal: "Fakturor",
    weekEmpty: "–",
    beliefs: "Vad den lärande tror, per kundband",
    beliefsIntro: (floor: string) =>
      `Per band och variant: antalet räknade utfall, deras genomsnittliga belöning (0–1) och det medelvärde den lärande drar kring (bandets utfall vägt mot vad alla band tillsammans visade). ${floor} av valen görs slumpmässigt, så att varje variant i spel fortsätter att prövas.`,
    nothingLearned:
      "Inget inlärt än: inget utfall har mätts. Till dess är varje variant lika trolig.",
    beliefsCaption: "Den lärandes uppfattning per band och variant",
    band: "Band",
    beliefHeader: (key: string) => `${key}: medel (utfall) · uppfattning`,
    recent: "Senaste besluten",
    recentCaption: "Stegets senaste fakturor och den variant var och en fick",
    day: "Dag",
    invoice: "Faktura",
    how: "Hur",
    meansThen: "Medelvärden då",
    notTaken: "Steget har inte tagits än.",
    asWritten: "som skrivet",
    split: "delning (fast andel)",
    explored: "utforskat (valt slumpmässigt)",
    best: "den lärandes bästa dragning",
  },
};

const en: typeof sv = {
  actions: "Actions",
  show: "Show",
  index: {
    rateMissing: (halfYear: string, latest: { validFrom: string; rate: string } | null) =>
      `⚠ No reference rate is on record for the half-year from ${halfYear}. No interest is charged for its days until it is added (räntelagen 9 §: each half-year has its own rate; the last one kept${latest ? ` is from ${latest.validFrom}, ${latest.rate}` : " is none"}).`,
    referenceRates: "Reference rates",
    lettersWaiting: (count: number) =>
      count === 1 ? "1 letter waits to be printed" : `${count} letters wait to be printed`,
    caption: "Collection policies, in the order they are tried",
    policy: "Policy",
    appliesTo: "Applies to",
    steps: "Steps",
    stepsTaken: "Steps taken",
    footnote:
      "The default policy takes what no other policy takes and cannot be deleted; a policy a step was taken under can be changed, not deleted.",
    experimentsIntro:
      "A step can try variants (its timing, channel, tone, fee and texts, within the law): by fixed shares, or with a learner that finds per customer group what works best.",
    decisionsLink: "How the variants are chosen, and the learner's decisions",
    noExperiment: "No step has an experiment in play.",
  },
  letters: {
    intro:
      "Steps sent by letter are drawn as PDFs for a window envelope (C5/C4). Print them, post them, then mark them printed: the invoice's timeline notes who did. A letter stays downloadable after it is marked.",
    none: "No letters wait to be printed.",
    download: (count: number) =>
      `Download ${count === 1 ? "the letter" : `these ${count} letters`} as one PDF`,
    markAll: (count: number) => (count === 1 ? "Mark it printed" : `Mark all ${count} printed`),
    batch: (total: number, batch: number) =>
      `${total} letters wait; these are the ${batch} oldest. The next ones show once these are marked printed.`,
    caption: "Letters waiting to be printed, the oldest first",
    invoice: "Invoice",
    customer: "Customer",
    step: "Step",
    taken: "Taken",
    payBy: "Pay by",
    amount: "Amount",
    pdfOf: (invoice: number | null) => `PDF of the letter for invoice ${invoice}`,
    printed: "Printed",
    markPrinted: (invoice: number | null) => `Mark the letter for invoice ${invoice} printed`,
  },
  handovers: {
    intro:
      "Claims handed over to the collection agency, with what the agency needs to go on without asking: the debtor, the claim, what each step added and what was sent before.",
    from: "Handed over from",
    to: "to (inclusive)",
    downloadCsv: "Download CSV",
    downloadJson: "Download JSON",
    showingAll: "Showing every handover.",
    summary: (count: number, owed: string, shown: number | null) =>
      `${count === 1 ? "1 claim" : `${count} claims`} · owed ${owed}${shown === null ? "" : ` · the latest ${shown} shown; the files hold them all`}`,
    caption: "Claims handed over, the latest first",
    handedOver: "Handed over",
    invoice: "Invoice",
    debtor: "Debtor",
    claim: "Claim",
    fees: "Fees",
    interest: "Interest",
    paid: "Paid",
    owed: "Owed",
    none: (filtered: boolean) => `No claim was handed over${filtered ? " in these days" : ""}.`,
    business: " · business",
  },
  referenceRates: {
    intro:
      "Late-payment interest (dröjsmålsränta, räntelagen 6 §) is the Riksbank's reference rate for the calendar half-year plus 8 percentage points. The Riksbank sets the rate for each half-year from 1 January and 1 July.",
    migrationNote:
      "The rates up to the half-year from 2026-07-01 came with the software (its migration). The values after 2024-01-01 need checking against riksbank.se; correct any that differ here.",
    missing: (halfYear: string) =>
      `⚠ The half-year from ${halfYear} has no rate yet: no interest is charged for its days until it is added.`,
    readOnly: "Only an administrator adds or corrects a rate.",
    caption: "Reference rates per half-year, the newest first",
    halfYear: "Half-year",
    rate: "Reference rate",
    lateInterest: "Late-payment interest",
    lastChanged: "Last changed",
    now: "now",
    halfYearText: (first: boolean, year: string) =>
      first ? `1 Jan – 30 Jun ${year}` : `1 Jul – 31 Dec ${year}`,
  },
  forecast: {
    fromInPast: "from is today or later: what already happened is on each invoice's timeline",
    intro: (from: string, days: number) =>
      `What the daily runs will do from ${from} for ${days} days if no payment, dispute or payment plan changes anything. Nothing here is sent or charged.`,
    from: "From",
    days: "Days (1–90)",
    problem: (problem: string, days: number) =>
      `${problem}. Showing the next ${days} days from today instead.`,
    perDay: "Per day and step",
    summary: (invoices: number, steps: number, fees: string, interest: string, paused: number) =>
      `${invoices} invoices · ${steps} steps · fees ${fees} · interest ${interest}${paused > 0 ? ` · ${paused} held by a pause` : ""}`,
    totalsCaption: "Steps per day, step kind, policy and variant",
    day: "Day",
    step: "Step",
    policy: "Policy",
    variant: "Variant",
    invoices: "Invoices",
    fees: "Fees",
    interest: "Interest",
    noStep: "No step falls in these days.",
    byInvoice: "Invoice by invoice",
    invoicesCaption: "Each invoice's steps in these days",
    invoice: "Invoice",
    due: "Due",
    owed: "Owed",
    steps: "Steps",
    noInvoice: "No invoice has a step in these days.",
    paused: "Paused",
    stepVariant: (key: string) => ` · variant ${key}`,
    pages: "Pages",
    firstPage: "First page",
    next: (limit: number) => `Next ${limit} invoices`,
  },
  decisions: {
    modes: { SPLIT: "Split (fixed shares)", LEARNING: "Learning" },
    stepTitle: (policy: string, number: number, kind: string) =>
      `${policy} · step ${number}: ${kind}`,
    stepRest: (number: number, kind: string) => ` · step ${number}: ${kind}`,
    intro:
      "Steps that try variants. A split gives each customer the same variant by fixed shares; a learning step chooses per customer group (band) the variant that has worked best for the objective set on the policies page, and still tries every variant in play at least a little. Either way the law decides every fee and date.",
    caption: "Steps with an experiment in play",
    step: "Step",
    mode: "Mode",
    variants: "Variants",
    details: "Details",
    none: "No step has an experiment in play. Give a step variants in its policy's editor.",
    notInPlay: " (not in play)",
    decisionsOf: (title: string) => `Decisions of ${title}`,
    decisions: "Decisions",
    allocation: (days: number, since: string) =>
      `Allocation, the last ${days} days (from ${since})`,
    allocationCaption: "Share of the step's invoices per variant",
    variant: "Variant",
    shareSet: "Share set",
    inPlay: "In play",
    invoices: "Invoices",
    share: "Share",
    removed: "(removed)",
    yes: "yes",
    no: "no",
    withoutVariant: (count: number) =>
      `And ${count} taken as written while the experiment was off.`,
    weekly: (weeks: number) => `Allocation week by week, the last ${weeks} weeks`,
    weeklyCaption:
      "Share of the step's invoices per variant and week; the bar shows the shares, the table the counts",
    week: "Week from",
    weekTotal: "Invoices",
    weekEmpty: "–",
    beliefs: "What the learner believes, per customer band",
    beliefsIntro: (floor: string) =>
      `Per band and variant: the outcomes counted, their mean reward (0–1), and the mean the learner draws around (the band's outcomes on what all bands together showed). ${floor} of the choices are made at random, so every variant in play keeps being tried.`,
    nothingLearned:
      "Nothing learned yet: no outcome has been measured. Until then every variant is as likely.",
    beliefsCaption: "The learner's beliefs per band and variant",
    band: "Band",
    beliefHeader: (key: string) => `${key}: mean (outcomes) · belief`,
    recent: "Recent decisions",
    recentCaption: "The step's latest invoices and the variant each got",
    day: "Day",
    invoice: "Invoice",
    how: "How",
    meansThen: "Means then",
    notTaken: "The step has not been taken yet.",
    asWritten: "as written",
    split: "split (fixed share)",
    explored: "explored (chosen at random)",
    best: "learner's best draw",
  },
};

export const collectionsPageMessages: Record<Locale, typeof sv> = { sv, en };
