"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatMoney, parseMoney } from "@/lib/money/money";

export type PaymentLabels = Record<
  | "open"
  | "heading"
  | "amountLegend"
  | "full"
  | "part"
  | "partHint"
  | "partLabel"
  | "methodLegend"
  | "card"
  | "swish"
  | "continue"
  | "cancel"
  | "demoBadge"
  | "demoCard"
  | "demoSwish"
  | "demoApprove"
  | "demoDecline"
  | "payNow"
  | "waitingCard"
  | "waitingSwish"
  | "paid"
  | "failed"
  | "tryAgain"
  | "loadingStripe"
  | "bankAlternative"
  | "errorGeneric"
  | "tooMuch"
  | "tooLittle"
  | "invalidAmount",
  string
>;

type Method = "CARD" | "SWISH";
type Step =
  | { kind: "closed" }
  | { kind: "choose" }
  | { kind: "demo"; attemptId: string; method: Method }
  | {
      kind: "stripe";
      attemptId: string;
      method: Method;
      clientSecret: string;
      publishableKey: string;
    }
  | { kind: "waiting"; attemptId: string; method: Method }
  | { kind: "paid" }
  | { kind: "failed"; message: string };

interface StripeHandle {
  confirm(): Promise<string | null>;
}

/**
 * The pay button and payment step: amount (full or, where allowed, part), card or Swish, then the
 * provider — Stripe's Payment Element, loaded only now, or the clearly labelled demo. The ledger
 * changes only when the provider reports success; the page then refreshes from the server.
 */
