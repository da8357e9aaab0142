/**
 * The names marketers may write in a block's text as {{name}}, each filled per customer, with what
 * the editor's help says about each. Kept apart from placeholders.ts (which reads the database) so
 * the editor in the browser can list them.
 */
export const PLACEHOLDER_HELP = {
  firstName: "the customer's first name",
  customerYears: "whole years as a customer",
  planName: "the customer's current plan",
  monthlyFee: "their monthly fee incl. VAT (the campaign fee while it runs)",
  campaignEndsOn: "the day their campaign ends (only customers with a running campaign)",
  priceAfterCampaign: "their monthly fee incl. VAT after the campaign",
  saving:
    'offers only: what the offered plan saves this customer a year, "ca 1 150 kr" / "about SEK 1,150" (only customers it saves money)',
} as const;

export type Placeholder = keyof typeof PLACEHOLDER_HELP;

export const PLACEHOLDERS = Object.keys(PLACEHOLDER_HELP) as readonly Placeholder[];
