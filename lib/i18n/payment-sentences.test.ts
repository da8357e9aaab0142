import { describe, expect, it } from "vitest";
import { paymentSentences } from "@/lib/i18n/payment-sentences";
import { formatMoneyCompact } from "@/lib/money/money";

const sek = (ore: number, locale: "sv" | "en") => formatMoneyCompact(ore, { locale });

describe("paymentSentences", () => {
  it("repeats the amount and the way to pay before approval", () => {
    expect(paymentSentences.sv.approveSummary(sek(223_900, "sv"), "kort")).toBe(
      "Du betalar 2\u00a0239\u00a0kr med kort.",
    );
    expect(paymentSentences.en.approveSummary(sek(223_900, "en"), "card")).toBe(
      "You pay SEK\u00a02,239 by card.",
    );
  });

  it("says after a part payment what was paid, what is left and how to pay the rest", () => {
    const { sv, en } = paymentSentences;
    expect([
      sv.paidPart(sek(100_000, "sv")),
      sv.leftToPay(sek(123_900, "sv")),
      sv.payRest(sek(123_900, "sv")),
    ]).toEqual([
      "Du betalade 1\u00a0000\u00a0kr.",
      "Kvar att betala: 1\u00a0239\u00a0kr.",
      "Betala resten, 1\u00a0239\u00a0kr",
    ]);
    expect([
      en.paidPart(sek(100_000, "en")),
      en.leftToPay(sek(123_950, "en")),
      en.payRest(sek(123_950, "en")),
    ]).toEqual([
      "You paid SEK\u00a01,000.",
      "Left to pay: SEK\u00a01,239.50.",
      "Pay the rest, SEK\u00a01,239.50",
    ]);
  });
});