export function PaymentPanel(props: {
  token: string;
  /** Set when the page shows one of the customer's earlier invoices rather than the link's own. */
  invoiceNumber: number | null;
  locale: "sv" | "en";
  amountDueOre: number;
  allowPartial: boolean;
  minimumPartOre: number;
  labels: PaymentLabels;
}) {
  const { token, locale, amountDueOre, labels } = props;
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "closed" });
  const [method, setMethod] = useState<Method>("CARD");
  const [part, setPart] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stripeMount = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingKey = `nota-payment:${token}:${props.invoiceNumber ?? "link"}`;

  // Back from a provider's redirect (3-D Secure, the Swish app): carry on waiting for the attempt
  // started before leaving, and take the provider's parameters (a client secret) out of the URL.
  useEffect(() => {
    const url = new URL(window.location.href);
    const returned =
      url.searchParams.has("payment_intent") || url.searchParams.has("redirect_status");
    const pending = window.sessionStorage.getItem(pendingKey);
    if (returned) {
      for (const name of ["payment_intent", "payment_intent_client_secret", "redirect_status"])
        url.searchParams.delete(name);
      window.history.replaceState(null, "", url.toString());
    }
    if (returned && pending) {
      const saved = JSON.parse(pending) as { attemptId: string; method: Method };
      setStep({ kind: "waiting", attemptId: saved.attemptId, method: saved.method });
    }
  }, [pendingKey]);

  // Each step announces itself: focus moves to the panel's heading instead of being lost.
  useEffect(() => {
    if (step.kind !== "closed" && step.kind !== "choose") heading.current?.focus();
    if (step.kind === "paid" || step.kind === "failed")
      window.sessionStorage.removeItem(pendingKey);
  }, [step.kind, pendingKey]);
  const stripeHandle = useRef<StripeHandle | null>(null);
  const money = (ore: number) => formatMoney(ore, { locale });

  // Waiting on the provider: the server is the truth, asked every 1.5 s.
  useEffect(() => {
    if (step.kind !== "waiting") return;
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const response = await fetch(`/i/${token}/payments/${step.attemptId}`, {
          cache: "no-store",
        }).catch(() => null);
        const body = response?.ok
          ? ((await response.json()) as { status: string; failureMessage: string | null })
          : null;
        if (body?.status === "SUCCEEDED") {
          setStep({ kind: "paid" });
          router.refresh();
          return;
        }
        if (body?.status === "FAILED" || body?.status === "CANCELED") {
          setStep({ kind: "failed", message: body.failureMessage ?? labels.failed });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [step, token, router, labels.failed]);

  // Stripe.js is fetched only when the customer reaches this step, never with the page.
  useEffect(() => {
    if (step.kind !== "stripe" || !stripeMount.current) return;
    let cancelled = false;
    void (async () => {
      const { loadStripe } = await import("@stripe/stripe-js");
      const stripe = await loadStripe(step.publishableKey);
      if (!stripe || cancelled || !stripeMount.current) return;
      const elements = stripe.elements({ clientSecret: step.clientSecret, locale });
      elements.create("payment").mount(stripeMount.current);
      stripeHandle.current = {
        async confirm() {
          const result = await stripe.confirmPayment({
            elements,
            redirect: "if_required",
            confirmParams: { return_url: window.location.href },
          });
          return result.error?.message ?? null;
        },
      };
    })();
    return () => {
      cancelled = true;
    };
  }, [step, locale]);

  async function start() {
    setError(null);
    let amountOre = amountDueOre;
    if (part !== null) {
      try {
        amountOre = parseMoney(part, { locale });
      } catch {
        setError(labels.invalidAmount);
        return;
      }
      // The server checks the same rules; checking here first lets us say it in the customer's words.
      if (amountOre > amountDueOre) return setError(labels.tooMuch);
      if (amountOre < amountDueOre && amountOre < props.minimumPartOre)
        return setError(labels.tooLittle);
    }
    setBusy(true);
    const response = await fetch(`/i/${token}/payments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        amountOre,
        method,
        currency: "SEK",
        invoiceNumber: props.invoiceNumber,
      }),
    }).catch(() => null);
    setBusy(false);
    const body = response ? await response.json().catch(() => null) : null;
    if (!response?.ok || !body) {
      setError(body?.error?.message ?? labels.errorGeneric);
      return;
    }
    window.sessionStorage.setItem(
      pendingKey,
      JSON.stringify({ attemptId: body.attemptId, method }),
    );
    if (body.provider === "STRIPE" && body.clientSecret && body.publishableKey) {
      setStep({
        kind: "stripe",
        attemptId: body.attemptId,
        method,
        clientSecret: body.clientSecret,
        publishableKey: body.publishableKey,
      });
    } else {
      setStep({ kind: "demo", attemptId: body.attemptId, method });
    }
  }

  async function finishDemo(attemptId: string, chosen: Method, outcome: "succeeded" | "failed") {
    setBusy(true);
    const response = await fetch(`/i/${token}/payments/${attemptId}/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ outcome }),
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      setError(labels.errorGeneric);
      return;
    }
    setStep({ kind: "waiting", attemptId, method: chosen });
  }

  async function confirmStripe(attemptId: string, chosen: Method) {
    if (!stripeHandle.current) return;
    setBusy(true);
    const message = await stripeHandle.current.confirm();
    setBusy(false);
    if (message) setError(message);
    else setStep({ kind: "waiting", attemptId, method: chosen });
  }

  const buttonClass =
    "rounded-lg bg-blue-700 px-5 py-3 text-lg font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
  const secondaryClass =
    "rounded-lg border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100";

  if (step.kind === "closed") {
    return (
      <button
        type="button"
        className={`w-full sm:w-auto ${buttonClass}`}
        onClick={() => setStep({ kind: "choose" })}
        data-testid="pay-open"
      >
        {labels.open} {money(amountDueOre)}
      </button>
    );
  }

  return (
    <section
      aria-labelledby="pay-heading"
      className="rounded-lg border border-slate-300 bg-slate-50 p-4"
      data-testid="payment-panel"
    >
      <h2 id="pay-heading" className="text-lg font-semibold" tabIndex={-1} ref={heading}>
        {labels.heading}
      </h2>
      <div aria-live="polite" className="mt-2">
        {error ? (
          <p
            id="payment-error"
            role="alert"
            className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900"
            data-testid="payment-error"
          >
            {error}
          </p>
        ) : null}
        {step.kind === "waiting" ? (
          <p data-testid="payment-waiting">
            {step.method === "SWISH" ? labels.waitingSwish : labels.waitingCard}
          </p>
        ) : null}
        {step.kind === "paid" ? (
          <p className="font-semibold text-green-900" data-testid="payment-done">
            {labels.paid}
          </p>
        ) : null}
        {step.kind === "failed" ? (
          <p className="text-red-900" data-testid="payment-failed">
            {labels.failed} {step.message}
          </p>
        ) : null}
      </div>

      {step.kind === "choose" ? (
        <form
          className="mt-3 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <fieldset>
            <legend className="font-medium">{labels.amountLegend}</legend>
            <label className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                name="amount"
                checked={part === null}
                onChange={() => setPart(null)}
              />
              {labels.full} ({money(amountDueOre)})
            </label>
            {props.allowPartial && amountDueOre > props.minimumPartOre ? (
              <>
                <label className="mt-1 flex items-center gap-2">
                  <input
                    type="radio"
                    name="amount"
                    checked={part !== null}
                    onChange={() => setPart("")}
                  />
                  {labels.part} ({labels.partHint} {money(props.minimumPartOre)})
                </label>
                {part !== null ? (
                  <label className="mt-2 block">
                    <span className="block text-sm">{labels.partLabel}</span>
                    <input
                      inputMode="decimal"
                      className="mt-1 w-40 rounded border border-slate-400 bg-white px-3 py-2"
                      value={part}
                      onChange={(event) => setPart(event.target.value)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? "payment-error" : undefined}
                      data-testid="payment-part-amount"
                    />
                  </label>
                ) : null}
              </>
            ) : null}
          </fieldset>
          <fieldset>
            <legend className="font-medium">{labels.methodLegend}</legend>
            {(["CARD", "SWISH"] as const).map((option) => (
              <label key={option} className="mt-1 flex items-center gap-2">
                <input
                  type="radio"
                  name="method"
                  checked={method === option}
                  onChange={() => setMethod(option)}
                />
                {option === "CARD" ? labels.card : labels.swish}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              className={buttonClass}
              disabled={busy}
              data-testid="payment-continue"
            >
              {labels.continue}
            </button>
            <button
              type="button"
              className={secondaryClass}
              onClick={() => setStep({ kind: "closed" })}
            >
              {labels.cancel}
            </button>
          </div>
        </form>
      ) : null}

      {step.kind === "demo" ? (
        <div className="mt-3 space-y-3">
          <p
            className="inline-block rounded bg-amber-200 px-2 py-1 text-sm font-bold text-amber-950"
            data-testid="demo-badge"
          >
            {labels.demoBadge}
          </p>
          <p>{step.method === "SWISH" ? labels.demoSwish : labels.demoCard}</p>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className={buttonClass}
              disabled={busy}
              onClick={() => void finishDemo(step.attemptId, step.method, "succeeded")}
              data-testid="demo-approve"
            >
              {labels.demoApprove}
            </button>
            <button
              type="button"
              className={secondaryClass}
              disabled={busy}
              onClick={() => void finishDemo(step.attemptId, step.method, "failed")}
            >
              {labels.demoDecline}
            </button>
          </div>
        </div>
      ) : null}

      {step.kind === "stripe" ? (
        <div className="mt-3 space-y-3">
          <div ref={stripeMount}>{labels.loadingStripe}</div>
          <button
            type="button"
            className={buttonClass}
            disabled={busy}
            onClick={() => void confirmStripe(step.attemptId, step.method)}
          >
            {labels.payNow}
          </button>
        </div>
      ) : null}

      {step.kind === "failed" ? (
        <button
          type="button"
          className={`mt-3 ${secondaryClass}`}
          onClick={() => setStep({ kind: "choose" })}
        >
          {labels.tryAgain}
        </button>
      ) : null}
      <p className="mt-3 text-sm text-slate-700">{labels.bankAlternative}</p>
    </section>
  );
}
