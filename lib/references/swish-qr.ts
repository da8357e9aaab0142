import { AppError } from "@/lib/errors/app-error";

/**
 * Payload for a Swish prefilled QR code in the "C" text format:
 *   C<payee>;<amount>;<message>;<editable mask>
 *
 * - payee: 10 digits, either a Swish business number (123…) or a mobile number (07…).
 * - amount: kronor with "." and always two decimals ("1234.50"), built from integer öre by
 *   string slicing. Always two decimals so the app shows exactly what the invoice says; empty
 *   when no amount is prefilled. Swish accepts 0.01–999 999 999 999.99 kr.
 * - message: at most 50 characters; ";" is the field separator of this format and cannot be
 *   escaped, so it is rejected (as are control characters).
 * - mask: sum of bits for the fields the payer may EDIT: payee = 1, amount = 2, message = 4.
 *   Public sources disagree on the bit order (at least one library swaps amount and message).
 *   We lock all three fields by default, giving mask 0, which reads the same under either
 *   order, so an invoice QR code cannot be misread as "amount editable".
 */

export const SWISH_EDITABLE_BITS = { payee: 1, amount: 2, message: 4 } as const;
export const SWISH_MESSAGE_MAX_LENGTH = 50;
const SWISH_MAX_AMOUNT_ORE = 99_999_999_999_999;

export interface SwishQrInput {
  payee: string;
  amountOre?: number;
  message?: string;
  editable?: { payee?: boolean; amount?: boolean; message?: boolean };
}

function swishNumberDigits(input: string): string {
  const digits = typeof input === "string" ? input.trim().replace(/[ \u00A0-]/g, "") : "";
  if (!/^\d{10}$/.test(digits) || !(digits.startsWith("123") || digits.startsWith("07"))) {
    throw new AppError(
      "BAD_INPUT",
      `"${String(input)}" is not a Swish number: expected 10 digits starting with 123 or 07`,
    );
  }
  return digits;
}

function swishAmount(amountOre: number | undefined): string {
  if (amountOre === undefined) return "";
  if (!Number.isSafeInteger(amountOre) || amountOre < 1 || amountOre > SWISH_MAX_AMOUNT_ORE) {
    throw new AppError(
      "BAD_INPUT",
      `Swish amount must be a whole number of öre between 1 and ${SWISH_MAX_AMOUNT_ORE}, got ${amountOre}`,
    );
  }
  const digits = String(amountOre).padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function swishMessage(message: string | undefined): string {
  if (message === undefined) return "";
  if (typeof message !== "string") {
    throw new AppError("BAD_INPUT", "Swish message must be text");
  }
  if ([...message].length > SWISH_MESSAGE_MAX_LENGTH) {
    throw new AppError(
      "BAD_INPUT",
      `Swish message is ${[...message].length} characters; the maximum is ${SWISH_MESSAGE_MAX_LENGTH}`,
    );
  }
  if (message.includes(";")) {
    throw new AppError("BAD_INPUT", 'Swish message must not contain ";" (the QR field separator)');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001F\u007F]/.test(message)) {
    throw new AppError(
      "BAD_INPUT",
      "Swish message must not contain line breaks or control characters",
    );
  }
  return message;
}

export function buildSwishQrPayload(input: SwishQrInput): string {
  const payee = swishNumberDigits(input.payee);
  const amount = swishAmount(input.amountOre);
  const message = swishMessage(input.message);
  const editable = input.editable ?? {};
  const mask =
    (editable.payee ? SWISH_EDITABLE_BITS.payee : 0) +
    (editable.amount ? SWISH_EDITABLE_BITS.amount : 0) +
    (editable.message ? SWISH_EDITABLE_BITS.message : 0);
  return `C${payee};${amount};${message};${mask}`;
}

/** "1231234567" → "123 123 45 67", the grouping Swish itself prints. */
export function formatSwishNumber(input: string): string {
  const d = swishNumberDigits(input);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`;
}
