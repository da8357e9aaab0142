import { AppError } from "@/lib/errors/app-error";
import { isLuhnValid, luhnCheckDigit } from "@/lib/references/luhn";

/**
 * OCR references (OCR-referensnummer) as checked by the internet banks under Bankgirot's
 * "OCR-referenskontroll". Bankgirot limits a reference to 2–25 digits.
 *
 * We always generate the strictest form, "variable length": base digits + a length digit +
 * a Luhn check digit. The length digit is the total length including both control digits,
 * modulo 10 (a 12-digit reference gets 2), and it is part of the Luhn computation. Such a
 * reference passes every control level a payee's agreement may choose.
 */

export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

export type OcrValidationMode = "soft" | "hard" | "variable-length" | "fixed-length";
export type OcrValidationResult = { ok: true } | { ok: false; reason: string };

function baseDigits(base: number | string): string {
  if (typeof base === "number") {
    if (!Number.isSafeInteger(base) || base <= 0) {
      throw new AppError("BAD_INPUT", "An OCR base number must be a positive whole number");
    }
    return String(base);
  }
  if (typeof base !== "string" || !/^\d+$/.test(base) || /^0+$/.test(base)) {
    throw new AppError("BAD_INPUT", "An OCR base must consist of digits and not be all zeros");
  }
  return base;
}

export function generateOcr(base: number | string): string {
  const digits = baseDigits(base);
  const length = digits.length + 2;
  if (length > OCR_MAX_LENGTH) {
    throw new AppError(
      "BAD_INPUT",
      `An OCR base of ${digits.length} digits gives a ${length}-digit reference; the maximum is ${OCR_MAX_LENGTH}`,
    );
  }
  const withLength = `${digits}${length % 10}`;
  return `${withLength}${luhnCheckDigit(withLength)}`;
}

export function validateOcr(
  ocr: string,
  mode: OcrValidationMode = "hard",
  options: { fixedLengths?: readonly number[] } = {},
): OcrValidationResult {
  if (typeof ocr !== "string" || !/^\d+$/.test(ocr)) {
    return { ok: false, reason: "An OCR reference may only contain the digits 0–9" };
  }
  if (ocr.length < OCR_MIN_LENGTH || ocr.length > OCR_MAX_LENGTH) {
    return {
      ok: false,
      reason: `An OCR reference must be ${OCR_MIN_LENGTH}–${OCR_MAX_LENGTH} digits long, this one has ${ocr.length}`,
    };
  }
  if (mode === "soft") return { ok: true };
  if (!isLuhnValid(ocr)) {
    return { ok: false, reason: "The OCR reference's check digit is wrong" };
  }
  switch (mode) {
    case "hard":
      return { ok: true };
    case "variable-length": {
      const lengthDigit = ocr.charCodeAt(ocr.length - 2) - 48;
      if (lengthDigit !== ocr.length % 10) {
        return {
          ok: false,
          reason: `The OCR reference's length digit is ${lengthDigit} but it has ${ocr.length} digits`,
        };
      }
      return { ok: true };
    }
    case "fixed-length": {
      const { fixedLengths } = options;
      if (!fixedLengths || fixedLengths.length === 0) {
        throw new AppError("BAD_INPUT", "Fixed-length OCR validation needs the allowed lengths");
      }
      if (!fixedLengths.includes(ocr.length)) {
        return {
          ok: false,
          reason: `The OCR reference has ${ocr.length} digits; allowed lengths are ${fixedLengths.join(", ")}`,
        };
      }
      return { ok: true };
    }
    default:
      throw new AppError("BAD_INPUT", `Unknown OCR validation mode "${String(mode)}"`);
  }
}
