import { describe, expect, it } from "vitest";
import { type CreditSettlement, settlementText } from "./credit-note-messages";
import { invoiceMessages } from "./invoice-messages";

/** Text with the no-break spaces of formatted money as plain spaces. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, " ");

const back = (settlement: Partial<CreditSettlement>): CreditSettlement => ({
  toPayBeforeOre: 0,
  toPayAfterOre: 0,
  moneyBackOre: 5_000,
  moneyBack: "refund",
  ...settlement,
});

describe("what a credit note tells the customer happens to the money", () => {
  it("names the way a refund goes back: the card, Swish, or as paid when both or unknown", () => {
    const sv = (s: Partial<CreditSettlement>) => plain(settlementText("sv", back(s), 10042));
    const en = (s: Partial<CreditSettlement>) => plain(settlementText("en", back(s), 10042));
    expect(sv({ refundMethods: ["card"] })).toBe(
      "Du får tillbaka 50,00 kr till kortet du betalade med.",
    );
    expect(en({ refundMethods: ["card"] })).toBe(
      "You get SEK 50.00 back to the card you paid with.",
    );
    expect(sv({ refundMethods: ["swish"] })).toBe(
      "Du får tillbaka 50,00 kr med Swish, till kontot du betalade från.",
    );
    expect(en({ refundMethods: ["swish"] })).toBe(
      "You get SEK 50.00 back by Swish, to the account you paid from.",
    );
    for (const refundMethods of [["card", "swish"] as const, undefined]) {
      expect(sv({ refundMethods })).toBe("Du får tillbaka 50,00 kr på samma sätt som du betalade.");
      expect(en({ refundMethods })).toBe("You get SEK 50.00 back the way you paid.");
    }
  });

  it("keeps a credit as the customer's credit, paid out on request, and never promises to set it off", () => {
    const kept = back({ moneyBack: "credit_balance" });
    const sv = plain(settlementText("sv", kept, 10042));
    const en = plain(settlementText("en", kept, 10042));
    expect(sv).toBe(
      "50,00 kr står kvar som ditt tillgodohavande hos oss. Kontakta kundservice om du vill få det utbetalt.",
    );
    expect(en).toBe(
      "SEK 50.00 stays with us as your credit. Contact customer support to have it paid out to you.",
    );
    // Nothing applies a credit to later invoices, so no text says it does.
    for (const text of [
      sv,
      en,
      invoiceMessages.sv.next.creditBalance("50,00 kr"),
      invoiceMessages.en.next.creditBalance("SEK 50.00"),
    ]) {
      expect(text).not.toMatch(/kommande faktur|nästa faktura|drar av|dras av|next invoice/i);
    }
  });
});
