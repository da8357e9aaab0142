import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InvoiceLines } from "@/components/invoice/invoice-lines";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import type { Locale } from "@/lib/money/money";
import { invoiceData, LINES, line } from "@/tests/helpers/invoice-page-fixture";

function render(data: InvoicePageData, locale: Locale): string {
  return renderToStaticMarkup(
    createElement(InvoiceLines, { data, locale, t: invoiceMessages[locale] }),
  );
}

/** The text of every element with a data-testid, no-break spaces as plain ones. */
function cells(html: string, testId: string): string[] {
  const pattern = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`, "g");
  return [...html.matchAll(pattern)].map((match) =>
    (match[1] ?? "").replace(/[\u00A0\u202F]/g, " ").replace(/&#x27;/g, "'"),
  );
}

describe("the invoice page's lines", () => {
  it("prints unit prices per unit, as Swedish energy invoices do", () => {
    const sv = cells(render(invoiceData(), "sv"), "unit-price");
    expect(sv).toContain("109,37 öre/kWh");
    expect(sv).toContain("36,00 öre/kWh");
    expect(sv).toContain("312,00 kr/mån");
    expect(sv).toContain("−100,00 kr/st");
    const en = cells(render(invoiceData(), "en"), "unit-price");
    expect(en).toContain("SEK 1.0937/kWh");
    expect(en.join(" ")).not.toContain("öre");
    expect(en).toContain("SEK 312.00/mo");
    expect(en).toContain("SEK 50.00/pcs");
  });

  it("says a known 0 % reason in English on an English page, and other text as written", () => {
    const lines = [
      ...LINES,
      line(8, {
        description: "Installation",
        quantityMilli: 1000,
        unit: "st",
        unitPriceCentiOre: 100_000,
        vatRate: 0,
        vatExemptionReason: "Undantag från skatteplikt enligt 10 kap. ML",
      }),
    ];
    const en = cells(render(invoiceData({ lines }), "en"), "line-no-vat");
    expect(en).toEqual([
      "No VAT: Gåva, utanför mervärdesskattens tillämpningsområde",
      "No VAT: Exempt from VAT under Chapter 10 of the Swedish VAT Act (ML)",
    ]);
    const sv = cells(render(invoiceData({ lines }), "sv"), "line-no-vat");
    expect(sv).toContain("Ingen moms: Undantag från skatteplikt enligt 10 kap. ML");
  });
  it("shows a stored value it cannot format as a dash, never failing the page, and the other lines as usual", () => {
    // Written by an older version or by hand: a quantity in thousandths that is not whole, a
    // unit price and a net past what a number holds exactly.
    const broken = {
      ...LINES[0]!,
      quantityMilli: 1.5,
      unitPriceCentiOre: 2 ** 60,
      netOre: Number.POSITIVE_INFINITY,
    };
    const data = invoiceData();
    const html = render({ ...data, lines: [broken, ...LINES.slice(1)] }, "sv");
    const amounts = cells(html, "line-amount");
    expect(amounts.filter((amount) => amount === "–")).toHaveLength(1);
    expect(cells(html, "unit-price").filter((price) => price === "–")).toHaveLength(1);
    expect(html.replace(/[\u00A0\u202F]/g, " ")).toContain("– mån");
    // The other lines are printed as ever.
    expect(cells(html, "unit-price")).toContain("36,00 öre/kWh");
    const others = amounts.filter((amount) => amount !== "–");
    expect(others).toHaveLength(LINES.length - 1);
    for (const amount of others) expect(amount).toMatch(/^−?[\d ]+,\d\d$/);
  });
});
