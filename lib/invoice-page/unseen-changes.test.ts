import { describe, expect, it } from "vitest";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { liveChanges } from "@/lib/invoice-page/live-changes";
import { type LiveChange, unseenChangeTexts } from "@/lib/invoice-page/unseen-changes";

const payment: LiveChange = { id: "payment", text: "Vi har tagit emot 1 000 kr med kort" };
const credit: LiveChange = { id: "credit", text: "36 kr har krediterats — pengarna återbetalas" };
const refund: LiveChange = { id: "refund", text: "36 kr återbetalas", partOf: "credit" };
const respite: LiveChange = { id: "respite", text: "Ny förfallodag: 28 februari 2026" };
const changes = [payment, credit, refund, respite];

describe("unseenChangeTexts", () => {
  it("says nothing when every change was there when the page was opened", () => {
    expect(unseenChangeTexts(changes, new Set(changes.map((change) => change.id)))).toEqual([]);
    expect(unseenChangeTexts([], new Set())).toEqual([]);
  });

  it("says the changes not seen, oldest first, and a refund told with its credit only once", () => {
    expect(unseenChangeTexts(changes, new Set())).toEqual([
      payment.text,
      credit.text,
      respite.text,
    ]);
    expect(unseenChangeTexts(changes, new Set(["payment"]))).toEqual([credit.text, respite.text]);
  });

  it("says a refund on its own when its credit was already seen", () => {
    expect(unseenChangeTexts(changes, new Set(["payment", "credit"]))).toEqual([
      refund.text,
      respite.text,
    ]);
  });

  it("says a refund on its own when the credit it belongs to is not among the changes", () => {
    const orphan: LiveChange = { id: "refund-2", text: "20 kr återbetalas", partOf: "gone" };
    expect(unseenChangeTexts([orphan], new Set())).toEqual([orphan.text]);
  });

  it("tells a credit and its refund once when both arrive while the page is open", () => {
    const { sv } = invoiceMessages;
    const opened = [
      { id: "a", type: "PAYMENT_RECEIVED", data: { amountOre: 3_600, method: "card" } },
    ];
    const now = [
      ...opened,
      { id: "b", type: "CREDITED", data: { creditedOre: 3_600 } },
      {
        id: "c",
        type: "PAYMENT_REFUNDED",
        data: { amountOre: 3_600, status: "PENDING", to: "card" },
      },
    ];
    const seen = new Set(liveChanges(opened, "sv", sv).map((change) => change.id));
    expect(unseenChangeTexts(liveChanges(now, "sv", sv), seen)).toEqual([
      "36\u00a0kr har krediterats — pengarna återbetalas till ditt kort inom 5–10 bankdagar",
    ]);
  });
});
