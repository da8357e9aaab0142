import type { OfferComparison } from "@/lib/content/blocks/block-offer";
import type { Locale } from "@/lib/db/generated/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { formatMoneyCompact } from "@/lib/money/money";
import { formatStaffMoney } from "@/lib/money/staff-money";
import { approximateKronor } from "@/lib/offers/offer-figures";

// The console writes amounts the Swedish way (staff-money.ts); yearly estimates in round kronor.
const yearly = (amountOre: number, direction: "down" | "up") =>
  formatMoneyCompact(approximateKronor(amountOre, direction), { locale: "sv" });

/**
 * What the offer means for the previewed customer, beside their current plan: a warning when the
 * offered plan is dearer for them — on their usage when it is known, else by the monthly fee —
 * so a marketer sees it before the offer goes out. (The customer's page says so too.)
 */
export function OfferCostWarning({
  comparison,
  customerName,
  locale,
}: {
  comparison: OfferComparison;
  customerName: string;
  locale: Locale;
}) {
  const t = marketingMessages[locale].cost;
  const { planName, currentPlanName, annualSavingOre, monthsConsidered } = comparison;
  const current = currentPlanName ?? t.currentPlan;
  if (comparison.isCurrentPlan) {
    return <Note tone="info">{t.alreadyHas(customerName, planName)}</Note>;
  }
  const period = t.period(monthsConsidered);
  const words = { plan: planName, customer: customerName, current, period };
  if (annualSavingOre !== null && annualSavingOre < 0) {
    return (
      <Note tone="warning">{t.dearer({ ...words, amount: yearly(-annualSavingOre, "up") })}</Note>
    );
  }
  if (annualSavingOre !== null && annualSavingOre > 0) {
    return (
      <Note tone="info">{t.saves({ ...words, amount: yearly(annualSavingOre, "down") })}</Note>
    );
  }
  const { monthlyFeeOre, currentMonthlyFeeOre } = comparison;
  if (currentMonthlyFeeOre !== null && monthlyFeeOre > currentMonthlyFeeOre) {
    return (
      <Note tone="warning">
        {t.higherFee({
          ...words,
          fee: formatStaffMoney(monthlyFeeOre),
          currentFee: formatStaffMoney(currentMonthlyFeeOre),
        })}
      </Note>
    );
  }
  return null;
}

function Note({ tone, children }: { tone: "warning" | "info"; children: React.ReactNode }) {
  return (
    <p
      role="note"
      data-testid="offer-cost-note"
      data-tone={tone}
      className={`rounded border p-2 text-sm ${tone === "warning" ? "border-amber-400 bg-amber-50 text-amber-950" : "border-slate-300 bg-white text-slate-800"}`}
    >
      {children}
    </p>
  );
}
