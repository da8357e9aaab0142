import type Stripe from "stripe";
import type { Db } from "@/lib/db/database";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { errorReply, type Problem } from "@/lib/errors/error-reply";
import { createLogger } from "@/lib/log";
import {
  committedChangesOf,
  type InvoiceChange,
  mergeInvoiceChanges,
} from "@/lib/payments/invoice-changes";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import { type PaymentProvider, ProviderRejectedError } from "@/lib/payments/payment-provider";
import { settleAfterProviderSuccess } from "@/lib/payments/refund-credited-invoice";
import { envelopeFromStripeEvent, verifyStripeWebhook } from "@/lib/payments/stripe-webhook";

const log = createLogger("stripe-webhook");

/**
 * 2xx with a body when the delivery is done with; a problem (4xx/5xx) when it is not. Either way
 * `changes` lists what the delivery committed, for the route to announce to open pages (a payment
 * can be booked and its refund still fail, answered 5xx so Stripe redelivers).
 */
export type WebhookAnswer = { status: number; changes: InvoiceChange[] } & (
  | { body: Record<string, unknown>; problem?: undefined }
  | { problem: Problem; body?: undefined }
);

const problem = (
  error: unknown,
  context: Record<string, unknown>,
  changes: InvoiceChange[] = [],
): WebhookAnswer => {
  const reply = errorReply(error, context);
  return { status: reply.status, problem: reply, changes };
};
const done = (body: Record<string, unknown>, changes: InvoiceChange[] = []): WebhookAnswer => ({
  status: 200,
  body,
  changes,
});

/**
 * One Stripe webhook delivery, start to end. The signature is checked on the raw body before
 * anything is read from it; each event is applied once (see applyPaymentEvent); unknown types are
 * acknowledged and ignored. The answer decides whether Stripe delivers again: 2xx for done (or
 * never applicable), 5xx for "not yet" — a refund before its payment, or a late payment's refund
 * that failed — so its redelivery retries. Errors are the house's problem replies. It emits
 * nothing: what changed is in the answer, for the route to announce after commit.
 */
export async function handleStripeWebhook(options: {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  provider: PaymentProvider;
  rawBody: string;
  signature: string | null;
}): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    event = verifyStripeWebhook(
      options.stripe,
      options.rawBody,
      options.signature,
      options.webhookSecret,
    );
  } catch {
    return problem(new AppError("BAD_INPUT", "The Stripe signature does not match the body"), {});
  }
  const envelope = envelopeFromStripeEvent(event);
  if (!envelope) return done({ received: true, outcome: "ignored" });
  const context = { eventId: event.id, type: event.type };
  // An event that does not list the refunds: they are read from Stripe, for payments we know.
  const known =
    envelope.event.type === "refunded" && envelope.event.listRefunds
      ? await options.db.paymentAttempt.findUnique({
          where: { providerPaymentId: envelope.providerPaymentId },
          select: { id: true },
        })
      : null;
  if (known && envelope.event.type === "refunded") {
    try {
      envelope.event.refunds = await options.provider.listRefunds(envelope.providerPaymentId);
    } catch (error) {
      if (error instanceof ProviderRejectedError) {
        log.warn("Stripe refused to list the payment's refunds", { ...context, error });
        return done({ received: true, outcome: "rejected" });
      }
      log.warn("could not list the payment's refunds; Stripe will redeliver", {
        ...context,
        error,
      });
      return problem(
        new AppError("UNAVAILABLE", "The refunds could not be read from Stripe; deliver again"),
        context,
      );
    }
  }
  try {
    const applied = await applyPaymentEvent({ db: options.db, envelope });
    const changes: InvoiceChange[] =
      applied.outcome === "applied" && applied.invoiceId
        ? [
            {
              invoiceId: applied.invoiceId,
              version: applied.version,
              kind: envelope.event.type === "refunded" ? "refund" : "payment",
            },
          ]
        : [];
    // Money that landed on an invoice credited meanwhile (or paid twice) goes back to the
    // customer — checked on every delivery, so if the refund fails now, Stripe's redelivery tries
    // it again. The payment itself is booked either way.
    if (envelope.event.type === "succeeded") {
      try {
        const settled = await settleAfterProviderSuccess({
          db: options.db,
          providerPaymentId: envelope.providerPaymentId,
          provider: options.provider,
        });
        changes.push(...settled.changes);
      } catch (error) {
        log.error("refund of a late payment failed; Stripe will redeliver", { ...context, error });
        return problem(
          new AppError("UNAVAILABLE", "The refund is pending; deliver this event again"),
          context,
          mergeInvoiceChanges([...changes, ...committedChangesOf(error)]),
        );
      }
    }
    return done({ received: true, outcome: applied.outcome }, mergeInvoiceChanges(changes));
  } catch (error) {
    // Not yet applicable (e.g. a refund before its payment): nothing was claimed; deliver again.
    if (isAppError(error) && error.details?.retryable) {
      return problem(new AppError("UNAVAILABLE", error.message, error.details), context);
    }
    // Never applicable (e.g. another currency): acknowledged so Stripe stops resending it, and
    // logged for a person to look at.
    if (isAppError(error)) {
      log.warn("stripe event not applied", { ...context, reason: error.message });
      return done({ received: true, outcome: "rejected", reason: error.message });
    }
    return problem(error, context);
  }
}
