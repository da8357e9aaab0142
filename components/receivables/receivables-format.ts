import { kronor } from "@/components/finance/finance-labels";
import { per100, shareOf } from "@/lib/receivables/figures";

/** The dashboard's numbers in words: shares as percent, sums in kronor, "–" for none. */
export const DASH = "–";

export function percent(share: number | null, digits = 1): string {
  return share === null ? DASH : `${(share * 100).toFixed(digits)} %`;
}

export function shareText(part: number, whole: number): string {
  return whole > 0 ? `${percent(shareOf(part, whole))} (${part} of ${whole})` : DASH;
}

export function daysText(days: number | null): string {
  return days === null ? DASH : `${days.toFixed(1)} days`;
}

export function medianText(median: { days: number; atLeast: boolean } | null): string {
  if (!median) return DASH;
  return `${median.atLeast ? "≥ " : ""}${Number.isInteger(median.days) ? median.days : median.days.toFixed(1)} days`;
}

export function per100Text(count: number, invoices: number): string {
  const value = per100(count, invoices);
  return value === null ? DASH : value.toFixed(1);
}

export const money = (ore: number | null) => (ore === null ? DASH : kronor(ore));

export function segmentLabel(segment: string): string {
  return segment === "" ? "(no segment)" : segment;
}
