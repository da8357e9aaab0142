import type { Locale } from "@/lib/db/generated/client";

/** The customer's language choice, remembered per browser for every invoice link. */
export const LOCALE_COOKIE = "nota-lang";
export const LOCALES = ["sv", "en"] as const;

export function isLocale(value: unknown): value is Locale {
  return value === "sv" || value === "en";
}

/** A remembered choice wins; otherwise the customer's own language. */
export function resolveInvoiceLocale(
  cookieValue: string | undefined,
  customerLocale: Locale,
): Locale {
  return isLocale(cookieValue) ? cookieValue : customerLocale;
}
