import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { assertCurrentVersion, expectedVersionSchema } from "@/lib/invoices/invoice-change";
import {
  type CreditNoteInput,
  type IssueCreditNoteInput,
  type IssuedCreditNote,
  issueCreditNote,
  issueFullCreditNote,
} from "@/lib/invoices/issue-credit-note";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { createLogger } from "@/lib/log";
import {
  type InvoiceChange,
  mergeInvoiceChanges,
  withCommittedChanges,
} from "@/lib/payments/invoice-changes";
import { applyPaymentEvent } from "@/lib/payments/payment-events";
import {
  type PaymentProvider,
  type ProviderRefund,
  ProviderRejectedError,
  ProviderUnavailableError,
} from "@/lib/payments/payment-provider";
import { cancelOpenAttempts } from "@/lib/payments/start-payment";
import type { Actor } from "@/lib/timeline/actor";

const log = createLogger("refunds");

/**
 * Pays back what a customer has to get back on an invoice (paid, then credited) through the
 * provider they paid with — or keeps it as a credit balance when that is the organisation's
 * policy, or when the money came another way (bank transfer). Each refund's idempotency key is
 * the attempt and how much of it was refunded before, so a retry after a failure asks for the
 * same refund again, never a second one. Refunds are recorded through the same path as the
 * provider's own refund events, so a later webhook about them changes nothing. What it changed is
 * returned for the caller's route to announce; a failure after a refund was recorded carries it
 * (withCommittedChanges).
 */
export async function refundCustomerCredit(options: {
  db: Db;
  invoiceId: string;
  provider: PaymentProvider;
  reason: string;
}): Promise<{ refundedOre: number; keptAsCreditOre: number; changes: InvoiceChange[] }> {
  const { db, invoiceId, provider } = options;
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { organization: { select: { refundPolicy: true } } },
  });
  let credit = -balanceOre(await getLedgerSums(db, invoiceId));
  if (credit <= 0 || invoice.organization.refundPolicy === "KEEP_CREDIT") {
    return { refundedOre: 0, keptAsCreditOre: Math.max(credit, 0), changes: [] };
  }
  const attempts = await db.paymentAttempt.findMany({
    where: {
      invoiceId,
      status: "SUCCEEDED",
      provider: provider.kind,
      providerPaymentId: { not: null },
    },
    orderBy: { createdAt: "desc" },
  });
  let refundedOre = 0;
  const changes: InvoiceChange[] = [];
  for (const attempt of attempts) {
    const amountOre = Math.min(credit, attempt.amountOre - attempt.refundedOre);
    if (amountOre <= 0) continue;
    // A refund that failed gave its amount back to refundedOre; asking again with the same key
    // would only replay the failed refund, so each failure moves the key on.
    const failedBefore = await db.refund.count({
      where: { attemptId: attempt.id, status: { in: ["FAILED", "CANCELED"] } },
    });
    let refund: ProviderRefund;
    try {
      refund = await provider.refund({
        providerPaymentId: attempt.providerPaymentId!,
        amountOre,
        idempotencyKey: `nota-refund-${attempt.id}-from-${attempt.refundedOre}${failedBefore ? `-retry-${failedBefore}` : ""}`,
        reason: options.reason,
      });
    } catch (error) {
      // Refunds made before this one (of other attempts) are recorded: still announced.
      throw withCommittedChanges(providerRefundError(error, invoiceId, attempt.id), changes);
    }
    const applied = await applyPaymentEvent({
      db,
      envelope: {
        provider: provider.kind,
        eventId: `nota-refund:${refund.providerRefundId}`,
        providerPaymentId: attempt.providerPaymentId!,
        // Recorded by the refund's own id and status: the provider's webhook about the same
        // refund (before or after this) records nothing more, and a later failure gives it back.
        event: { type: "refunded", refunds: [refund] },
      },
    });
    if (applied.outcome === "applied" && applied.invoiceId) {
      changes.push({ invoiceId: applied.invoiceId, version: applied.version, kind: "refund" });
    }
    if (refund.status === "failed" || refund.status === "canceled") continue;
    credit -= refund.amountOre;
    refundedOre += refund.amountOre;
    if (credit <= 0) break;
  }
  return {
    refundedOre,
    keptAsCreditOre: Math.max(credit, 0),
    changes: mergeInvoiceChanges(changes),
  };
}

/** A provider's refusal or silence, in the words staff read (the provider's own go to the log). */
function providerRefundError(error: unknown, invoiceId: string, attemptId: string): unknown {
  if (error instanceof ProviderUnavailableError) {
    return new AppError(
      "UNAVAILABLE",
      "The refund could not be made right now; the amount stays as the customer's credit. Try again later.",
    );
  }
  if (error instanceof ProviderRejectedError) {
    log.warn("the provider refused a refund", { invoiceId, attemptId, error });
    return new AppError(
      "CONFLICT",
      "The payment provider refused the refund; the amount stays as the customer's credit. The log has the provider's reason.",
    );
  }
  return error;
}

export const refundCreditInputSchema = z.object({ expectedVersion: expectedVersionSchema });

