import type { Locale } from "@/lib/money/money";

/**
 * Units are stored as the biller wrote them, in Swedish ("mån", "st"); an English document says
 * them in English. Units that are the same in both (kWh, GB, min) and units we do not know are
 * shown as stored.
 */
const ENGLISH_UNITS: Record<string, string> = {
  mån: "mo",
  månad: "month",
  månader: "months",
  st: "pcs",
  styck: "pcs",
  år: "yr",
  dag: "day",
  dagar: "days",
  tim: "h",
  timme: "h",
  timmar: "h",
  kvartal: "quarter",
};

export function displayUnit(unit: string, locale: Locale): string {
  if (locale === "sv") return unit;
  return ENGLISH_UNITS[unit.trim().toLowerCase()] ?? unit;
}
