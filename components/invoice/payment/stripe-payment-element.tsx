"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Stripe's Payment Element, with Stripe.js fetched only when the customer reaches this step —
 * never with the page. Confirming is Stripe's (3-D Secure, the Swish app or QR code).
 */
export function StripePaymentElement(props: {
  publishableKey: string;
  clientSecret: string;
  locale: "sv" | "en";
  loadingLabel: string;
  /** Words or markup: Swish's button says "Öppna Swish" on a phone (swish-by-device.tsx). */
  payLabel: ReactNode;
  buttonClass: string;
  onConfirmed: (message: string | null) => void;
}) {
  const { publishableKey, clientSecret, locale } = props;
  const mount = useRef<HTMLDivElement>(null);
  const confirm = useRef<(() => Promise<string | null>) | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mount.current) return;
    let cancelled = false;
    void (async () => {
      const { loadStripe } = await import("@stripe/stripe-js");
      const stripe = await loadStripe(publishableKey);
      if (!stripe || cancelled || !mount.current) return;
      const elements = stripe.elements({ clientSecret, locale });
      elements.create("payment").mount(mount.current);
      confirm.current = async () => {
        const result = await stripe.confirmPayment({
          elements,
          redirect: "if_required",
          confirmParams: { return_url: window.location.href },
        });
        return result.error?.message ?? null;
      };
    })();
    return () => {
      cancelled = true;
    };
  }, [publishableKey, clientSecret, locale]);

  return (
    <div className="mt-3 space-y-3">
      <div ref={mount}>{props.loadingLabel}</div>
      <button
        type="button"
        className={props.buttonClass}
        disabled={busy}
        onClick={async () => {
          if (!confirm.current) return;
          setBusy(true);
          const message = await confirm.current();
          setBusy(false);
          props.onConfirmed(message);
        }}
      >
        {props.payLabel}
      </button>
    </div>
  );
}
