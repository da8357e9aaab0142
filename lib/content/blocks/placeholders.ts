import { PLACEHOLDERS, type Placeholder } from "@/lib/content/blocks/placeholder-names";
import type { Db } from "@/lib/db/database";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import { formatMoney } from "@/lib/money/money";
import { roundDiv } from "@/lib/money/rounding";
import { monthsBetween } from "@/lib/support/tenure";

export { PLACEHOLDERS, type Placeholder } from "@/lib/content/blocks/placeholder-names";

/**
 * The customer's own values for the placeholders (those that apply to them). {{saving}} belongs to
 * an offer, not to the customer: it is filled per offer (select-blocks.ts).
 */
export async function loadPlaceholderValues(
  db: Db,
  options: { customerId: string; locale: Locale; today: Date },
): Promise<Partial<Record<Placeholder, string>>> {
  const customer = await db.customer.findUnique({
    where: { id: options.customerId },
    select: {
      name: true,
      customerSince: true,
      contracts: {
        where: {
          OR: [{ endsOn: null }, { endsOn: { gte: options.today } }],
          startsOn: { lte: options.today },
        },
        orderBy: { startsOn: "desc" },
        take: 1,
        select: {
          campaignEndsOn: true,
          campaignMonthlyFeeOre: true,
          plan: { select: { name: true, nameEn: true, monthlyFeeOre: true, vatRate: true } },
        },
      },
    },
  });
  if (!customer) return {};
  const money = (ore: number) => formatMoney(ore, { locale: options.locale });
  const contract = customer.contracts[0];
  const values: Partial<Record<Placeholder, string>> = {
    firstName: customer.name.split(/\s+/)[0] ?? customer.name,
    customerYears: String(Math.floor(monthsBetween(customer.customerSince, options.today) / 12)),
  };
  if (contract) {
    const planName =
      options.locale === "en" ? (contract.plan.nameEn ?? contract.plan.name) : contract.plan.name;
    values.planName = planName;
    // Prices are stored without VAT; customers read them with VAT, as on their invoice.
    const withVat = (ore: number) => roundDiv(ore * (100 + contract.plan.vatRate), 100);
    const campaignRunning =
      contract.campaignEndsOn !== null &&
      contract.campaignMonthlyFeeOre !== null &&
      contract.campaignEndsOn >= options.today;
    values.monthlyFee = money(
      withVat(
        campaignRunning ? (contract.campaignMonthlyFeeOre ?? 0) : contract.plan.monthlyFeeOre,
      ),
    );
    values.priceAfterCampaign = money(withVat(contract.plan.monthlyFeeOre));
    if (contract.campaignEndsOn && campaignRunning) {
      values.campaignEndsOn = formatLongDate(contract.campaignEndsOn, options.locale);
    }
  }
  return values;
}

/**
 * Fills {{name}} in a marketer's text. Values are stripped of the markup's special characters
 * first, so a customer's name can never become formatting or a link; unknown names stay as written.
 */
export function fillPlaceholders(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => {
    const value = placeholderValue(values, name);
    return value === undefined ? whole : value.replace(/[*_[\]()<>`#\\]/g, "");
  });
}

/**
 * A placeholder's value: only for names in PLACEHOLDERS, and only the values' own strings, so
 * `{{constructor}}` or `{{toString}}` are unknown names, never Object.prototype's functions.
 */
function placeholderValue(
  values: Partial<Record<string, string>>,
  name: string,
): string | undefined {
  if (!isPlaceholder(name) || !Object.hasOwn(values, name)) return undefined;
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** True when the text uses a placeholder the customer has no value for (then it is not shown). */
export function hasUnfilledPlaceholder(
  text: string,
  values: Partial<Record<string, string>>,
): boolean {
  return [...text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].some(
    (match) =>
      isPlaceholder(match[1] ?? "") && placeholderValue(values, match[1] ?? "") === undefined,
  );
}

/** Whether the text writes {{name}} (with or without spaces inside the braces). */
export function usesPlaceholder(text: string, name: Placeholder): boolean {
  return [...text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].some((match) => match[1] === name);
}
