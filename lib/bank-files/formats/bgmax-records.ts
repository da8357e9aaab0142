import { digitsToOre } from "@/lib/bank-files/formats/amount";
import { compactDate, compactTimestamp } from "@/lib/bank-files/formats/file-dates";
import { bankFileError } from "@/lib/bank-files/formats/format-error";

/**
 * BgMax record layouts (Bankgirot, "Bankgiro Inbetalningar – Teknisk manual"): 80-character
 * records, the first two characters the transaction code (TK). Positions below are the manual's,
 * 1-based and inclusive.
 */

export const RECORD_LENGTH = 80;

export interface BgMaxRecord {
  line: number;
  type: string;
  text: string;
}

/** Splits the file into records, refusing any line that is not exactly 80 characters. */
export function splitRecords(content: string): BgMaxRecord[] {
  const lines = content.split(/\r?\n/);
  // A final line break (and a DOS end-of-file mark after it) ends the last record.
  while (lines.length > 0 && (lines.at(-1) === "" || lines.at(-1) === "\x1a")) lines.pop();
  if (lines.length === 0) throw bankFileError("BGMAX", null, "the file is empty");
  return lines.map((text, index) => {
    const line = index + 1;
    if (text.length !== RECORD_LENGTH) {
      const hint = /Ã[\x80-\xBF]/.test(text)
        ? " (it looks UTF-8 encoded; BgMax is ISO-8859-1)"
        : "";
      throw bankFileError(
        "BGMAX",
        `line ${line}`,
        `the record is ${text.length} characters, not ${RECORD_LENGTH}${hint}`,
      );
    }
    const type = text.slice(0, 2);
    if (!/^\d\d$/.test(type)) {
      throw bankFileError(
        "BGMAX",
        `line ${line}`,
        `the record does not start with a two-digit transaction code: "${type}"`,
      );
    }
    return { line, type, text };
  });
}

/** Positions from–to (1-based, inclusive) as written. */
function raw(record: BgMaxRecord, from: number, to: number): string {
  return record.text.slice(from - 1, to);
}

export function alpha(record: BgMaxRecord, from: number, to: number): string {
  return raw(record, from, to).trim();
}

export function digits(record: BgMaxRecord, from: number, to: number, what: string): string {
  const value = raw(record, from, to);
  if (!/^\d+$/.test(value)) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}, TK${record.type} positions ${from}–${to}`,
      `the ${what} "${value}" is not all digits`,
    );
  }
  return value;
}

export function count(record: BgMaxRecord, from: number, to: number, what: string): number {
  return Number(digits(record, from, to, what));
}

export function amount(record: BgMaxRecord, from: number, to: number, what: string): number {
  const result = digitsToOre(raw(record, from, to));
  if (!result.ok) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}, TK${record.type} positions ${from}–${to}`,
      `the ${what}: ${result.reason}`,
    );
  }
  return result.ore;
}

/** A giro number field: zero-padded digits, or blank/zeros for none. Without leading zeros. */
export function giro(record: BgMaxRecord, from: number, to: number, what: string): string | null {
  const value = raw(record, from, to);
  if (value.trim() === "") return null;
  const number = digits(record, from, to, what).replace(/^0+/, "");
  return number === "" ? null : number;
}

export function currency(record: BgMaxRecord, from: number, to: number): string {
  const value = raw(record, from, to);
  if (!/^[A-Z]{3}$/.test(value)) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}, TK${record.type} positions ${from}–${to}`,
      `"${value}" is not a currency code`,
    );
  }
  return value;
}

export function date(record: BgMaxRecord, from: number, to: number, what: string): string {
  const value = raw(record, from, to);
  const day = compactDate(value);
  if (!day)
    throw bankFileError(
      "BGMAX",
      `line ${record.line}, TK${record.type} positions ${from}–${to}`,
      `the ${what} "${value}" is not a date`,
    );
  return day;
}

export interface StartRecord {
  version: string;
  createdAt: Date;
  isTest: boolean;
}

/** TK01: layout name "BGMAX" (3–22), version (23–24), timestamp (25–44), test mark T/P (45). */
export function startRecord(record: BgMaxRecord): StartRecord {
  const layout = alpha(record, 3, 22);
  if (layout !== "BGMAX") {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `the start record names layout "${layout}", not BGMAX`,
    );
  }
  const version = digits(record, 23, 24, "layout version");
  if (version !== "01") {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `BgMax layout version ${version} is unknown; version 01 is read`,
    );
  }
  const stamp = raw(record, 25, 44);
  const createdAt = compactTimestamp(stamp);
  if (!createdAt)
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `the timestamp "${stamp}" is not YYYYMMDDHHMMSSµµµµµµ`,
    );
  const mark = raw(record, 45, 45);
  if (mark !== "T" && mark !== "P") {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}`,
      `the test mark is "${mark}"; it must be T (test) or P (production)`,
    );
  }
  return { version, createdAt, isTest: mark === "T" };
}

export interface PaymentRecord {
  senderBankgiro: string | null;
  reference: string;
  amountOre: number;
  referenceCode: number;
  channel: string;
  serial: string;
  imageMark: string;
  deductionCode: string | null;
}

/** TK20/21 (and TK22/23, which share the layout up to position 70). */
export function paymentRecord(record: BgMaxRecord): PaymentRecord {
  const code = raw(record, 56, 56);
  if (!/^[0-5]$/.test(code)) {
    throw bankFileError(
      "BGMAX",
      `line ${record.line}, TK${record.type} position 56`,
      `the reference code "${code}" is not 0–5`,
    );
  }
  return {
    senderBankgiro: giro(record, 3, 12, "sender's bankgiro number"),
    reference: alpha(record, 13, 37),
    amountOre: amount(record, 38, 55, "amount"),
    referenceCode: Number(code),
    channel: digits(record, 57, 57, "payment channel code"),
    serial: digits(record, 58, 69, "BGC serial number"),
    imageMark: raw(record, 70, 70),
    deductionCode: record.type === "21" ? raw(record, 71, 71) : null,
  };
}

export interface DepositRecord {
  bankAccount: string;
  paymentDate: string;
  depositSerial: string;
  amountOre: number;
  currency: string;
  paymentCount: number;
  depositType: string;
}

/** TK15: receiving bank account (3–37), payment date (38–45), serial (46–50), amount (51–68), currency (69–71), payments (72–79), type (80). */
export function depositRecord(record: BgMaxRecord): DepositRecord {
  return {
    bankAccount: alpha(record, 3, 37),
    paymentDate: date(record, 38, 45, "payment date"),
    depositSerial: digits(record, 46, 50, "deposit serial number"),
    amountOre: amount(record, 51, 68, "deposit amount"),
    currency: currency(record, 69, 71),
    paymentCount: count(record, 72, 79, "number of payments"),
    depositType: raw(record, 80, 80).trim(),
  };
}

export interface EndRecord {
  payments: number;
  deductions: number;
  extraReferences: number;
  deposits: number;
}

/** TK70: payment records (3–10), deduction records (11–18), extra reference records (19–26), deposit records (27–34). */
export function endRecord(record: BgMaxRecord): EndRecord {
  return {
    payments: count(record, 3, 10, "number of payment records"),
    deductions: count(record, 11, 18, "number of deduction records"),
    extraReferences: count(record, 19, 26, "number of extra reference records"),
    deposits: count(record, 27, 34, "number of deposit records"),
  };
}
