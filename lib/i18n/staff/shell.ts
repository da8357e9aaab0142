import type { Locale } from "@/lib/db/generated/client";

/**
 * The staff consoles' own words, per console, Swedish first; the type makes English carry every
 * key Swedish has. Each staff member reads them in their own language (StaffUser.locale), which
 * follows the organisation's language until they choose one (StaffContext.locale). This file holds
 * what every console shares: the header, the language setting, "not for your role".
 */
const sv = {
  product: "Nota",
  consoles: "Konsoler",
  links: {
    support: "Support",
    invoices: "Fakturor",
    marketing: "Marknad",
    finance: "Ekonomi",
    admin: "Admin",
  },
  roles: { ADMIN: "admin", AGENT: "support", MARKETER: "marknad", FINANCE: "ekonomi" },
  signOut: "Logga ut",
  language: {
    label: "Språk",
    followOrganization: (language: string) => `Som organisationen (${language})`,
    names: { sv: "Svenska", en: "English" },
    failed: "Språket kunde inte ändras. Försök igen.",
  },
  forbidden: {
    title: "Inte tillgängligt för din roll",
    body: (role: string) => `Ditt konto (${role}) ger inte tillgång till den här konsolen.`,
    goTo: "Gå till din konsol",
  },
};

const en: typeof sv = {
  product: "Nota",
  consoles: "Consoles",
  links: {
    support: "Support",
    invoices: "Invoices",
    marketing: "Marketing",
    finance: "Finance",
    admin: "Admin",
  },
  roles: { ADMIN: "admin", AGENT: "agent", MARKETER: "marketer", FINANCE: "finance" },
  signOut: "Sign out",
  language: {
    label: "Language",
    followOrganization: (language: string) => `As the organisation (${language})`,
    names: { sv: "Svenska", en: "English" },
    failed: "The language could not be changed. Try again.",
  },
  forbidden: {
    title: "Not available for your role",
    body: (role: string) => `Your account (${role}) does not give access to this console.`,
    goTo: "Go to your console",
  },
};

export const shellMessages: Record<Locale, typeof sv> = { sv, en };
export type ShellMessages = typeof sv;
