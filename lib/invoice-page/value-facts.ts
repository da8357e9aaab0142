import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatMoneyCompact, formatWholeKronor, type Locale } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";
import { basisLabel, formatPricePerUnit, onBasis, type PriceBasis } from "@/lib/usage/price-basis";
import { formatReadable, formatReadableWithUnit } from "@/lib/usage/readable-figures";

/**
 * A value fact as the "what you got for the money" card shows it: the figure at a readable
 * precision, money in kronor on the customer's price basis (with VAT for consumers, labelled),
 * and — where the biller gave a comparison — the comparison, a one-line verdict in words
 * ("184 kr billigare") and two bars on one scale, so a value above its comparison is drawn
 * longer rather than capped at the comparison's length.
 */
export interface ShownValueFact {
  key: string;
  label: string;
  value: string;
  /** "inkl. moms" / "exkl. moms" for money, else null. */
  basis: string | null;
  comparison: {
    label: string;
    value: string;
    verdict: string;
    /** Each bar's length in percent of the longer one; null when a value is negative. */
    bars: { value: number; comparison: number } | null;
  } | null;
}

type Fact = InvoicePageData["valueFacts"][number];

interface MoneyUnit {
  /** Hundredths of an öre per thousandth of the stored value. */
  toCentiOre: (milli: number) => number;
  per: string | null;
}

/** "kr", "öre", "SEK" and their per-unit forms ("öre/kWh", "kr/GB") are money; the rest is not. */
export function moneyUnitOf(unit: string): MoneyUnit | null {
  const match = /^\s*(kr|sek|öre)\s*(?:\/\s*(\S.*?))?\s*$/i.exec(unit);
  if (!match) return null;
  const isOre = match[1]!.toLowerCase() === "öre";
  return {
    // A krona is 10 000 hundredths of an öre, so a thousandth of one is 10; an öre is 100.
    toCentiOre: isOre ? (milli) => roundDiv(milli, 10) : (milli) => milli * 10,
    per: match[2] ?? null,
  };
}

/** A biller's "Kostnad exkl. moms" would contradict a figure shown with VAT: the page says it. */
function withoutVatWords(label: string): string {
  return label
    .replace(/[\s,(]*(exkl\.?|exklusive|inkl\.?|inklusive)\s+moms\)?\s*$/i, "")
    .replace(/[\s,(]*(excl\.?|excluding|incl\.?|including)\s+VAT\)?\s*$/i, "")
    .trim();
}

function moneyText(centiOre: number, per: string | null, locale: Locale): string {
  if (per) return formatPricePerUnit(centiOre, { locale, unit: per });
  const ore = roundDiv(centiOre, 100);
  // Whole kronor once it is a sum worth rounding; below 100 kr the öre still matter.
  return Math.abs(ore) >= 10_000
    ? formatWholeKronor(ore, { locale })
    : formatMoneyCompact(ore, { locale });
}

function bars(value: number, comparison: number): { value: number; comparison: number } | null {
  if (value < 0 || comparison < 0) return null;
  const longest = Math.max(value, comparison);
  if (longest === 0) return { value: 0, comparison: 0 };
  return {
    value: Math.round((value * 100) / longest),
    comparison: Math.round((comparison * 100) / longest),
  };
}

export function showValueFact(
  fact: Fact,
  options: {
    locale: Locale;
    t: InvoiceMessages;
    basis: PriceBasis;
    /** The rate money facts are charged at (the invoice's main rate); null: no VAT. */
    vatRate: number | null;
  },
): ShownValueFact {
  const { locale, t } = options;
  const label = locale === "en" ? fact.labelEn : fact.labelSv;
  const comparisonLabel = locale === "en" ? fact.comparisonLabelEn : fact.comparisonLabelSv;
  const money = moneyUnitOf(fact.unit);
  if (money) {
    const shown = (milli: number) =>
      onBasis(money.toCentiOre(milli), options.vatRate, options.basis);
    const value = shown(fact.valueMilli);
    const comparison =
      fact.comparisonMilli !== null && comparisonLabel ? shown(fact.comparisonMilli) : null;
    // Differences below half an öre (per unit, or in all) are no difference to anyone.
    const difference = comparison === null ? 0 : value - comparison;
    const same = Math.abs(difference) < 50;
    const gap = moneyText(Math.abs(difference), money.per, locale);
    return {
      key: fact.key,
      label: withoutVatWords(label),
      value: moneyText(value, money.per, locale),
      basis: options.vatRate ? basisLabel(options.basis, locale) : null,
      comparison:
        comparison === null
          ? null
          : {
              label: withoutVatWords(comparisonLabel!),
              value: moneyText(comparison, money.per, locale),
              verdict: same
                ? t.value.samePrice
                : difference < 0
                  ? t.value.cheaper(gap)
                  : t.value.dearer(gap),
              bars: bars(value, comparison),
            },
    };
  }
  const percent = fact.unit.trim() === "%";
  const comparison = fact.comparisonMilli !== null && comparisonLabel ? fact.comparisonMilli : null;
  let verdict = "";
  if (comparison !== null) {
    const difference = fact.valueMilli - comparison;
    const gap = Math.abs(difference);
    const gapText = percent
      ? t.value.points(formatReadable(gap, { locale, percent: true }))
      : formatReadableWithUnit(gap, fact.unit, locale);
    // The same at the precision shown is the same.
    const shownGap = formatReadable(gap, { locale, percent });
    verdict =
      shownGap === "0"
        ? t.value.same
        : difference > 0
          ? t.value.higher(gapText)
          : t.value.lower(gapText);
  }
  return {
    key: fact.key,
    label,
    value: formatReadableWithUnit(fact.valueMilli, fact.unit, locale),
    basis: null,
    comparison:
      comparison === null
        ? null
        : {
            label: comparisonLabel!,
            value: formatReadableWithUnit(comparison, fact.unit, locale),
            verdict,
            bars: bars(fact.valueMilli, comparison),
          },
  };
}
