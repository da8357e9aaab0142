import { AppError } from "@/lib/errors/app-error";
import { isLuhnValid } from "@/lib/references/luhn";

/**
 * Swedish organisationsnummer: 10 digits, Luhn over all ten, written NNNNNN-NNNN.
 * Registers sometimes use a 12-digit form: "16" + the number for legal entities, or a
 * century ("19"/"20") for sole traders, whose organisationsnummer is their personnummer.
 * We strip that prefix and keep the 10 digits Skatteverket and Bolagsverket print.
 */
const ORG_NUMBER_SHAPE = /^(?:16|19|20)?(\d{6})-?(\d{4})$/;

function orgDigits(input: string): string | null {
  if (typeof input !== "string") return null;
  const match = ORG_NUMBER_SHAPE.exec(input.trim());
  if (!match) return null;
  const digits = `${match[1]}${match[2]}`;
  return isLuhnValid(digits) ? digits : null;
}

function requireOrgDigits(input: string): string {
  const digits = orgDigits(input);
  if (digits === null) {
    throw new AppError(
      "BAD_INPUT",
      `"${String(input)}" is not a valid Swedish organisation number`,
    );
  }
  return digits;
}

export function isValidOrgNumber(input: string): boolean {
  return orgDigits(input) !== null;
}

export function formatOrgNumber(input: string): string {
  const digits = requireOrgDigits(input);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Swedish VAT numbers are "SE" + the 10-digit organisation number + "01". */
export function vatNumberFromOrgNumber(input: string): string {
  return `SE${requireOrgDigits(input)}01`;
}

/**
 * A legal person's organisationsnummer (aktiebolag, ekonomisk förening, kommun …): the third
 * digit is 2 or more ("månadssiffran" ≥ 20), which tells it from a personnummer (a sole trader's
 * number, whose third digit is a month's first, 0 or 1). Skatteverket, SKV 709.
 */
export function isValidLegalPersonOrgNumber(input: string): boolean {
  const digits = orgDigits(input);
  return digits !== null && Number(digits[2]) >= 2;
}

/** The digits of a valid organisation number, or null (no century or "16" prefix). */
export function orgNumberDigits(input: string): string | null {
  return orgDigits(input);
}

/**
 * Whether a Swedish VAT registration number belongs to the organisation number: "SE", the ten
 * digits, "01" (Skatteverket: momsregistreringsnummer), spaces ignored.
 */
export function vatNumberMatchesOrgNumber(vatNumber: string, orgNumber: string): boolean {
  const digits = orgDigits(orgNumber);
  if (digits === null || typeof vatNumber !== "string") return false;
  return vatNumber.replace(/\s/g, "").toUpperCase() === `SE${digits}01`;
}
