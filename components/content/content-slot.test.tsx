import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ContentSlot } from "@/components/content/content-slot";
import type { SelectedBlock } from "@/lib/content/blocks/select-blocks";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

function offerBlock(
  offer: Partial<NonNullable<SelectedBlock["offer"]>>,
  title = "Ett elpris som följer marknaden",
): SelectedBlock {
  return {
    blockId: "b1",
    variantId: "v1",
    variantKey: "A",
    kind: "OFFER",
    slot: "OFFERS",
    content: { title, body: "Byt när du vill." },
    offer: {
      planId: "p1",
      planName: "Rörligt elpris",
      monthlyFeeOre: 4_875,
      currentPlanName: "Fast pris",
      annualSavingOre: 116_219,
      priceBasis: "incl-vat",
      isSavingInTitle: false,
      effectiveFrom: new Date("2026-12-01T00:00:00Z"),
      acceptedAt: null,
      ...offer,
    },
  };
}

const render = (block: SelectedBlock, locale: "sv" | "en" = "sv") =>
  renderToStaticMarkup(
    createElement(ContentSlot, { blocks: [block], slot: "OFFERS", locale, link: null }),
  )
    .replace(/\u00a0/g, " ")
    .replace(/&#x27;/g, "'");

describe("an offer on the invoice page", () => {
  it("leads with the saving in round kronor, before any tap", () => {
    const html = render(offerBlock({}));
    expect(html).toContain("Spara ca 1 150 kr per år med Rörligt elpris");
    expect(html).not.toContain("1 162,19");
  });

  it("tells a business its saving excl. VAT, and says so", () => {
    const html = render(offerBlock({ annualSavingOre: 92_975, priceBasis: "excl-vat" }));
    expect(html).toContain("Spara ca 920 kr exkl. moms per år med Rörligt elpris");
    expect(render(offerBlock({ annualSavingOre: 92_975, priceBasis: "excl-vat" }), "en")).toContain(
      "Save about SEK 920 excl. VAT a year with Rörligt elpris",
    );
  });

  it("speaks one money format in English", () => {
    const html = render(offerBlock({}), "en");
    expect(html).toContain("Save about SEK 1,150 a year with Rörligt elpris");
    expect(html).not.toMatch(/\d kr\b/);
  });

  it("adds no second saving line when the marketer's title already states it", () => {
    const html = render(
      offerBlock({ isSavingInTitle: true }, "Spara ca 1 150 kr med Rörligt elpris"),
    );
    expect(html).not.toContain('data-testid="offer-headline"');
  });

  it("says honestly what a dearer plan would have cost, instead of a saving", () => {
    const html = render(offerBlock({ annualSavingOre: -31_201, planName: "Fast pris" }));
    expect(html).toContain("Med din förbrukning hade Fast pris kostat ca 320 kr mer per år");
    expect(html).not.toContain("Spara");
  });

  it("says nothing about money when the customer's usage is unknown", () => {
    const html = render(offerBlock({ annualSavingOre: null }));
    expect(html).not.toContain('data-testid="offer-headline"');
  });
});
