import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { moneySentences } from "@/components/agent/credit-confirmation";
import { CreditForm, issuedMessage } from "@/components/agent/credit-form";
import { staleMessage } from "@/components/agent/use-invoice-change";
import type { CreditNotePreview } from "@/lib/invoices/credit-note-preview";

// Rendered outside Next: the form's router is only used when it submits.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const line = (id: string, description: string, remainingQuantityMilli: number) => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  description,
  quantityMilli: 3000,
  unit: "mån",
  netOre: 30_000,
  vatRate: 25,
  remainingQuantityMilli,
});

describe("the credit form", () => {
  it("shows lines already credited as such, and they cannot be chosen again", () => {
    const html = renderToStaticMarkup(
      createElement(CreditForm, {
        invoiceId: "00000000-0000-4000-8000-000000000009",
        version: 3,
        vatRates: [25],
        lines: [line("1", "Bredband", 0), line("2", "Router", 1000), line("3", "Tv", 3000)],
        locale: "en",
      }),
    );
    const rows = [...html.matchAll(/data-testid="credit-line" data-credited="(\w+)"/g)].map(
      (match) => match[1],
    );
    expect(rows).toEqual(["all", "part", "none"]);
    expect(html).toContain("already credited");
    expect(html).toContain("partly credited: 1 of 3 mån left");
    // The credited line's checkbox is disabled and has no quantity field; the others have both.
    expect(html).toContain(
      '<input type="checkbox" disabled="" name="line-00000000-0000-4000-8000-000000000001"/>',
    );
    expect(html).toContain(
      '<input type="checkbox" name="line-00000000-0000-4000-8000-000000000002"/>',
    );
    expect(html).not.toContain('name="quantity-00000000-0000-4000-8000-000000000001"');
    expect(html).toContain('name="quantity-00000000-0000-4000-8000-000000000002"');
    // It asks for a review first: nothing is issued by the first button.
    expect(html).toContain("Review credit note");
    expect(html).not.toContain(">Issue credit note<");
  });

  it("names the credit note it made", () => {
    expect(
      issuedMessage(
        {
          creditNoteId: "x",
          number: 1043,
          creditedOre: 12_500,
          refundedOre: 0,
          keptAsCreditOre: 0,
        },
        "en",
      ),
    ).toBe("Credit note 1043 issued: 125,00\u00a0kr taken off.");
    expect(
      issuedMessage(
        {
          creditNoteId: "x",
          number: 1044,
          creditedOre: 12_500,
          refundedOre: 12_500,
          keptAsCreditOre: 0,
        },
        "en",
      ),
    ).toBe("Credit note 1044 issued: 125,00\u00a0kr taken off. 125,00\u00a0kr refunded.");
  });
});

describe("the credit's confirmation", () => {
  const preview: CreditNotePreview = {
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
  };

  it("says what is left to pay afterwards", () => {
    expect(moneySentences(preview, "en")).toEqual([
      "250,00\u00a0kr is left to pay instead of 375,00\u00a0kr.",
    ]);
  });

  it("says where money the customer gets back goes", () => {
    const paid = { ...preview, toPayBeforeOre: 0, toPayAfterOre: 0, moneyBackOre: 12_500 };
    expect(
      moneySentences({ ...paid, moneyBack: "refund", refundMethods: ["swish"] }, "en"),
    ).toEqual([
      "125,00\u00a0kr goes back to the customer: refunded by Swish, to the account they paid from.",
    ]);
    expect(moneySentences({ ...paid, moneyBack: "credit_balance" }, "en")).toEqual([
      "125,00\u00a0kr they have paid stays with you as the customer's credit (not paid out).",
    ]);
  });

  it("names fees waived with the last of the invoice", () => {
    expect(
      moneySentences(
        {
          ...preview,
          toPayAfterOre: 0,
          completesInvoice: true,
          waivedFeesOre: 6_000,
        },
        "en",
      ),
    ).toEqual([
      "Nothing is left to pay (375,00\u00a0kr was).",
      "Reminder fees of 60,00\u00a0kr are waived with it.",
    ]);
  });
});

describe("a stale refusal", () => {
  it("says who changed the invoice first and what they did", () => {
    expect(
      staleMessage(
        {
          details: {
            currentVersion: 4,
            changedBy: "Anna Agent",
            change: "credited 125,00\u00a0kr (credit note 1043)",
          },
        },
        "en",
      ),
    ).toBe(
      "Anna Agent changed this invoice first: credited 125,00\u00a0kr (credit note 1043). The newest state (version 4) is shown; check it and try again.",
    );
    expect(
      staleMessage(
        { details: { currentVersion: 4, changedBy: "the customer", change: "x" } },
        "en",
      ),
    ).toMatch(/^The customer changed this invoice first/);
    expect(staleMessage({ details: { currentVersion: 4 } }, "en")).toMatch(
      /^Someone changed this invoice first \(it is now at version 4\)/,
    );
  });
});
