"use client";

import { useEffect, useRef } from "react";
import { paymentSentences } from "@/lib/i18n/payment-sentences";
import { formatMoney, formatMoneyCompact } from "@/lib/money/money";
import { PaymentChoiceForm } from "./payment/payment-choice-form";
import { type PaymentFlow, usePaymentFlow } from "./payment/payment-flow";
import {
  PAYMENT_BUTTON,
  PAYMENT_SECONDARY_BUTTON,
  type PaymentLabels,
} from "./payment/payment-labels";
import { StripePaymentElement } from "./payment/stripe-payment-element";
import { SwishByDevice } from "./payment/swish-by-device";

export type { PaymentLabels };

/**
 * The pay button and payment step: amount (full or, where allowed, part), card or Swish, then the
 * provider — Stripe's Payment Element, loaded only now, or the clearly labelled demo — whose step
 * repeats how much and how. The ledger changes only when the provider reports success; the page
 * then refreshes from the server, and after a part payment the panel says what was paid and what
 * is left, with the way to pay the rest, without a reload. Swish's step leads with "Öppna Swish"
 * on a phone and with the QR code on a computer (swish-by-device.tsx).
 */
export function PaymentPanel(props: PaymentPanelProps) {
  const { labels } = props;
  const flow = usePaymentFlow({
    token: props.token,
    invoiceNumber: props.invoiceNumber,
    genericError: labels.errorGeneric,
    reasons: {
      too_much: labels.tooMuch,
      too_little: labels.tooLittle,
      full_only: labels.fullOnly,
      already_paid: labels.alreadyPaid,
      another_payment: labels.anotherPayment,
      provider_unavailable: labels.providerUnavailable,
      provider_refused: labels.providerRefused,
      rate_limited: labels.rateLimited,
    },
  });
  return <PaymentPanelView {...props} flow={flow} />;
}

interface PaymentPanelProps {
  token: string;
  /** Set when the page shows one of the customer's earlier invoices rather than the link's own. */
  invoiceNumber: number | null;
  locale: "sv" | "en";
  amountDueOre: number;
  allowPartial: boolean;
  /** The demo provider takes the payment: no money moves, and the step says so from the start. */
  isDemo?: boolean;
  minimumPartOre: number;
  labels: PaymentLabels;
}

/** What the view needs of the flow (the state machine in payment-flow.ts). */
export type PaymentFlowView = Pick<
  PaymentFlow,
  "step" | "error" | "busy" | "setStep" | "setError" | "start" | "finishDemo" | "stripeConfirmed"
>;

/**
 * The panel at one step of the flow, apart from the flow itself so each step can be rendered (and
 * tested) as the customer sees it.
 */
