/**
 * Amounts in bank files, read as text into integer öre: never through a float, so "0.29" is 29
 * öre and not 28.999…. A file amount with more than two decimals cannot be öre and is refused
 * rather than rounded: rounding money we are about to book would hide a broken file.
 */

const DECIMAL_AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Integer öre stays exact up to 2^53; a bank file's amounts are far below that. */
const MAX_INTEGER_DIGITS = 13;

export type AmountResult = { ok: true; ore: number } | { ok: false; reason: string };

/** "1234.5" → 123450 öre; "1234" → 123400; refuses negatives, empties, > 2 decimals, exponents. */
export function decimalToOre(text: string): AmountResult {
  if (text.length === 0) return { ok: false, reason: "the amount is empty" };
  if (text.startsWith("-")) return { ok: false, reason: `the amount "${text}" is negative` };
  const match = DECIMAL_AMOUNT.exec(text);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(text)) {
      return { ok: false, reason: `the amount "${text}" has more than two decimals` };
    }
    return {
      ok: false,
      reason: `"${text}" is not an amount (digits, optionally "." and 1–2 decimals)`,
    };
  }
  const whole = match[1]!.replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_INTEGER_DIGITS) {
    return { ok: false, reason: `the amount "${text}" is too large` };
  }
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return { ok: true, ore: Number(whole) * 100 + Number(fraction) };
}

/** A fixed-width field of digits that is already öre (BgMax): "000000000000120500" → 120500. */
export function digitsToOre(field: string): AmountResult {
  if (!/^\d+$/.test(field)) {
    return { ok: false, reason: `the amount field "${field}" is not all digits` };
  }
  const significant = field.replace(/^0+(?=\d)/, "");
  if (significant.length > MAX_INTEGER_DIGITS + 2) {
    return { ok: false, reason: `the amount "${field}" is too large` };
  }
  return { ok: true, ore: Number(significant) };
}

/** 123450 → "1234.50": how camt writes an amount (and how reports quote one). */
export function oreToDecimal(ore: number): string {
  if (!Number.isSafeInteger(ore) || ore < 0) {
    throw new RangeError(`${ore} is not a non-negative whole number of öre`);
  }
  const text = String(ore).padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
