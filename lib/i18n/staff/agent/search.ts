import type { Locale } from "@/lib/db/generated/client";

/** The agent's invoice search: the page, its filters, result columns and pages, Swedish first. */
const sv = {
  title: "Fakturor",
  intro: (organization: string) =>
    `Sök bland fakturorna hos ${organization}. Utkast visas när statusen utkast är ikryssad.`,
  problems: "Delar av sökningen kunde inte läsas, så standardvärdet används i stället:",
  filters: {
    label: "Filtrera fakturor",
    customer: "Kundnamn eller kundnummer",
    issuedFrom: "Utfärdad från",
    issuedTo: "Utfärdad till",
    status: "Status",
    overdue: "förfallodagen passerad",
    minAmount: "Belopp från (kr)",
    maxAmount: "Belopp till (kr)",
    pageSize: "Rader per sida",
    search: "Sök",
    clear: "Rensa filter",
  },
  columns: {
    caption: "Fakturor",
    number: "Nummer",
    draft: "Utkast",
    creditNote: " (kreditfaktura)",
    customer: "Kund",
    issued: "Utfärdad",
    due: "Förfaller",
    status: "Status",
    total: "Belopp",
    empty: "Inga fakturor matchar sökningen.",
  },
  pages: {
    label: "Sidor",
    first: "Första",
    previous: "Föregående",
    next: "Nästa",
    last: "Sista",
    summary: (total: number, page: number, pageCount: number) =>
      `${total.toLocaleString("sv-SE")} ${total === 1 ? "faktura" : "fakturor"} · sida ${page} av ${pageCount}`,
  },
};

const en: typeof sv = {
  title: "Invoices",
  intro: (organization) =>
    `Search the invoices of ${organization}. Drafts show when the draft status is ticked.`,
  problems: "Part of this search could not be read, so the default is used instead:",
  filters: {
    label: "Filter invoices",
    customer: "Customer name or number",
    issuedFrom: "Issued from",
    issuedTo: "Issued to",
    status: "Status",
    overdue: "past due date",
    minAmount: "Amount from (kr)",
    maxAmount: "Amount to (kr)",
    pageSize: "Rows per page",
    search: "Search",
    clear: "Clear filters",
  },
  columns: {
    caption: "Invoices",
    number: "Number",
    draft: "Draft",
    creditNote: " (credit note)",
    customer: "Customer",
    issued: "Issued",
    due: "Due",
    status: "Status",
    total: "Total",
    empty: "No invoices match this search.",
  },
  pages: {
    label: "Pages",
    first: "First",
    previous: "Previous",
    next: "Next",
    last: "Last",
    summary: (total, page, pageCount) =>
      `${total.toLocaleString("en")} ${total === 1 ? "invoice" : "invoices"} · page ${page} of ${pageCount}`,
  },
};

export const agentSearchMessages: Record<Locale, typeof sv> = { sv, en };
