import { AppError } from "@/lib/errors/app-error";

/**
 * Luhn / "modulus 10" with weights 2-1-2-1… from the right, the check digit scheme Bankgirot,
 * PlusGiro, Skatteverket (personnummer, organisationsnummer) and the OCR reference all use.
 */

const DIGITS_ONLY = /^\d+$/;

function weightedSum(digits: string, doubleFirstFromRight: boolean): number {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum;
}

/** The digit to append to `digits` so the whole string passes the Luhn check. */
export function luhnCheckDigit(digits: string): number {
  if (typeof digits !== "string" || !DIGITS_ONLY.test(digits)) {
    throw new AppError("BAD_INPUT", "A Luhn check digit can only be computed for digits 0–9");
  }
  // The appended digit will sit rightmost with weight 1, so the payload's last digit doubles.
  return (10 - (weightedSum(digits, true) % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  if (typeof digits !== "string" || !DIGITS_ONLY.test(digits)) return false;
  return weightedSum(digits, false) % 10 === 0;
}
