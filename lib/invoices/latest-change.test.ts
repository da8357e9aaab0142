import { describe, expect, it } from "vitest";
import { creditFingerprint } from "@/lib/invoices/credit-duplicates";
import { actorLabel, describeInvoiceEvent } from "@/lib/invoices/latest-change";

describe("what the last change was, in an agent's words", () => {
  it("names credits with their amount and credit note, a full credit as such", () => {
    expect(
      describeInvoiceEvent({
        type: "CREDIT_NOTE_ISSUED",
        data: { creditNoteNumber: 312, creditedOre: 12_500, mode: "lines" },
      }),
    ).toBe("credited 125,00\u00a0kr (credit note 312)");
    expect(
      describeInvoiceEvent({ type: "CREDITED", data: { creditNoteNumber: 7, creditedOre: 100 } }),
    ).toBe("credited the invoice in full (credit note 7)");
    expect(
      describeInvoiceEvent({
        type: "COMPENSATION_CREDITED",
        data: { creditNoteNumber: 8, creditedOre: 5_000 },
      }),
    ).toBe("gave 50,00\u00a0kr in compensation (credit note 8)");
  });

  it("names payments, respites, fees and the rest, and falls back on the event's type", () => {
    expect(describeInvoiceEvent({ type: "PAYMENT_RECEIVED", data: { amountOre: 99 } })).toBe(
      "recorded a payment of 0,99\u00a0kr",
    );
    expect(describeInvoiceEvent({ type: "RESPITE_GRANTED", data: { dueDate: "2026-12-31" } })).toBe(
      "moved the due date to 2026-12-31",
    );
    expect(describeInvoiceEvent({ type: "FEE_WAIVED", data: { amountOre: 6_000 } })).toBe(
      "waived a fee of 60,00\u00a0kr",
    );
    expect(describeInvoiceEvent({ type: "STATUS_CHANGED", data: { to: "OVERDUE" } })).toBe(
      "changed its status to overdue",
    );
    expect(describeInvoiceEvent({ type: "SOMETHING_NEW", data: null })).toBe(
      "changed it (something new)",
    );
    // Data of the wrong shape never breaks the sentence.
    expect(describeInvoiceEvent({ type: "PAYMENT_RECEIVED", data: { amountOre: "x" } })).toBe(
      "recorded a payment of an amount",
    );
  });

  it("names who did it", () => {
    expect(actorLabel("STAFF", "Anna Agent")).toBe("Anna Agent");
    expect(actorLabel("STAFF", null)).toBe("a colleague");
    expect(actorLabel("CUSTOMER", null)).toBe("the customer");
    expect(actorLabel("SYSTEM", null)).toBe("the system");
    expect(actorLabel("API", null)).toBe("the billing system (API)");
  });
});

describe("creditFingerprint", () => {
  const line = (position: number, quantityMilli: number, vatRate = 25) => ({
    position,
    quantityMilli,
    vatRate,
  });

  it("is the same for the same lines in any order, and differs by quantity", () => {
    const a = creditFingerprint("lines", {
      totalOre: -100,
      lines: [line(1, -1000), line(2, -500)],
    });
    const b = creditFingerprint("lines", { totalOre: -90, lines: [line(2, -500), line(1, -1000)] });
    expect(a).toBe(b);
    expect(creditFingerprint("lines", { totalOre: -100, lines: [line(1, -2000)] })).not.toBe(
      creditFingerprint("lines", { totalOre: -100, lines: [line(1, -1000)] }),
    );
  });

  it("tells amount from compensation, and amounts and rates apart", () => {
    const note = { totalOre: -5_000, lines: [line(0, -1000)] };
    expect(creditFingerprint("amount", note)).toBe("amount:5000@25");
    expect(creditFingerprint("goodwill", note)).toBe("goodwill:5000@25");
    expect(creditFingerprint("amount", { ...note, totalOre: -5_001 })).not.toBe(
      creditFingerprint("amount", note),
    );
    expect(creditFingerprint("amount", { totalOre: -5_000, lines: [line(0, -1000, 12)] })).not.toBe(
      creditFingerprint("amount", note),
    );
  });
});
