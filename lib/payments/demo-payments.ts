import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import {
  type InvoiceChange,
  mergeInvoiceChanges,
  withCommittedChanges,
} from "@/lib/payments/invoice-changes";
import { type AppliedPaymentEvent, applyPaymentEvent } from "@/lib/payments/payment-events";
import type { PaymentProvider } from "@/lib/payments/payment-provider";
import { settleLatePayment } from "@/lib/payments/refund-credited-invoice";

export const demoOutcomeSchema = z.enum(["succeeded", "failed"]);

/**
 * The visitor completes (or declines) a demo payment. It becomes the same provider event a Stripe
 * webhook would deliver, through the same recording path; the event id is derived from the attempt
 * and outcome, so pressing twice records once.
 */
export async function completeDemoPayment(options: {
  db: Db;
  invoiceId: string;
  attemptId: string;
  outcome: z.infer<typeof demoOutcomeSchema>;
}): Promise<AppliedPaymentEvent> {
  const attempt = await options.db.paymentAttempt.findFirst({
    where: { id: options.attemptId, invoiceId: options.invoiceId, provider: "DEMO" },
  });
  if (!attempt?.providerPaymentId) throw new AppError("NOT_FOUND", "No such demo payment");
  // Like a real provider, the demo cannot take money on a payment that was cancelled.
  if (attempt.status === "CANCELED" && options.outcome === "succeeded") {
    throw new AppError("CONFLICT", "This payment was cancelled; start a new one");
  }
  return applyPaymentEvent({
    db: options.db,
    envelope: {
      provider: "DEMO",
      eventId: `demo:${attempt.id}:${options.outcome}`,
      providerPaymentId: attempt.providerPaymentId,
      event:
        options.outcome === "succeeded"
          ? { type: "succeeded", amountOre: attempt.amountOre, currency: attempt.currency }
          : { type: "failed", message: "Declined in the demo" },
    },
  });
}

/**
 * The demo visitor's approve or decline, as the route needs it: applied, and — money beyond what
 * the invoice asks (paid twice, or after a credit) — paid back per policy. The settlement is
 * checked on every press, so a press after a failed refund tries it again. What changed comes
 * back for the route to announce after commit; a failed refund carries the booked payment
 * (withCommittedChanges), so open pages still show it.
 */
export async function settleDemoPayment(options: {
  db: Db;
  invoiceId: string;
  attemptId: string;
  outcome: z.infer<typeof demoOutcomeSchema>;
  provider: PaymentProvider;
}): Promise<AppliedPaymentEvent & { changes: InvoiceChange[] }> {
  const applied = await completeDemoPayment(options);
  const changes: InvoiceChange[] =
    applied.outcome === "applied" && applied.invoiceId
      ? [{ invoiceId: applied.invoiceId, version: applied.version, kind: "payment" }]
      : [];
  if (options.outcome !== "succeeded") return { ...applied, changes };
  try {
    const settled = await settleLatePayment({
      db: options.db,
      invoiceId: options.invoiceId,
      provider: options.provider,
    });
    return { ...applied, changes: mergeInvoiceChanges([...changes, ...settled.changes]) };
  } catch (error) {
    throw withCommittedChanges(error, changes);
  }
}
