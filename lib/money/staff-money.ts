import { formatMoney } from "@/lib/money/money";

/**
 * The one way the staff consoles write an amount: Swedish ("1 234,50 kr"), whatever the
 * customer's language. Agents type amounts the Swedish way (parseMoney with locale "sv"), the
 * invoices they look at are in kronor, and one format means an amount read in a table, a form
 * and an error message can be compared at a glance.
 */
export function formatStaffMoney(amountOre: number): string {
  return formatMoney(amountOre, { locale: "sv" });
}
