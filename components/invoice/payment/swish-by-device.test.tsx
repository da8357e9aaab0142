import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PaymentStep } from "@/components/invoice/payment/payment-flow";
import { PaymentPanelView } from "@/components/invoice/payment-panel";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";

/** Swish's step in the payment panel, as the server renders it (the same markup for every device). */
function render(step: PaymentStep, locale: "sv" | "en" = "sv") {
  const noop = () => {};
  return renderToStaticMarkup(
    createElement(PaymentPanelView, {
      locale,
      amountDueOre: 12_500,
      allowPartial: true,
      isDemo: step.kind === "demo",
      minimumPartOre: 100,
      labels: invoiceMessages[locale].pay,
      flow: {
        step,
        error: null,
        busy: false,
        setStep: noop,
        setError: noop,
        start: async () => {},
        finishDemo: async () => {},
        stripeConfirmed: noop,
      },
    }),
  );
}

const paying = { attemptId: "a", amountOre: 12_500, dueBeforeOre: 12_500 };
const stripe = { ...paying, clientSecret: "pi_secret", publishableKey: "pk_test_x" };

/** The words shown on a phone (coarse pointer) and on a computer, in document order. */
function byDevice(html: string) {
  const read = (device: string) =>
    [
      ...html.matchAll(
        new RegExp(`<span[^>]*data-swish-device="${device}"[^>]*>([^<]*)</span>`, "g"),
      ),
    ].map((match) => match[1]);
  return { phone: read("phone"), computer: read("computer") };
}

describe("Swish in the payment panel", () => {
  it("leads with Öppna Swish on a phone and with the QR code on a computer (Stripe)", () => {
    for (const locale of ["sv", "en"] as const) {
      const t = invoiceMessages[locale].pay;
      const html = render({ kind: "stripe", method: "SWISH", ...stripe }, locale);
      expect(byDevice(html)).toEqual({
        phone: [t.swishOpenHint, t.swishOpen],
        computer: [t.swishQrHint, t.swishShowQr],
      });
      // The phone's words are hidden unless the primary pointer is coarse; the computer's then.
      expect(html).toContain('class="hidden pointer-coarse:inline" data-swish-device="phone"');
      expect(html).toContain('class="pointer-coarse:hidden" data-swish-device="computer"');
      // One button, so whichever words show, it is the one that confirms.
      expect(html.match(/<button/g)).toHaveLength(1);
      expect(html).not.toContain(`>${t.payNow}<`);
    }
  });

  it("says the same in the demo, whose approval stands in for the app", () => {
    const t = invoiceMessages.sv.pay;
    const html = render({ kind: "demo", method: "SWISH", ...paying });
    expect(byDevice(html)).toEqual({
      phone: [t.demoSwishOpen],
      computer: [t.demoSwishQr, t.demoApprove],
    });
    // What the demo stands in for is said once, for every device.
    expect(html.split(t.demoSwish)).toHaveLength(2);
    expect(html).toMatch(/data-testid="demo-approve"[^>]*>.*Öppna Swish \(demo\)/);
    expect(t.swishOpen).toBe("Öppna Swish");
  });

  it("leaves card payments as they were", () => {
    const t = invoiceMessages.sv.pay;
    const demo = render({ kind: "demo", method: "CARD", ...paying });
    expect(demo).not.toContain("data-swish-device");
    expect(demo).toContain(t.demoCard);
    expect(demo).toContain(t.demoApprove);
    const card = render({ kind: "stripe", method: "CARD", ...stripe });
    expect(card).not.toContain("data-swish-device");
    expect(card).not.toContain('data-testid="swish-hint"');
    expect(card).toContain(`>${t.payNow}<`);
  });
});
