import { formatQuantity, type Locale } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";

/**
 * Figures as people read them on the invoice's cards ("1 493 kWh", "93,9 Mbit/s", "99,87 %"):
 * three significant digits or so, never the meter's thousandths. The exact value stays in the
 * table and in the data attributes; only what is read at a glance is rounded.
 *
 * - 100 and above: whole numbers; 10–100: one decimal; below 10: two decimals.
 * - Percentages: two decimals, and a share below 100 % never rounds up to 100 % (99,996 % of
 *   uptime is not "100 %").
 * Trailing zeros are dropped ("48" rather than "48,0").
 */
export function readableMilli(valueMilli: number, options: { percent?: boolean } = {}): number {
  const magnitude = Math.abs(valueMilli);
  const decimals = options.percent ? 2 : magnitude >= 100_000 ? 0 : magnitude >= 10_000 ? 1 : 2;
  const step = 10 ** (3 - decimals);
  const rounded = roundDiv(valueMilli, step) * step;
  if (options.percent && valueMilli < 100_000 && rounded >= 100_000) return 100_000 - step;
  return rounded;
}

export function formatReadable(
  valueMilli: number,
  options: { locale: Locale; percent?: boolean },
): string {
  return formatQuantity(readableMilli(valueMilli, options), options.locale);
}

/** "99,87 %", "93,9 Mbit/s", "1 493 kWh": the readable figure with its unit. */
export function formatReadableWithUnit(valueMilli: number, unit: string, locale: Locale): string {
  const percent = unit.trim() === "%";
  return `${formatReadable(valueMilli, { locale, percent })}\u00A0${unit.trim()}`;
}
