import type { OfferComparison } from "@/lib/content/blocks/block-offer";
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
}: {
  comparison: OfferComparison;
  customerName: string;
}) {
  const { planName, currentPlanName, annualSavingOre, monthsConsidered } = comparison;
  const current = currentPlanName ?? "their current plan";
  if (comparison.isCurrentPlan) {
    return (
      <Note tone="info">
        {customerName} already has {planName}: the offer is not shown to them.
      </Note>
    );
  }
  const period = monthsConsidered === 1 ? "the last month" : `the last ${monthsConsidered} months`;
  if (annualSavingOre !== null && annualSavingOre < 0) {
    return (
      <Note tone="warning">
        ⚠ {planName} is more expensive for {customerName} than {current}: about{" "}
        {yearly(-annualSavingOre, "up")} more a year incl. VAT, on their usage over {period}. The
        offer tells the customer so; an offer text with {"{{saving}}"} is not shown to them.
      </Note>
    );
  }
  if (annualSavingOre !== null && annualSavingOre > 0) {
    return (
      <Note tone="info">
        {planName} would save {customerName} about {yearly(annualSavingOre, "down")} a year incl.
        VAT compared with {current}, on their usage over {period}.
      </Note>
    );
  }
  const { monthlyFeeOre, currentMonthlyFeeOre } = comparison;
  if (currentMonthlyFeeOre !== null && monthlyFeeOre > currentMonthlyFeeOre) {
    return (
      <Note tone="warning">
        ⚠ {planName} has a higher monthly fee than {current} ({formatStaffMoney(monthlyFeeOre)}{" "}
        against {formatStaffMoney(currentMonthlyFeeOre)} incl. VAT). {customerName}'s usage is not
        known, so the yearly cost cannot be compared.
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
