import type { BankFileFormat, Locale } from "@/lib/db/generated/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";
import { formatMoney } from "@/lib/money/money";

/**
 * The bank files' formats, the same in every language; the words for the files' and payments'
 * states are in lib/i18n/staff/finance/bank.ts (`labels`).
 */
export const FILE_FORMAT_LABELS: Record<BankFileFormat, string> = {
  CAMT054: "camt.054",
  BGMAX: "BgMax",
};

export function referenceKindLabel(kind: string, locale: Locale): string {
  return financeBankMessages[locale].labels.referenceKind[kind] ?? kind;
}

/** Sums in kronor, the Swedish way ("1 234,50 kr"). */
export const kronor = (ore: number) => formatMoney(ore, { locale: "sv" });
