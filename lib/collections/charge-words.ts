import type { FeeKind, FeeReason, InterestReason, PauseReason } from "@/lib/collections/engine";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import { formatMoney } from "@/lib/money/money";

/**
 * Every charge in plain words with its legal basis, and every "no" with its reason: the same
 * sentences in the reminder, on the page, in the forecast and in the console.
 */

export interface StepCharges {
  feeOre: number;
  feeKind: FeeKind | null;
  interestOre: number;
  interestFrom: Date | null;
  interestThrough: Date | null;
  interestRateBasisPoints: number | null;
}

const percent = (basisPoints: number, locale: Locale) =>
  `${(basisPoints / 100).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

/** What a step charges, with the law behind it; "Ingen avgift tas ut." when nothing. */
export function chargesText(charges: StepCharges, locale: Locale): string {
  const money = (ore: number) => formatMoney(ore, { locale });
  const parts: string[] = [];
  if (charges.feeKind && charges.feeOre > 0)
    parts.push(feeText(charges.feeKind, money(charges.feeOre), locale));
  if (charges.interestOre > 0 && charges.interestFrom && charges.interestThrough) {
    const rate = percent(charges.interestRateBasisPoints ?? 0, locale);
    const from = formatLongDate(charges.interestFrom, locale);
    const through = formatLongDate(charges.interestThrough, locale);
    parts.push(
      locale === "sv"
        ? `Dröjsmålsränta ${money(charges.interestOre)} för ${from}–${through} enligt räntelagen 6 §: Riksbankens referensränta plus 8 procentenheter (${rate} per år).`
        : `Late-payment interest of ${money(charges.interestOre)} for ${from}–${through} under the Swedish Interest Act, section 6: the Riksbank's reference rate plus 8 percentage points (${rate} a year).`,
    );
  }
  if (parts.length === 0) return locale === "sv" ? "Ingen avgift tas ut." : "No fee is charged.";
  return parts.join(" ");
}

function feeText(kind: FeeKind, amount: string, locale: Locale): string {
  switch (kind) {
    case "reminder-fee":
      return locale === "sv"
        ? `Påminnelseavgift ${amount}, som du godkände i avtalet (lagen om ersättning för inkassokostnader 2 §).`
        : `A reminder fee of ${amount}, which you agreed to in your contract (Swedish Debt Recovery Costs Act, section 2).`;
    case "late-payment-compensation":
      return locale === "sv"
        ? `Förseningsersättning ${amount} för företag (lagen om ersättning för inkassokostnader 4 a §).`
        : `Late-payment compensation of ${amount} for businesses (Swedish Debt Recovery Costs Act, section 4 a).`;
    case "collection-fee":
      return locale === "sv"
        ? `Inkassoavgift ${amount} (lagen om ersättning för inkassokostnader 3 §).`
        : `A collection fee of ${amount} (Swedish Debt Recovery Costs Act, section 3).`;
  }
}

/** Why a step charges no fee (or the fee it does), for the forecast and the console. */
export function feeReasonText(reason: FeeReason, locale: Locale): string {
  const sv: Record<FeeReason, string> = {
    "courtesy-never-charges": "En vänlig påminnelse före förfallodagen kostar aldrig något.",
    "policy-charges-no-fee": "Policyn tar ingen avgift i det här steget.",
    "no-fee": "Organisationen har ingen påminnelseavgift.",
    "not-agreed": "Kunden har inte avtalat om påminnelseavgift.",
    "agreed-too-late": "Avgiften avtalades först efter att skulden uppkom.",
    "already-charged": "Avgiften är redan tagen för den här fordran (en gång per fordran).",
    "below-threshold": "Beloppet är under policyns gräns för avgift.",
    "compensation-instead": "Förseningsersättning är tagen; ingen inkassoavgift därutöver.",
    "reminder-fee": "Påminnelseavgift enligt avtal, högst 60 kr.",
    "late-payment-compensation": "Förseningsersättning 450 kr (företagskund).",
    "collection-fee": "Inkassoavgift 180 kr vid överlämning.",
  };
  const en: Record<FeeReason, string> = {
    "courtesy-never-charges": "A courtesy before the due date never costs anything.",
    "policy-charges-no-fee": "The policy charges no fee at this step.",
    "no-fee": "The organisation has no reminder fee.",
    "not-agreed": "The customer has not agreed to a reminder fee.",
    "agreed-too-late": "The fee was agreed only after the debt arose.",
    "already-charged": "The fee was already charged on this claim (once per claim).",
    "below-threshold": "The amount is below the policy's threshold for a fee.",
    "compensation-instead": "Late-payment compensation was charged; no collection fee on top.",
    "reminder-fee": "Reminder fee as agreed, at most 60 kr.",
    "late-payment-compensation": "Late-payment compensation of 450 kr (business customer).",
    "collection-fee": "Collection fee of 180 kr at handover.",
  };
  return (locale === "sv" ? sv : en)[reason];
}

export function interestReasonText(reason: InterestReason, locale: Locale): string {
  const sv: Record<InterestReason, string> = {
    "policy-charges-no-interest": "Policyn tar ingen dröjsmålsränta.",
    "courtesy-never-charges": "Ingen ränta före förfallodagen.",
    "below-minimum": "Räntan är under policyns minsta belopp; den räknas vidare till nästa steg.",
    charged: "Dröjsmålsränta enligt räntelagen: referensräntan + 8 procentenheter.",
    "none-accrued": "Ingen ränta har löpt.",
    "rate-unknown":
      "Referensräntan för perioden saknas i listan; ingen ränta tas ut förrän den finns.",
  };
  const en: Record<InterestReason, string> = {
    "policy-charges-no-interest": "The policy charges no late-payment interest.",
    "courtesy-never-charges": "No interest before the due date.",
    "below-minimum": "The interest is below the policy's minimum; it carries on to the next step.",
    charged: "Late-payment interest under the Interest Act: reference rate + 8 percentage points.",
    "none-accrued": "No interest has accrued.",
    "rate-unknown": "The reference rate for the period is not on record; no interest until it is.",
  };
  return (locale === "sv" ? sv : en)[reason];
}

export function pauseReasonText(reason: PauseReason, locale: Locale): string {
  const sv: Record<PauseReason, string> = {
    DISPUTE: "Pausad: kunden har invänt mot fakturan och ärendet utreds.",
    PAYMENT_PLAN: "Pausad: en avbetalningsplan gäller.",
    PAYMENT_IN_FLIGHT: "Pausad: en betalning är på väg.",
  };
  const en: Record<PauseReason, string> = {
    DISPUTE: "Paused: the customer disputes the invoice and it is being looked into.",
    PAYMENT_PLAN: "Paused: a payment plan is in force.",
    PAYMENT_IN_FLIGHT: "Paused: a payment is on its way.",
  };
  return (locale === "sv" ? sv : en)[reason];
}