export function PaymentPanelView(
  props: Omit<PaymentPanelProps, "token" | "invoiceNumber"> & { flow: PaymentFlowView },
) {
  const { locale, amountDueOre, labels, flow } = props;
  const { step } = flow;
  const heading = useRef<HTMLHeadingElement>(null);
  const money = (ore: number) => formatMoney(ore, { locale });
  const said = (ore: number) => formatMoneyCompact(ore, { locale });
  const sentences = paymentSentences[locale];
  const methodWord = (method: "CARD" | "SWISH") =>
    method === "SWISH" ? labels.methodSwish : labels.methodCard;
  // After a payment: what the server says is left once the page has re-read it; until then what
  // the payment leaves of what was due when it started.
  const leftAfter =
    step.kind === "paid" && step.amountOre !== undefined && step.dueBeforeOre !== undefined
      ? amountDueOre !== step.dueBeforeOre
        ? amountDueOre
        : Math.max(0, step.dueBeforeOre - step.amountOre)
      : null;

  // Each step announces itself: focus moves to the panel's heading instead of being lost.
  useEffect(() => {
    if (step.kind !== "closed" && step.kind !== "choose") heading.current?.focus();
  }, [step.kind]);

  if (step.kind === "closed") {
    return (
      <button
        type="button"
        className={`w-full sm:w-auto ${PAYMENT_BUTTON}`}
        onClick={() => flow.setStep({ kind: "choose" })}
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
      {props.isDemo ? (
        <p
          className="mt-2 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950"
          data-testid="demo-warning"
          role="note"
        >
          {labels.demoWarning}
        </p>
      ) : null}
      <div aria-live="polite" className="mt-2">
        {flow.error ? (
          <p
            id="payment-error"
            role="alert"
            className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900"
            data-testid="payment-error"
          >
            {flow.error}
          </p>
        ) : null}
        {step.kind === "waiting" ? (
          <p data-testid="payment-waiting">
            {step.method === "SWISH" ? labels.waitingSwish : labels.waitingCard}
          </p>
        ) : null}
        {step.kind === "paid" ? (
          <p className="font-semibold text-green-900" data-testid="payment-done">
            {leftAfter !== null && leftAfter > 0 && step.amountOre !== undefined
              ? `${sentences.paidPart(said(step.amountOre))} ${sentences.leftToPay(said(leftAfter))}`
              : labels.paid}
          </p>
        ) : null}
        {step.kind === "failed" ? (
          <p className="text-red-900" data-testid="payment-failed">
            {labels.failed}
          </p>
        ) : null}
      </div>

      {step.kind === "choose" ? (
        <PaymentChoiceForm
          locale={locale}
          amountDueOre={amountDueOre}
          allowPartial={props.allowPartial}
          minimumPartOre={props.minimumPartOre}
          labels={labels}
          busy={flow.busy}
          error={flow.error}
          onError={flow.setError}
          onSubmit={(amountOre, method) => void flow.start(amountOre, method, amountDueOre)}
          onCancel={() => flow.setStep({ kind: "closed" })}
        />
      ) : null}

      {step.kind === "demo" ? (
        <div className="mt-3 space-y-3">
          <p
            className="inline-block rounded bg-amber-200 px-2 py-1 text-sm font-bold text-amber-950"
            data-testid="demo-badge"
          >
            {labels.demoBadge}
          </p>
          <p className="font-semibold" data-testid="payment-summary">
            {sentences.approveSummary(money(step.amountOre), methodWord(step.method))}
          </p>
          <p>
            {step.method === "SWISH" ? (
              <>
                {labels.demoSwish} <SwishByDevice computer={labels.demoSwishQr} />
              </>
            ) : (
              labels.demoCard
            )}
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className={PAYMENT_BUTTON}
              disabled={flow.busy}
              onClick={() => void flow.finishDemo(step.attemptId, step.method, "succeeded", step)}
              data-testid="demo-approve"
            >
              {step.method === "SWISH" ? (
                <SwishByDevice phone={labels.demoSwishOpen} computer={labels.demoApprove} />
              ) : (
                labels.demoApprove
              )}
            </button>
            <button
              type="button"
              className={PAYMENT_SECONDARY_BUTTON}
              disabled={flow.busy}
              onClick={() => void flow.finishDemo(step.attemptId, step.method, "failed", step)}
            >
              {labels.demoDecline}
            </button>
          </div>
        </div>
      ) : null}

      {step.kind === "stripe" ? (
        <p className="mt-3 font-semibold" data-testid="payment-summary">
          {sentences.approveSummary(money(step.amountOre), methodWord(step.method))}
        </p>
      ) : null}
      {step.kind === "stripe" && step.method === "SWISH" ? (
        // Stripe.js takes it from the button: the app switch on a phone, its QR code elsewhere.
        <p className="mt-2 text-sm text-slate-700" data-testid="swish-hint">
          <SwishByDevice phone={labels.swishOpenHint} computer={labels.swishQrHint} />
        </p>
      ) : null}
      {step.kind === "stripe" ? (
        <StripePaymentElement
          publishableKey={step.publishableKey}
          clientSecret={step.clientSecret}
          locale={locale}
          loadingLabel={labels.loadingStripe}
          payLabel={
            step.method === "SWISH" ? (
              <SwishByDevice phone={labels.swishOpen} computer={labels.swishShowQr} />
            ) : (
              labels.payNow
            )
          }
          buttonClass={PAYMENT_BUTTON}
          onConfirmed={(message) =>
            flow.stripeConfirmed(step.attemptId, step.method, message, step)
          }
        />
      ) : null}

      {step.kind === "failed" ? (
        <button
          type="button"
          className={`mt-3 ${PAYMENT_SECONDARY_BUTTON}`}
          onClick={() => flow.setStep({ kind: "choose" })}
        >
          {labels.tryAgain}
        </button>
      ) : null}
      {/* Only once the page has re-read what is due: the form must start from the new amount. */}
      {step.kind === "paid" &&
      leftAfter !== null &&
      leftAfter > 0 &&
      amountDueOre !== step.dueBeforeOre ? (
        <button
          type="button"
          className={`mt-3 ${PAYMENT_BUTTON}`}
          onClick={() => flow.setStep({ kind: "choose" })}
          data-testid="pay-rest"
        >
          {sentences.payRest(said(leftAfter))}
        </button>
      ) : null}
      <p className="mt-3 text-sm text-slate-700">{labels.bankAlternative}</p>
    </section>
  );
}
