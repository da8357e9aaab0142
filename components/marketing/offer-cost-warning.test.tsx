import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OfferCostWarning } from "@/components/marketing/offer-cost-warning";
import type { OfferComparison } from "@/lib/content/blocks/block-offer";

const comparison = (overrides: Partial<OfferComparison>): OfferComparison => ({
  planName: "Dyr el",
  isCurrentPlan: false,
  currentPlanName: "Fast pris",
  annualSavingOre: -232_500,
  monthsConsidered: 12,
  monthlyFeeOre: 12_375,
  currentMonthlyFeeOre: 6_125,
  ...overrides,
});

const render = (overrides: Partial<OfferComparison>) =>
  renderToStaticMarkup(
    createElement(OfferCostWarning, {
      comparison: comparison(overrides),
      customerName: "Anna",
      locale: "en",
    }),
  )
    .replace(/\u00a0/g, " ")
    .replace(/&#x27;/g, "'");

describe("the editor's preview beside the customer's current plan", () => {
  it("warns when the offered plan would have cost the customer more on their usage", () => {
    const html = render({});
    expect(html).toContain('data-tone="warning"');
    expect(html).toContain(
      "Dyr el is more expensive for Anna than Fast pris: about 2 350 kr more a year incl. VAT, on their usage over the last 12 months.",
    );
  });

  it("warns by the monthly fee when the customer's usage is unknown", () => {
    const html = render({ annualSavingOre: null });
    expect(html).toContain('data-tone="warning"');
    expect(html).toContain(
      "Dyr el has a higher monthly fee than Fast pris (123,75 kr against 61,25 kr",
    );
  });

  it("does not warn about a plan that saves the customer money", () => {
    const html = render({ planName: "Rörligt elpris", annualSavingOre: 142_500 });
    expect(html).toContain('data-tone="info"');
    expect(html).toContain("Rörligt elpris would save Anna about 1 400 kr a year");
    expect(render({ annualSavingOre: null, monthlyFeeOre: 4_875 })).toBe("");
  });

  it("says when the customer already has the offered plan", () => {
    expect(render({ isCurrentPlan: true })).toContain("Anna already has Dyr el");
  });
});
