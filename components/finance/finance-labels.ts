import type {
  BankFileFormat,
  BankFileSource,
  BankFileStatus,
  BankPaymentStatus,
} from "@/lib/db/generated/client";
import { formatMoney } from "@/lib/money/money";

/** The finance console's words for the bank files' and payments' states. */
export const FILE_STATUS_LABELS: Record<BankFileStatus, string> = {
  RECEIVED: "Received, being imported",
  IMPORTED: "Imported",
  REFUSED: "Refused",
};

export const FILE_FORMAT_LABELS: Record<BankFileFormat, string> = {
  CAMT054: "camt.054",
  BGMAX: "BgMax",
};

export const FILE_SOURCE_LABELS: Record<BankFileSource, string> = {
  UPLOAD: "Upload",
  API: "API",
  FOLDER: "Watched folder",
};

export const PAYMENT_STATUS_LABELS: Record<BankPaymentStatus, string> = {
  BOOKED: "Booked by OCR",
  UNMATCHED: "Waiting in the queue",
  ASSIGNED: "Decided by a person",
  RETURNED: "Marked for return",
};

const REFERENCE_KIND_LABELS: Record<string, string> = {
  structured: "OCR",
  unstructured: "Text",
  none: "None",
};

export function referenceKindLabel(kind: string): string {
  return REFERENCE_KIND_LABELS[kind] ?? kind;
}

/** Sums in kronor, the Swedish way ("1 234,50 kr"). */
export const kronor = (ore: number) => formatMoney(ore, { locale: "sv" });
