import type { VatGroup } from "@/lib/invoices/totals";
import { formatUnitPricePlain, type Locale } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";

/**
 * Which prices a customer reads outside the invoice's legal tables (the usage and value cards, an
 * offer): a consumer compares prices with VAT — what they actually pay — a business without it
 * (prisinformationslagen asks consumer prices to include VAT; a business deducts it). Every such
 * figure carries its label, so a reader never has to guess which it is. The line table itself
 * stays excl. VAT per unit, as ML 17 kap. 24 § asks of the invoice.
 */
export type PriceBasis = "incl-vat" | "excl-vat";

export function priceBasisOf(customer: { isBusiness: boolean }): PriceBasis {
  return customer.isBusiness ? "excl-vat" : "incl-vat";
}

const BASIS_LABELS: Record<Locale, Record<PriceBasis, string>> = {
  sv: { "incl-vat": "inkl. moms", "excl-vat": "exkl. moms" },
  en: { "incl-vat": "incl. VAT", "excl-vat": "excl. VAT" },
};

export function basisLabel(basis: PriceBasis, locale: Locale): string {
  return BASIS_LABELS[locale][basis];
}

/** A net amount with VAT at the rate, rounded half away from zero (integers throughout). */
export function withVat(netAmount: number, vatRate: number): number {
  return roundDiv(BigInt(netAmount) * BigInt(100 + vatRate), 100n);
}

/** A net amount as the basis shows it: with VAT at the rate for consumers, as is for businesses. */
export function onBasis(netAmount: number, vatRate: number | null, basis: PriceBasis): number {
  return basis === "incl-vat" && vatRate ? withVat(netAmount, vatRate) : netAmount;
}

/**
 * The VAT rate most of the invoice is charged at (the group with the largest taxable amount), for
 * figures that carry no rate of their own; null when nothing is charged VAT.
 */
export function mainVatRate(vatGroups: readonly VatGroup[]): number | null {
  let main: VatGroup | null = null;
  for (const group of vatGroups) {
    if (group.vatRate > 0 && group.netOre > 0 && (!main || group.netOre > main.netOre)) {
      main = group;
    }
  }
  return main?.vatRate ?? null;
}

/**
 * A price per unit in kronor with two decimals, as people compare them ("1,48 kr/kWh",
 * "SEK 1.48/kWh"), from hundredths of an öre; rounded to whole öre once.
 */
export function formatPricePerUnit(
  centiOre: number,
  options: { locale: Locale; unit: string },
): string {
  const wholeOre = roundDiv(centiOre, 100) * 100;
  const amount = formatUnitPricePlain(wholeOre, options.locale);
  return options.locale === "sv"
    ? `${amount}\u00A0kr/${options.unit}`
    : `SEK\u00A0${amount}/${options.unit}`;
}
