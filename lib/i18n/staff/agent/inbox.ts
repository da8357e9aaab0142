import type { Locale } from "@/lib/db/generated/client";

/** The support inbox, its live cues and the canned replies, Swedish first. */
const sv = {
  title: "Supportinkorg",
  nav: {
    label: "Support",
    searchInvoices: "Sök fakturor",
    cannedReplies: "Snabbsvar",
    unmatchedPayments: "Omatchade betalningar",
  },
  filterLabel: "Inkorgsfilter",
  filters: { open: "Öppna", mine: "Mina", unassigned: "Ej tilldelade", resolved: "Avslutade" },
  empty: "Inga konversationer här.",
  invoice: (number: number | null) => `· faktura ${number ?? "utkast"}`,
  unread: (count: number) => `${count} olästa`,
  waited: {
    minutes: (minutes: number) => `${minutes} min`,
    hours: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
    days: (days: number) => `${days} dagar`,
  },
  waiting: (time: string) => `Väntat ${time}`,
  answered: "Besvarad",
  handledBy: (name: string) => `Hanteras av ${name}`,
  unassigned: "Ej tilldelad",
  live: {
    connected: "Live",
    connecting: "Ansluter …",
    sound: "Ljud vid nya meddelanden",
    fresh: (count: number) => `${count} ${count === 1 ? "nytt meddelande" : "nya meddelanden"}`,
  },
  actions: {
    "assign-to-me": "Tilldela mig",
    unassign: "Ta bort tilldelning",
    resolve: "Avsluta",
    reopen: "Öppna igen",
  },
  actionFailed: "Konversationen kunde inte uppdateras",
  canned: {
    title: "Snabbsvar",
    inbox: "Inkorg",
    intro: (organization: string) =>
      `Färdiga svar som alla supportmedarbetare på ${organization} kan infoga i en chatt.`,
    edit: (title: string) => `Redigera ${title}`,
    new: "Nytt snabbsvar",
    titleLabel: "Titel",
    text: "Text",
    save: "Spara",
    add: "Lägg till",
    delete: (title: string) => `Ta bort ”${title}”`,
    notSaved: "Inte sparat",
  },
};

const en: typeof sv = {
  title: "Support inbox",
  nav: {
    label: "Support",
    searchInvoices: "Search invoices",
    cannedReplies: "Canned replies",
    unmatchedPayments: "Unmatched payments",
  },
  filterLabel: "Inbox filter",
  filters: { open: "Open", mine: "Mine", unassigned: "Unassigned", resolved: "Resolved" },
  empty: "No conversations here.",
  invoice: (number) => `· invoice ${number ?? "draft"}`,
  unread: (count) => `${count} unread`,
  waited: {
    minutes: (minutes) => `${minutes} min`,
    hours: (hours, minutes) => `${hours} h ${minutes} min`,
    days: (days) => `${days} days`,
  },
  waiting: (time) => `Waiting ${time}`,
  answered: "Answered",
  handledBy: (name) => `Handled by ${name}`,
  unassigned: "Unassigned",
  live: {
    connected: "Live",
    connecting: "Connecting …",
    sound: "Sound on new messages",
    fresh: (count) => `${count} new ${count === 1 ? "message" : "messages"}`,
  },
  actions: {
    "assign-to-me": "Assign to me",
    unassign: "Unassign",
    resolve: "Resolve",
    reopen: "Reopen",
  },
  actionFailed: "Could not update the conversation",
  canned: {
    title: "Canned replies",
    inbox: "Inbox",
    intro: (organization) => `Ready answers every agent of ${organization} can insert into a chat.`,
    edit: (title) => `Edit ${title}`,
    new: "New canned reply",
    titleLabel: "Title",
    text: "Text",
    save: "Save",
    add: "Add",
    delete: (title) => `Delete “${title}”`,
    notSaved: "Not saved",
  },
};

export const agentInboxMessages: Record<Locale, typeof sv> = { sv, en };