/** A refund's status for staff, newest first: what went back, what is on its way, what failed. */
export function listInvoiceRefunds(db: Db, invoiceId: string) {
  return db.refund.findMany({
    where: { invoiceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      amountOre: true,
      status: true,
      failureReason: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

/**
 * An agent pays back the customer's credit again (e.g. after a refund failed, once the customer's
 * card is sorted out): the same path as after a credit, so a refund is never made twice. Refused
 * when the screen was stale, when there is nothing to pay back, and when the organisation keeps
 * credit as credit.
 */
export async function refundCreditForAgent(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  expectedVersion: number;
  provider: PaymentProvider;
}) {
  const { db, invoiceId } = options;
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      organizationId: true,
      version: true,
      organization: { select: { refundPolicy: true } },
    },
  });
  if (!invoice || invoice.organizationId !== options.organizationId) {
    throw new AppError("NOT_FOUND", "No such invoice");
  }
  await assertCurrentVersion(db, invoice, options.expectedVersion);
  if (invoice.organization.refundPolicy === "KEEP_CREDIT") {
    throw new AppError(
      "CONFLICT",
      "Your organisation keeps money owed to customers as credit; nothing is refunded",
    );
  }
  if (balanceOre(await getLedgerSums(db, invoiceId)) >= 0) {
    throw new AppError("CONFLICT", "The customer has no credit on this invoice to refund");
  }
  const settled = await refundCustomerCredit({
    db,
    invoiceId,
    provider: options.provider,
    reason: "Refund of the customer's credit",
  });
  if (settled.refundedOre === 0) {
    throw new AppError(
      "CONFLICT",
      "Nothing could be refunded through the payment provider (no card or Swish payment left to refund, or the refund failed); the amount stays as the customer's credit",
    );
  }
  return settled;
}

/**
 * Credits an issued invoice and settles the money: what the customer has to get back afterwards
 * (paid, then credited — in full or in part) is refunded, or kept as credit per policy. The credit
 * note stands even if the refund has to be retried: that failure carries the credit as a
 * committed change, for the route to announce before it answers. Input with a `mode` is any kind
 * of credit (issueCreditNote, version required); without one it is the full credit
 * (issueFullCreditNote).
 */
export async function creditInvoiceAndRefund(options: {
  db: Db;
  input: CreditNoteInput | IssueCreditNoteInput;
  actor: Actor;
  provider: PaymentProvider;
}) {
  const { db, input, actor } = options;
  // A full credit by the older input reports no version; the cue then makes pages refetch anyway.
  const credited: Awaited<ReturnType<typeof issueFullCreditNote>> & Partial<IssuedCreditNote> =
    "mode" in input
      ? await issueCreditNote({ db, input, actor })
      : await issueFullCreditNote({ db, input, actor });
  // What is owed changed (to nothing, after a full credit): a payment the customer had started
  // was for the old amount and must not be completed; they start again for what is left.
  await cancelOpenAttempts({ db, invoiceId: input.invoiceId, provider: options.provider });
  const credit: InvoiceChange = {
    invoiceId: input.invoiceId,
    version: credited.version,
    kind: "credit",
  };
  try {
    const settlement = await refundCustomerCredit({
      db,
      invoiceId: input.invoiceId,
      provider: options.provider,
      reason: input.reason,
    });
    return {
      ...credited,
      ...settlement,
      changes: mergeInvoiceChanges([credit, ...settlement.changes]),
    };
  } catch (error) {
    throw withCommittedChanges(error, [credit]);
  }
}

/**
 * After a provider reported a payment: money beyond what the invoice asks — it was credited in the
 * meantime, or two payments landed — is the customer's, and goes back per the organisation's
 * policy (refunded the way it was paid, or kept as their credit). Never left silently.
 */
export async function settleLatePayment(options: {
  db: Db;
  invoiceId: string;
  provider: PaymentProvider;
}): Promise<{ changes: InvoiceChange[] }> {
  const invoice = await options.db.invoice.findUnique({
    where: { id: options.invoiceId },
    select: { status: true },
  });
  if (!invoice) return { changes: [] };
  if (balanceOre(await getLedgerSums(options.db, options.invoiceId)) >= 0) return { changes: [] };
  const { changes } = await refundCustomerCredit({
    ...options,
    reason:
      invoice.status === "CREDITED"
        ? "Payment received after the invoice was credited"
        : "Paid more than the invoice asked",
  });
  return { changes };
}

/**
 * After any delivery of a provider's "succeeded" (also a redelivery): if that payment sits on an
 * invoice credited meanwhile, pay it back. Safe to repeat — refunds are keyed and recorded once —
 * so a failure here can be answered with an error and the provider's redelivery retries it.
 */
export async function settleAfterProviderSuccess(options: {
  db: Db;
  providerPaymentId: string;
  provider: PaymentProvider;
}): Promise<{ changes: InvoiceChange[] }> {
  const attempt = await options.db.paymentAttempt.findUnique({
    where: { providerPaymentId: options.providerPaymentId },
    select: { invoiceId: true, status: true },
  });
  if (attempt?.status !== "SUCCEEDED") return { changes: [] };
  return settleLatePayment({
    db: options.db,
    invoiceId: attempt.invoiceId,
    provider: options.provider,
  });
}
