import { describe, expect, it } from "vitest";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { pdfMessages } from "@/lib/i18n/pdf-messages";
import { needsBuyerVatNumber, readVatReason, vatReasonText } from "./vat-exemption-reasons";

describe("the reason for 0 % VAT on an English document", () => {
  it.each([
    [
      "Undantag från skatteplikt enligt 10 kap. ML",
      "Exempt from VAT under Chapter 10 of the Swedish VAT Act (ML)",
    ],
    ["Undantag från skatteplikt", "Exempt from VAT"],
    [
      "Undantag från skatteplikt enligt 10 kap. 3 § mervärdesskattelagen (2023:200)",
      "Exempt from VAT under Chapter 10, section 3 of the Swedish VAT Act (2023:200)",
    ],
    ["Omvänd betalningsskyldighet", "Reverse charge"],
    ["omvänd  betalningsskyldighet.", "Reverse charge"],
    [
      "Omvänd betalningsskyldighet enligt 16 kap. 1 § ML",
      "Reverse charge under Chapter 16, section 1 of the Swedish VAT Act (ML)",
    ],
    ["Omvänd skattskyldighet", "Reverse charge"],
    ["Export", "Export outside the EU, exempt from VAT"],
    ["Export utanför EU", "Export outside the EU, exempt from VAT"],
    ["Export till land utanför EU", "Export outside the EU, exempt from VAT"],
    ["Unionsintern varuleverans", "Intra-EU supply of goods, exempt from VAT"],
    [
      "Undantag från skatteplikt, unionsintern varuleverans (10 kap. 42 § ML)",
      "Intra-EU supply of goods, exempt from VAT under Chapter 10, section 42 of the Swedish VAT Act (ML)",
    ],
    ["Gemenskapsintern varuleverans", "Intra-EU supply of goods, exempt from VAT"],
  ])("%s → %s", (swedish, english) => {
    expect(vatReasonText(swedish, "en")).toBe(english);
    // A Swedish document prints the reason exactly as the biller wrote it.
    expect(vatReasonText(swedish, "sv")).toBe(swedish);
  });

  it("leaves text it does not know as written, even when it starts like a known reason", () => {
    for (const text of [
      "Gåva, utanför mervärdesskattens tillämpningsområde",
      "Undantag från skatteplikt gäller ej denna rad enligt avtal",
      "Omvänd betalningsskyldighet för byggtjänster enligt avtal 12",
      "Export av tjänster",
      "Reverse charge",
    ]) {
      expect(vatReasonText(text, "en")).toBe(text);
    }
  });

  it("is what the English page and PDF print, and the Swedish ones keep the Swedish text", () => {
    const reason = "Undantag från skatteplikt enligt 10 kap. ML";
    const english = "No VAT: Exempt from VAT under Chapter 10 of the Swedish VAT Act (ML)";
    expect(invoiceMessages.en.lines.noVat(reason)).toBe(english);
    expect(pdfMessages.en.noVat(reason)).toBe(english);
    expect(invoiceMessages.sv.lines.noVat(reason)).toBe(`Ingen moms: ${reason}`);
    expect(pdfMessages.sv.noVat(reason)).toBe(`Ingen moms: ${reason}`);
  });

  it("reads the kind and the reference", () => {
    expect(readVatReason("Omvänd betalningsskyldighet enligt 16 kap. 1 § ML")).toEqual({
      kind: "reverse_charge",
      reference: { chapter: "16", section: "1", law: undefined },
    });
    expect(readVatReason("Fri frakt")).toBeNull();
  });
});

describe("needsBuyerVatNumber", () => {
  it("is true for any mention of reverse charge or an intra-EU supply, and false otherwise", () => {
    for (const reason of [
      "Omvänd betalningsskyldighet",
      "Omvänd betalningsskyldighet för byggtjänster",
      "Omvänd skattskyldighet",
      "Reverse charge",
      "Unionsintern varuleverans",
      "Intra-EU supply",
    ]) {
      expect(needsBuyerVatNumber(reason)).toBe(true);
    }
    for (const reason of [
      "Undantag från skatteplikt enligt 10 kap. ML",
      "Export utanför EU",
      "Gåva, utanför mervärdesskattens tillämpningsområde",
      null,
      undefined,
      "",
    ]) {
      expect(needsBuyerVatNumber(reason)).toBe(false);
    }
  });
});
