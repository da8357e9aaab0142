import { AppError } from "@/lib/errors/app-error";

/**
 * Payload for a Swish prefilled QR code, as the Swish QR-code API manual specifies it
 * (developer.getswish.se, "6.0 QR code encoding specification", 6.1 Swish C2B):
 *
 *   "C (capital letter) is the required prefix. Payee is the corporate Swish Number. Amount is in
 *   SEK, with 2 decimals. Decimal separator is a comma. Message is URL encoded. […] Lock mask
 *   controls what parameters the consumer is allowed to edit […]: Decimal value of bitmask where
 *   payee has bit position 0, amount 1 and message 2. True means editable […] Will in most cases
 *   be 0." Its example: "C1237856901;100,00;12229445;0".
 *
 * - payee: a Swish business ("corporate") number, 10 digits starting with 123; a private mobile
 *   number is not a payee of an invoice.
 * - amount: kronor with a comma and always two decimals ("1234,50"), built from integer öre by
 *   string slicing; empty when no amount is prefilled. Swish accepts 0,01–999 999 999 999,99 kr.
 * - message: at most 50 characters (the Swish app's limit), URL encoded (encodeURIComponent), so
 *   a ";" in it can never be read as the next field; control characters are refused.
 * - mask: payee = 1, amount = 2, message = 4 for the fields the payer may edit; an invoice locks
 *   all three (0).
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
  if (!/^123\d{7}$/.test(digits)) {
    throw new AppError(
      "BAD_INPUT",
      `"${String(input)}" is not a Swish business number: expected 10 digits starting with 123`,
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
  return `${digits.slice(0, -2)},${digits.slice(-2)}`;
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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001F\u007F]/.test(message)) {
    throw new AppError(
      "BAD_INPUT",
      "Swish message must not contain line breaks or control characters",
    );
  }
  return encodeURIComponent(message);
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
