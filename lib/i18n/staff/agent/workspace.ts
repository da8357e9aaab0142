import type { Locale } from "@/lib/db/generated/client";

/**
 * The agent's workspace for one invoice, apart from the changes to it (changes.ts): the page, the
 * conversation, the dispute mark, the customer's context, credits and refunds. Swedish first.
 */
const sv = {
  page: {
    title: "Arbetsyta för faktura",
    inbox: "Inkorg",
    searchInvoices: "Sök fakturor",
    draftNotice: (customer: string) =>
      `Utkast: ännu inte utfärdad, så ${customer} kan inte se den. Redigera raderna nedan.`,
    previewNotice: (customer: string) =>
      `Förhandsgranskning: så här ser ${customer} fakturan. Ditt besök räknas inte som en kundvisning.`,
    tools: "Supportverktyg",
  },
  chat: {
    heading: "Konversation",
    viewing: (customer: string) => `${customer} tittar på fakturan just nu`,
    offline: (customer: string) => `${customer} är inte online`,
    alsoHere: (names: string) => `Också här: ${names}`,
    reconnecting: "Återansluter …",
    support: "Support",
    marks: { read: "Läst", delivered: "Levererat", sent: "Skickat" },
    list: {
      empty: "Inga meddelanden än.",
      sending: "Skickar …",
      failed: "Inte skickat.",
      retry: "Försök igen",
      note: "Intern anteckning",
    },
    typing: (customer: string) => `${customer} skriver …`,
    sendAs: "Skicka som",
    replyToCustomer: "Svar till kunden",
    internalNote: "Intern anteckning (endast personal)",
    noteLabel: "Intern anteckning",
    replyLabel: "Svar",
    notePlaceholder: "Bara personal ser detta …",
    replyPlaceholder: (customer: string) => `Skriv till ${customer} …`,
    addNote: "Lägg till anteckning",
    send: "Skicka",
    tooLong: (max: number) => `Ett meddelande får vara högst ${max} tecken.`,
    remaining: (count: number) => `${count} tecken kvar`,
    insertCanned: "Infoga ett snabbsvar",
    cannedPlaceholder: "Snabbsvar …",
  },
  dispute: {
    // Swedish in both languages, as it has always read.
    label: "Markera som tvist — pausar påminnelser",
    disputed:
      "Bestridd: ingen påminnelse eller annan indrivningsåtgärd körs förrän du tar bort markeringen eller avslutar konversationen. Kundens tidslinje visar att påminnelserna är pausade.",
    reopenFirst: "Öppna konversationen igen för att markera fakturan som bestridd.",
    explain:
      "Markera när kunden invänder mot fakturan: indrivningsstegen väntar medan du utreder saken och fortsätter med nya datum efteråt.",
    failed: "Tvisten kunde inte ändras",
  },
  live: {
    updated: (kind: string | null) => `Fakturan uppdaterades${kind ? ` (${kind})` : ""}.`,
  },
  context: {
    customer: "Kund",
    business: "företag",
    private: "privat",
    languages: { sv: "svenska", en: "engelska" } as Record<string, string>,
    tenure: "Kundtid",
    since: (date: string, years: number, months: number) =>
      `sedan ${date} (${years > 0 ? `${years} år ` : ""}${months} mån)`,
    contact: "Kontakt",
    plan: "Avtal",
    noContract: "Inget aktivt avtal",
    contract: (plan: string, fee: string, campaign: { fee: string; until: string } | null) =>
      `${plan} (${fee}/mån${campaign ? `; kampanj ${campaign.fee} till ${campaign.until}` : ""})`,
    reminderFee: "Påminnelseavgift",
    // Swedish in both languages, as it has always read (the agreement is a Swedish legal term).
    feeAgreed: (agreedOn: string, source: string) =>
      `Påminnelseavgift avtalad ${agreedOn} (${source})`,
    noFeeAgreement: "Ingen avtalad påminnelseavgift",
    offers: "Erbjudanden",
    noneAccepted: (shown: number) => `${shown} visade, inget accepterat`,
    accepted: (plan: string, from: string, block: string, invoice: string, at: string) =>
      `Accepterade ${plan} från ${from} (”${block}”, faktura ${invoice}, ${at})`,
    invoices: "Fakturor",
    creditNote: "Kreditfaktura",
    invoice: "Faktura",
    payments: "Betalningar och återbetalningar",
    noneYet: "Inga än.",
    paid: "betalt",
    refunded: "återbetalt",
    onInvoice: (number: number | null) => `faktura ${number ?? ""}`,
    conversations: "Tidigare konversationer",
    none: "Inga.",
    conversationInvoice: (number: number | null) => `Faktura ${number ?? "utkast"}`,
    messages: (count: number) => `${count} meddelanden`,
  },
  feeAgreement: {
    change: "Ändra avtalet",
    record: "Registrera ett avtal",
    formLabel: "Avtal om påminnelseavgift",
    agreedOn: "Avtalat den",
    source: "Var det står (avtal, version av villkoren)",
    save: "Spara avtalet",
    remove: "Ta bort avtalet",
    saved: "Avtalet är sparat.",
    removed: "Avtalet är borttaget: påminnelser får ingen avgift.",
    notSaved: "Avtalet sparades inte.",
    unreachable: "Servern gick inte att nå; inget sparades.",
  },
  credits: {
    heading: "Krediteringar på fakturan",
    summary: (total: string, count: number, creditable: string | null) =>
      `${total} krediterat i ${count} ${count === 1 ? "kreditfaktura" : "kreditfakturor"}; ${
        creditable ? `${creditable} kan fortfarande krediteras.` : "inget finns kvar att kreditera."
      }`,
    creditNote: (number: number | null) => `Kreditfaktura ${number ?? ""}`,
    vat: "moms",
    by: "av",
    kinds: {
      full: "resten av fakturan",
      lines: "valda rader",
      amount: "ett belopp",
      goodwill: "kompensation",
    },
    reason: "Orsak:",
  },
  refunds: {
    heading: "Återbetalningar",
    statuses: {
      PENDING: "På väg",
      SUCCEEDED: "Utbetald",
      FAILED: "Misslyckades: beloppet är kundens tillgodohavande igen",
      CANCELED: "Avbruten: beloppet är kundens tillgodohavande igen",
    },
    providerReason: "Leverantörens orsak:",
    credit: (amount: string) => `Kunden har ${amount} i tillgodohavande på fakturan.`,
    requested: "Återbetalningen är begärd; dess status visas ovan.",
    refund: (amount: string) => `Återbetala ${amount} till kunden`,
    keptAsCredit: "Din organisation behåller sådana pengar som tillgodohavande till nästa faktura.",
  },
};

