import { kronor } from "@/components/finance/finance-labels";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
import { per100, shareOf } from "@/lib/receivables/figures";

/** The dashboard's numbers in words: shares as percent, sums in kronor, "–" for none. */
export const DASH = "–";

export function percent(share: number | null, digits = 1): string {
  return share === null ? DASH : `${(share * 100).toFixed(digits)} %`;
}

export function shareText(part: number, whole: number, locale: Locale): string {
  return whole > 0
    ? `${percent(shareOf(part, whole))} ${receivablesMessages[locale].of(part, whole)}`
    : DASH;
}

export function daysText(days: number | null, locale: Locale): string {
  return days === null ? DASH : receivablesMessages[locale].days(days.toFixed(1));
}

export function medianText(
  median: { days: number; atLeast: boolean } | null,
  locale: Locale,
): string {
  if (!median) return DASH;
  const days = Number.isInteger(median.days) ? String(median.days) : median.days.toFixed(1);
  return `${median.atLeast ? "≥ " : ""}${receivablesMessages[locale].days(days)}`;
}

export function per100Text(count: number, invoices: number): string {
  const value = per100(count, invoices);
  return value === null ? DASH : value.toFixed(1);
}

export const money = (ore: number | null) => (ore === null ? DASH : kronor(ore));

export function segmentLabel(segment: string, locale: Locale): string {
  return segment === "" ? receivablesMessages[locale].noSegment : segment;
}
