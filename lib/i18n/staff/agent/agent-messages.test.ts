import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { moneySentences } from "@/components/agent/credit-confirmation";
import { issuedMessage } from "@/components/agent/credit-form";
import { InvoiceActions } from "@/components/agent/invoice-actions";
import { InvoiceFilters } from "@/components/agent/invoice-filters";
import { staleMessage } from "@/components/agent/use-invoice-change";
import { parseInvoiceSearch } from "@/lib/invoices/invoice-search-params";
import { keyShape } from "../key-shape";
import { agentChangeMessages } from "./changes";
import { agentInboxMessages } from "./inbox";
import { agentSearchMessages } from "./search";
import { agentStatusMessages } from "./statuses";
import { agentWorkspaceMessages } from "./workspace";

// Rendered outside Next: the forms' router is only used when they submit.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

describe("the support console's message files", () => {
  it.each([
    ["inbox", agentInboxMessages],
    ["search", agentSearchMessages],
    ["workspace", agentWorkspaceMessages],
    ["changes", agentChangeMessages],
    ["statuses", agentStatusMessages],
  ] as const)("%s: Swedish and English have the same keys", (_name, messages) => {
    expect(keyShape(messages.en)).toEqual(keyShape(messages.sv));
  });

  it("shows the invoice's changes in Swedish", () => {
    const html = renderToStaticMarkup(
      createElement(InvoiceActions, {
        invoiceId: "00000000-0000-4000-8000-000000000001",
        version: 2,
        status: "OPEN",
        kind: "INVOICE",
        dueDate: "2026-12-31",
        lines: [
          {
            id: "00000000-0000-4000-8000-000000000002",
            kind: "SUBSCRIPTION",
            description: "Bredband",
            quantityMilli: 3000,
            unit: "mån",
            unitPriceCentiOre: 1_000_000,
            discountOre: 0,
            netOre: 30_000,
            vatRate: 25,
            vatExemptionReason: null,
            remainingQuantityMilli: 1500,
          },
        ],
        fees: [],
        creditableOre: 12_500,
        customerHasEmail: true,
        locale: "sv",
      }),
    );
    expect(html).toContain("Ändra fakturan");
    expect([...html.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((match) => match[1])).toEqual([
      "Kreditera",
      "Anstånd",
      "Länk",
    ]);
    expect(html).toContain("delvis krediterad: 1,5 av 3 mån kvar");
    expect(html).toContain("Intern orsak (endast personal)");
    expect(html).toContain("Granska kreditfakturan");
  });

  it("shows the search's filters and statuses in Swedish", () => {
    const html = renderToStaticMarkup(
      createElement(InvoiceFilters, { params: parseInvoiceSearch({}).params, locale: "sv" }),
    );
    expect(html).toContain("Kundnamn eller kundnummer");
    expect(html).toContain("förfallen");
    expect(html).toContain("Rensa filter");
  });

  it("builds the staff's messages in Swedish", () => {
    expect(
      issuedMessage(
        {
          creditNoteId: "x",
          number: 1043,
          creditedOre: 12_500,
          refundedOre: 0,
          keptAsCreditOre: 0,
        },
        "sv",
      ),
    ).toBe("Kreditfaktura 1043 utfärdad: 125,00\u00a0kr har dragits av.");
    expect(staleMessage({ details: { currentVersion: 4 } }, "sv")).toMatch(
      /^Någon ändrade fakturan först \(den är nu i version 4\)/,
    );
    expect(
      moneySentences(
        {
          creditedOre: 12_500,
          netOre: 10_000,
          vatOre: 2_500,
          roundingOre: 0,
          vatGroups: [{ vatRate: 25, netOre: 10_000, vatOre: 2_500 }],
          completesInvoice: false,
          toPayBeforeOre: 37_500,
          toPayAfterOre: 25_000,
          moneyBackOre: 0,
          moneyBack: null,
          waivedFeesOre: 0,
        },
        "sv",
      ),
    ).toEqual(["250,00\u00a0kr återstår att betala i stället för 375,00\u00a0kr."]);
  });
});
