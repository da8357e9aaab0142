import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PaymentStep } from "@/components/invoice/payment/payment-flow";
import { PaymentPanelView } from "@/components/invoice/payment-panel";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";

/** The payment step as the server renders it, at each step of the flow, without a browser. */
function render(options: { step: PaymentStep; isDemo?: boolean; locale?: "sv" | "en" }) {
  const locale = options.locale ?? "sv";
  const noop = () => {};
  return renderToStaticMarkup(
    createElement(PaymentPanelView, {
      locale,
      amountDueOre: 12_500,
      allowPartial: true,
      isDemo: options.isDemo,
      minimumPartOre: 100,
      labels: invoiceMessages[locale].pay,
      flow: {
        step: options.step,
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

const occurrences = (html: string, text: string) => html.split(text).length - 1;
const OPEN_STEPS: PaymentStep[] = [
  { kind: "choose" },
  { kind: "demo", attemptId: "a", method: "CARD", amountOre: 12_500, dueBeforeOre: 12_500 },
  { kind: "waiting", attemptId: "a", method: "SWISH" },
  { kind: "paid" },
  { kind: "failed" },
];

describe("the payment step", () => {
  it("says a failed payment did not go through once, not twice", () => {
    // Reproduction: "The payment did not go through. The payment did not go through." — the
    // failed step carried the same label as its message and the panel printed both.
    for (const locale of ["sv", "en"] as const) {
      const html = render({ step: { kind: "failed" }, locale });
      expect(html).toContain('data-testid="payment-failed"');
      expect(occurrences(html, invoiceMessages[locale].pay.failed)).toBe(1);
      // The way on is still there.
      expect(html).toContain(invoiceMessages[locale].pay.tryAgain);
    }
  });

  it("warns at every open step that demo payments move no money", () => {
    for (const step of OPEN_STEPS) {
      for (const locale of ["sv", "en"] as const) {
        const html = render({ step, isDemo: true, locale });
        expect(html).toContain('data-testid="demo-warning"');
        expect(occurrences(html, invoiceMessages[locale].pay.demoWarning)).toBe(1);
      }
    }
  });

  it("shows no demo warning when a real provider takes the payment", () => {
    for (const step of OPEN_STEPS) {
      for (const isDemo of [false, undefined]) {
        const html = render({ step, isDemo });
        expect(html).not.toContain('data-testid="demo-warning"');
        expect(html).not.toContain(invoiceMessages.sv.pay.demoWarning);
      }
    }
  });

  it("is only the pay button until the customer opens it", () => {
    const html = render({ step: { kind: "closed" }, isDemo: true });
    expect(html).toContain('data-testid="pay-open"');
    expect(html).not.toContain('data-testid="payment-panel"');
  });
});
