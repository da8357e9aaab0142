import { contentMessages } from "@/lib/i18n/content-messages";
import { formatMoneyCompact, type Locale } from "@/lib/money/money";
import { basisLabel, type PriceBasis } from "@/lib/usage/price-basis";

/**
 * A yearly figure as an offer says it: "ca 1 150 kr". A saving estimated from last year's usage
 * is not exact to the öre, and printing "1 162,19 kr" claims it is. So it is said in round
 * kronor — to 50 kr from 1 000 kr, to 10 kr from 100 kr, else whole kronor — and always on the
 * customer's side: a saving rounded down (never promised bigger than it was), an extra cost
 * rounded up (never made to look smaller).
 */
export function approximateKronor(amountOre: number, direction: "down" | "up"): number {
  if (!Number.isSafeInteger(amountOre) || amountOre < 0) {
    throw new RangeError(`an approximate amount needs whole, non-negative öre, got ${amountOre}`);
  }
  const kronor = direction === "down" ? Math.floor(amountOre / 100) : Math.ceil(amountOre / 100);
  const step = kronor >= 1000 ? 50 : kronor >= 100 ? 10 : 1;
  const rounded =
    direction === "down" ? Math.floor(kronor / step) * step : Math.ceil(kronor / step) * step;
  return rounded * 100;
}

/** What an offered plan means for a year of this customer's usage, as the offer may say it. */
export type YearlyDifference =
  | { kind: "saving"; amountOre: number }
  | { kind: "extraCost"; amountOre: number };

/**
 * The yearly saving (incl. VAT, negative when the plan would have cost more) as an offer says it,
 * or null when nothing honest can be said: the saving is unknown, or under a krona — "spara ca
 * 0 kr" is no offer. An extra cost, however small, is always said (rounded up to at least 1 kr).
 */
export function yearlyDifference(annualSavingOre: number | null): YearlyDifference | null {
  if (annualSavingOre === null || annualSavingOre === 0) return null;
  if (annualSavingOre < 0) {
    return { kind: "extraCost", amountOre: approximateKronor(-annualSavingOre, "up") };
  }
  const amountOre = approximateKronor(annualSavingOre, "down");
  return amountOre > 0 ? { kind: "saving", amountOre } : null;
}

/**
 * "ca 1 150 kr" / "about SEK 1,150": one money format per language, never "1 162,19 kr". A
 * business's figure is excl. VAT and says so ("ca 920 kr exkl. moms"); a consumer's is the price
 * they pay, incl. VAT.
 */
export function approximateAmountText(
  amountOre: number,
  locale: Locale,
  basis: PriceBasis = "incl-vat",
): string {
  const amount = contentMessages[locale].approximately(formatMoneyCompact(amountOre, { locale }));
  return basis === "excl-vat" ? `${amount} ${basisLabel(basis, locale)}` : amount;
}

/** The value of {{saving}}: only a real saving; a plan that costs more has none to write. */
export function savingPlaceholderValue(
  annualSavingOre: number | null,
  locale: Locale,
  basis: PriceBasis = "incl-vat",
): string | undefined {
  const difference = yearlyDifference(annualSavingOre);
  return difference?.kind === "saving"
    ? approximateAmountText(difference.amountOre, locale, basis)
    : undefined;
}

/**
 * The line an offer leads with, so the money is read before any tap: "Spara ca 1 150 kr per år med
 * Rörligt elpris". Null when the marketer's title already states the saving ({{saving}}) or
 * nothing is known. A plan that would have cost more always says so, whatever the title says.
 */
export function offerHeadline(options: {
  annualSavingOre: number | null;
  planName: string;
  locale: Locale;
  isSavingInTitle: boolean;
  basis?: PriceBasis;
}): string | null {
  const difference = yearlyDifference(options.annualSavingOre);
  if (!difference) return null;
  const t = contentMessages[options.locale];
  const amount = approximateAmountText(difference.amountOre, options.locale, options.basis);
  if (difference.kind === "extraCost") return t.extraCostHeadline(amount, options.planName);
  return options.isSavingInTitle ? null : t.savingHeadline(amount, options.planName);
}

/** The yearly figure in the summary the customer confirms, in the same words as the headline. */
export function offerSummaryFigure(
  annualSavingOre: number | null,
  locale: Locale,
  basis: PriceBasis = "incl-vat",
): string | null {
  const difference = yearlyDifference(annualSavingOre);
  if (!difference) return null;
  const t = contentMessages[locale];
  const amount = approximateAmountText(difference.amountOre, locale, basis);
  return difference.kind === "saving" ? t.saving(amount) : t.extraCost(amount);
}
