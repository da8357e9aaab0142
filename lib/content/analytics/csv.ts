import type { BlockAnalytics } from "@/lib/content/analytics/analytics";

const COLUMNS = [
  "variant",
  "weight",
  "impressions",
  "clicks",
  "click_rate",
  "click_rate_ci95_low",
  "click_rate_ci95_high",
  "accepts",
  "accept_rate",
  "accept_rate_ci95_low",
  "accept_rate_ci95_high",
  "survey_answers",
  "survey_mean",
  "nps",
  "invoices_due_or_paid",
  "paid_on_time",
  "paid_on_time_share",
  "invoices_paid_in_full",
  "mean_days_issue_to_payment",
  "customers",
  "customers_with_chat_contact_30d",
  "customers_with_plan_change",
] as const;

/**
 * A cell as text. Formula-looking text (=, +, -, @) is prefixed with a quote so a spreadsheet
 * shows it instead of running it (CSV injection); variant keys are single letters today, but
 * the rule holds for whatever text is added later.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(4);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One row per variant; rates are shares (0–1) so a spreadsheet can format them itself. */
export function analyticsToCsv(analytics: BlockAnalytics): string {
  const rows = analytics.variants.map((variant) => {
    const { outcomes } = variant;
    return [
      variant.key,
      variant.weight,
      variant.impressions,
      variant.clicks,
      variant.clickRate.rate,
      variant.clickRate.low,
      variant.clickRate.high,
      variant.accepts,
      variant.acceptRate.rate,
      variant.acceptRate.low,
      variant.acceptRate.high,
      variant.survey.answers,
      variant.survey.mean,
      variant.survey.nps,
      outcomes.decided,
      outcomes.paidOnTime,
      outcomes.decided > 0 ? outcomes.paidOnTime / outcomes.decided : null,
      outcomes.paidInFull,
      outcomes.meanDaysToPayment,
      outcomes.customers,
      outcomes.chatContacts,
      outcomes.planChanges,
    ].map(csvCell);
  });
  // CRLF per RFC 4180, which is what spreadsheet imports expect.
  return [COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n").concat("\r\n");
}

/** A file name a browser may save as: the block's name reduced to safe characters. */
export function analyticsFileName(blockName: string, today: string): string {
  const slug = blockName
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${slug || "block"}-analytics-${today}.csv`;
}