const en: typeof sv = {
  page: {
    title: "Invoice workspace",
    inbox: "Inbox",
    searchInvoices: "Search invoices",
    draftNotice: (customer) =>
      `Draft: not yet issued, so ${customer} cannot see it. Edit its lines below.`,
    previewNotice: (customer) =>
      `Preview: this is what ${customer} sees. Your visit is not recorded as a customer view.`,
    tools: "Support tools",
  },
  chat: {
    heading: "Conversation",
    viewing: (customer) => `${customer} is viewing the invoice now`,
    offline: (customer) => `${customer} is not online`,
    alsoHere: (names) => `Also here: ${names}`,
    reconnecting: "Reconnecting …",
    support: "Support",
    marks: { read: "Read", delivered: "Delivered", sent: "Sent" },
    list: {
      empty: "No messages yet.",
      sending: "Sending …",
      failed: "Not sent.",
      retry: "Retry",
      note: "Internal note",
    },
    typing: (customer) => `${customer} is typing …`,
    sendAs: "Send as",
    replyToCustomer: "Reply to customer",
    internalNote: "Internal note (staff only)",
    noteLabel: "Internal note",
    replyLabel: "Reply",
    notePlaceholder: "Only staff see this …",
    replyPlaceholder: (customer) => `Write to ${customer} …`,
    addNote: "Add note",
    send: "Send",
    tooLong: (max) => `A message can be at most ${max} characters.`,
    remaining: (count) => `${count} characters left`,
    insertCanned: "Insert a canned reply",
    cannedPlaceholder: "Canned reply …",
  },
  dispute: {
    label: "Markera som tvist — pausar påminnelser",
    disputed:
      "Disputed: no reminder or other collection step runs until you unmark it or resolve the conversation. The customer's timeline says reminders are paused.",
    reopenFirst: "Reopen the conversation to mark the invoice as disputed.",
    explain:
      "Mark it when the customer objects to the invoice: collection steps wait while you look into it, and resume re-timed after.",
    failed: "Could not change the dispute",
  },
  live: {
    updated: (kind) => `The invoice was updated${kind ? ` (${kind})` : ""}.`,
  },
  context: {
    customer: "Customer",
    business: "business",
    private: "private",
    languages: { sv: "Swedish", en: "English" },
    tenure: "Tenure",
    since: (date, years, months) => `since ${date} (${years > 0 ? `${years} y ` : ""}${months} mo)`,
    contact: "Contact",
    plan: "Plan",
    noContract: "No active contract",
    contract: (plan, fee, campaign) =>
      `${plan} (${fee}/mo${campaign ? `; campaign ${campaign.fee} until ${campaign.until}` : ""})`,
    reminderFee: "Reminder fee",
    feeAgreed: (agreedOn, source) => `Påminnelseavgift avtalad ${agreedOn} (${source})`,
    noFeeAgreement: "Ingen avtalad påminnelseavgift",
    offers: "Offers",
    noneAccepted: (shown) => `${shown} shown, none accepted`,
    accepted: (plan, from, block, invoice, at) =>
      `Accepted ${plan} from ${from} (“${block}”, invoice ${invoice}, ${at})`,
    invoices: "Invoices",
    creditNote: "Credit note",
    invoice: "Invoice",
    payments: "Payments and refunds",
    noneYet: "None yet.",
    paid: "paid",
    refunded: "refunded",
    onInvoice: (number) => `invoice ${number ?? ""}`,
    conversations: "Earlier conversations",
    none: "None.",
    conversationInvoice: (number) => `Invoice ${number ?? "draft"}`,
    messages: (count) => `${count} messages`,
  },
  feeAgreement: {
    change: "Change the agreement",
    record: "Record an agreement",
    formLabel: "Reminder-fee agreement",
    agreedOn: "Agreed on",
    source: "Where it is written (contract, version of the terms)",
    save: "Save agreement",
    remove: "Remove agreement",
    saved: "Agreement saved.",
    removed: "Agreement removed: reminders carry no fee.",
    notSaved: "The agreement was not saved.",
    unreachable: "Could not reach the server; nothing was saved.",
  },
  credits: {
    heading: "Credits on this invoice",
    summary: (total, count, creditable) =>
      `${total} credited in ${count} ${count === 1 ? "credit note" : "credit notes"}; ${
        creditable ? `${creditable} can still be credited.` : "nothing is left to credit."
      }`,
    creditNote: (number) => `Credit note ${number ?? ""}`,
    vat: "VAT",
    by: "by",
    kinds: {
      full: "the rest of the invoice",
      lines: "chosen lines",
      amount: "an amount",
      goodwill: "compensation",
    },
    reason: "Reason:",
  },
  refunds: {
    heading: "Refunds",
    statuses: {
      PENDING: "On its way",
      SUCCEEDED: "Paid out",
      FAILED: "Failed: the amount is the customer's credit again",
      CANCELED: "Cancelled: the amount is the customer's credit again",
    },
    providerReason: "Provider's reason:",
    credit: (amount) => `The customer has ${amount} in credit on this invoice.`,
    requested: "The refund was asked for; its status shows above.",
    refund: (amount) => `Refund ${amount} to the customer`,
    keptAsCredit: "Your organisation keeps such money as credit for the next invoice.",
  },
};

export const agentWorkspaceMessages: Record<Locale, typeof sv> = { sv, en };
