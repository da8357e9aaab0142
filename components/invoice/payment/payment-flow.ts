"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { requestJson } from "@/components/ui/problem";

/**
 * The payment step's state machine: choose → (demo | stripe) → waiting → paid | failed. The
 * server is the truth throughout: the ledger changes only when the provider reports success, and
 * the waiting step asks the server until the attempt has an outcome.
 */
export type PaymentMethodChoice = "CARD" | "SWISH";

/** How much this attempt pays, and what was left to pay when it started (for "what is left"). */
interface Paying {
  amountOre: number;
  dueBeforeOre: number;
}

export type PaymentStep =
  | { kind: "closed" }
  | { kind: "choose" }
  | ({ kind: "demo"; attemptId: string; method: PaymentMethodChoice } & Paying)
  | ({
      kind: "stripe";
      attemptId: string;
      method: PaymentMethodChoice;
      clientSecret: string;
      publishableKey: string;
    } & Paying)
  | ({ kind: "waiting"; attemptId: string; method: PaymentMethodChoice } & Partial<Paying>)
  /** Paid: with the amount when this page started the payment (not after a redirect's return). */
  | ({ kind: "paid" } & Partial<Paying>)
  /** The provider declined or the payment was cancelled; the panel says so in its own label. */
  | { kind: "failed" };

interface StartedPayment {
  attemptId: string;
  provider: "STRIPE" | "DEMO";
  clientSecret: string | null;
  publishableKey: string | null;
}

const POLL_MS = 1500;

/**
 * Only the amounts of what is being paid: callers may pass the whole step they are on, whose
 * `kind` must never be spread over the next step's (a declined demo payment stayed "demo").
 */
export function payingOnly(paying?: Paying): Partial<Paying> {
  return paying ? { amountOre: paying.amountOre, dueBeforeOre: paying.dueBeforeOre } : {};
}

export function usePaymentFlow(options: {
  token: string;
  invoiceNumber: number | null;
  genericError: string;
  /** The customer's words for why a payment could not start, by the server's reason. */
  reasons: Partial<Record<string, string>>;
}) {
  const { token, invoiceNumber } = options;
  const router = useRouter();
  const [step, setStep] = useState<PaymentStep>({ kind: "closed" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pendingKey = `nota-payment:${token}:${invoiceNumber ?? "link"}`;

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
      const saved = JSON.parse(pending) as {
        attemptId: string;
        method: PaymentMethodChoice;
        amountOre?: number;
        dueBeforeOre?: number;
      };
      setStep({
        kind: "waiting",
        attemptId: saved.attemptId,
        method: saved.method,
        amountOre: saved.amountOre,
        dueBeforeOre: saved.dueBeforeOre,
      });
    }
  }, [pendingKey]);

  useEffect(() => {
    if (step.kind === "paid" || step.kind === "failed")
      window.sessionStorage.removeItem(pendingKey);
  }, [step.kind, pendingKey]);

  // Waiting on the provider: the server is the truth, asked every 1.5 s.
  useEffect(() => {
    if (step.kind !== "waiting") return;
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const answer = await requestJson<{ status: string }>(
          `/i/${token}/payments/${step.attemptId}`,
        );
        if (answer.ok && answer.body.status === "SUCCEEDED") {
          setStep({ kind: "paid", amountOre: step.amountOre, dueBeforeOre: step.dueBeforeOre });
          router.refresh();
          return;
        }
        if (answer.ok && (answer.body.status === "FAILED" || answer.body.status === "CANCELED")) {
          setStep({ kind: "failed" });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [step, token, router]);

  async function start(amountOre: number, method: PaymentMethodChoice, dueBeforeOre: number) {
    setError(null);
    setBusy(true);
    const answer = await requestJson<StartedPayment>(
      `/i/${token}/payments`,
      { method: "POST", body: { amountOre, method, currency: "SEK", invoiceNumber } },
      options.genericError,
    );
    setBusy(false);
    if (!answer.ok) {
      // Never the server's (or a provider's) words: the customer's own language, by reason.
      const reason = answer.problem.details.reason;
      setError((typeof reason === "string" && options.reasons[reason]) || options.genericError);
      return;
    }
    const started = answer.body;
    const paying = { amountOre, dueBeforeOre };
    window.sessionStorage.setItem(
      pendingKey,
      JSON.stringify({ attemptId: started.attemptId, method, ...paying }),
    );
    if (started.provider === "STRIPE" && started.clientSecret && started.publishableKey) {
      setStep({
        kind: "stripe",
        attemptId: started.attemptId,
        method,
        clientSecret: started.clientSecret,
        publishableKey: started.publishableKey,
        ...paying,
      });
    } else {
      setStep({ kind: "demo", attemptId: started.attemptId, method, ...paying });
    }
  }

  async function finishDemo(
    attemptId: string,
    method: PaymentMethodChoice,
    outcome: "succeeded" | "failed",
    paying?: Paying,
  ) {
    setBusy(true);
    const answer = await requestJson(`/i/${token}/payments/${attemptId}/demo`, {
      method: "POST",
      body: { outcome },
    });
    setBusy(false);
    if (!answer.ok) return setError(options.genericError);
    setStep({ kind: "waiting", attemptId, method, ...payingOnly(paying) });
  }

  /** After Stripe's own confirmation: its message when it refused, else wait for the webhook. */
  function stripeConfirmed(
    attemptId: string,
    method: PaymentMethodChoice,
    message: string | null,
    paying?: Paying,
  ) {
    if (message) setError(message);
    else setStep({ kind: "waiting", attemptId, method, ...payingOnly(paying) });
  }

  return { step, setStep, error, setError, busy, setBusy, start, finishDemo, stripeConfirmed };
}

export type PaymentFlow = ReturnType<typeof usePaymentFlow>;
