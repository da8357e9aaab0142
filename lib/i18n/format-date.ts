import type { Locale } from "@/lib/db/generated/client";

// Calendar dates are UTC-midnight Dates (see lib/dates), so they are formatted in UTC.
const LONG: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat("sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};
const SHORT: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "short", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
};
const MONTH_YEAR: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};
const TIMESTAMP: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }),
};

/** "30 mars 2026" / "30 March 2026". */
export function formatLongDate(date: Date, locale: Locale): string {
  return LONG[locale].format(date);
}

/** "30 mars" / "30 Mar". */
export function formatShortDate(date: Date, locale: Locale): string {
  return SHORT[locale].format(date);
}

/** "mars 2026" / "March 2026". */
export function formatMonthYear(date: Date, locale: Locale): string {
  return MONTH_YEAR[locale].format(date);
}

/** A moment (event time) in Swedish time. */
export function formatTimestamp(date: Date, locale: Locale): string {
  return TIMESTAMP[locale].format(date);
}
