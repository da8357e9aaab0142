import { AppError } from "@/lib/errors/app-error";
import { isLuhnValid } from "@/lib/references/luhn";

/**
 * Bankgiro and PlusGiro numbers. Both end in a Luhn (modulus 10) check digit computed over
 * all preceding digits, per Bankgirot's "Beräkning av checksiffra enligt 10-modul".
 */

// Bankgiro numbers are 7 or 8 digits, written with a hyphen before the last four
// (123-4567, 1234-5678); we accept that one hyphen or none, nothing else.
const BANKGIRO_SHAPE = /^(?:\d{7,8}|\d{3,4}-\d{4})$/;

function bankgiroDigits(input: string): string | null {
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  if (!BANKGIRO_SHAPE.test(trimmed)) return null;
  const digits = trimmed.replace("-", "");
  return isLuhnValid(digits) ? digits : null;
}

export function isValidBankgiro(input: string): boolean {
  return bankgiroDigits(input) !== null;
}

export function formatBankgiro(input: string): string {
  const digits = bankgiroDigits(input);
  if (digits === null) {
    throw new AppError("BAD_INPUT", `"${String(input)}" is not a valid bankgiro number`);
  }
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

// PlusGiro numbers are 2–8 digits. People copy them in the printed style "12 34 56-7", so
// single spaces between digits and one hyphen before the check digit are tolerated.
const PLUSGIRO_SHAPE = /^\d+(?: \d+)*(?:-\d)?$/;

function plusgiroDigits(input: string): string | null {
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  if (!PLUSGIRO_SHAPE.test(trimmed)) return null;
  const digits = trimmed.replace(/[ -]/g, "");
  if (digits.length < 2 || digits.length > 8) return null;
  return isLuhnValid(digits) ? digits : null;
}

export function isValidPlusgiro(input: string): boolean {
  return plusgiroDigits(input) !== null;
}

/** "9019506" → "90 19 50-6": check digit after a hyphen, the rest in pairs from the right. */
export function formatPlusgiro(input: string): string {
  const digits = plusgiroDigits(input);
  if (digits === null) {
    throw new AppError("BAD_INPUT", `"${String(input)}" is not a valid PlusGiro number`);
  }
  const body = digits.slice(0, -1);
  const pairs: string[] = [];
  for (let end = body.length; end > 0; end -= 2) {
    pairs.unshift(body.slice(Math.max(0, end - 2), end));
  }
  return `${pairs.join(" ")}-${digits.slice(-1)}`;
}
