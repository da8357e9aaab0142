import { Resvg } from "@resvg/resvg-js";
import jsQR from "jsqr";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PaymentDetails } from "@/components/invoice/payment-details";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { invoiceData } from "@/tests/helpers/invoice-page-fixture";

/** The Swish QR code as the customer's page draws it, rasterised and read by a real decoder. */
function scanQr(data: InvoicePageData): string | null {
  const html = renderToStaticMarkup(
    createElement(PaymentDetails, { data, locale: "sv", t: invoiceMessages.sv }),
  );
  const svg = /<svg[^>]*data-testid="swish-qr"[\s\S]*?<\/svg>/.exec(html)?.[0];
  if (!svg) return null;
  const standalone = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
  const png = new Resvg(standalone, { fitTo: { mode: "width", value: 400 } }).render();
  const decoded = jsQR(new Uint8ClampedArray(png.pixels), png.width, png.height);
  return decoded?.data ?? null;
}

describe("the Swish QR code on the invoice page", () => {
  it("scans as Swish's C format: business number, amount with a decimal comma, OCR, locked", () => {
    const data = invoiceData();
    expect(scanQr(data)).toBe(`C1231181189;${formatted(data.amountDueOre)};${data.invoice.ocr};0`);
    expect(scanQr({ ...data, amountDueOre: 123_450 })).toBe(
      `C1231181189;1234,50;${data.invoice.ocr};0`,
    );
  });

  it("is not drawn when there is nothing to pay, or the stored payee is not a business number", () => {
    const data = invoiceData();
    expect(scanQr({ ...data, amountDueOre: 0 })).toBeNull();
    const organization = { ...data.organization, swishNumber: "0701234567" };
    expect(scanQr({ ...data, organization })).toBeNull();
  });
});

function formatted(ore: number): string {
  const digits = String(ore).padStart(3, "0");
  return `${digits.slice(0, -2)},${digits.slice(-2)}`;
}
