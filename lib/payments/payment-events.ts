import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { PaymentAttemptStatus, PaymentProviderKind, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { balanceOre, deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { recordPaymentInTransaction } from "@/lib/ledger/record-payment";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * A provider's report about a payment, in our own words. Stripe webhooks and the demo provider
 * are translated into these, so both take exactly one recording path.
 */
export type PaymentEvent =
  | { type: "succeeded"; amountOre: number; currency: string }
  | { type: "processing" }
  | { type: "failed"; message: string | null }
  | { type: "canceled" }
  | { type: "refunded"; refunds: RefundReport[] };

/** One refund by its own amount, or (when the provider only tells the total) by the running total. */
export type RefundReport =
  | { providerRefundId: string; amountOre: number }
  | { providerRefundId: string; cumulativeOre: number };

export interface ProviderEventEnvelope {
  provider: PaymentProviderKind;
  /** The provider's event id: an event is applied once however often it is delivered. */
  eventId: string;
  providerPaymentId: string;
  /** Our attempt id as carried in the provider's metadata, when the payment id is not yet known. */
  attemptId?: string | null;
  occurredAt?: Date;
  event: PaymentEvent;
}

export interface AppliedPaymentEvent {
  outcome: "applied" | "duplicate" | "unknown-payment" | "ignored";
  invoiceId?: string;
  version?: number;
  /** The invoice's status after the event, when it changed the ledger. */
  status?: string;
}

// Once an attempt has succeeded, a late "processing" or "failed" cannot take that back; once it
// has failed or been cancelled, only a success (e.g. after a retried confirmation) moves it.
const TERMINAL: PaymentAttemptStatus[] = ["SUCCEEDED", "FAILED", "CANCELED"];

/**
 * Applies one provider event in one transaction: the event id is claimed first (a redelivery
 * finds it claimed and changes nothing), then the attempt, the ledger and the timeline change
 * together. Events may arrive in any order.
 */
export async function applyPaymentEvent(options: {
  db: Db;
  envelope: ProviderEventEnvelope;
}): Promise<AppliedPaymentEvent> {
  const { envelope } = options;
  return options.db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "PaymentProviderEvent" ("id", "provider", "eventId", "type")
      VALUES (gen_random_uuid()::text, ${envelope.provider}::"PaymentProviderKind", ${envelope.eventId}, ${envelope.event.type})
      ON CONFLICT ("provider", "eventId") DO NOTHING RETURNING "id"`;
    if (claimed.length === 0) return { outcome: "duplicate" };

    const found =
      (await tx.paymentAttempt.findUnique({
        where: { providerPaymentId: envelope.providerPaymentId },
      })) ??
      (envelope.attemptId
        ? await tx.paymentAttempt.findFirst({
            where: { id: envelope.attemptId, provider: envelope.provider },
          })
        : null);
    if (!found) return { outcome: "unknown-payment" };
    await lockInvoiceForLedger(tx, found.invoiceId);
    // Read again under the lock: a concurrent event about the same payment may just have changed it.
    const attempt = await tx.paymentAttempt.findUniqueOrThrow({ where: { id: found.id } });
    if (!attempt.providerPaymentId) {
      await tx.paymentAttempt.update({
        where: { id: attempt.id },
        data: { providerPaymentId: envelope.providerPaymentId },
      });
    }
    const occurredAt = envelope.occurredAt ?? new Date();
    const { event } = envelope;

    switch (event.type) {
      case "succeeded": {
        await tx.paymentAttempt.update({
          where: { id: attempt.id },
          data: { status: "SUCCEEDED", failureMessage: null },
        });
        const result = await recordPaymentInTransaction(
          tx,
          {
            invoiceId: attempt.invoiceId,
            organizationId: attempt.organizationId,
            amountOre: event.amountOre,
            // A payment in another currency fails the invoice's currency check and is not recorded.
            currency: event.currency.toUpperCase() as "SEK",
            method:
              attempt.provider === "DEMO" ? "demo" : attempt.method === "SWISH" ? "swish" : "card",
            // The provider's payment id, not the event id: two events about one payment record it once.
            externalRef: envelope.providerPaymentId,
            occurredAt,
          },
          { type: "SYSTEM" },
          { moneyAlreadyTaken: true },
        );
        return {
          outcome: "applied",
          invoiceId: attempt.invoiceId,
          version: result.version,
          status: result.status,
        };
      }
      case "processing": {
        if (TERMINAL.includes(attempt.status))
          return { outcome: "ignored", invoiceId: attempt.invoiceId };
        await tx.paymentAttempt.update({
          where: { id: attempt.id },
          data: { status: "PROCESSING" },
        });
        return { outcome: "applied", invoiceId: attempt.invoiceId };
      }
      case "failed":
      case "canceled": {
        if (attempt.status === "SUCCEEDED")
          return { outcome: "ignored", invoiceId: attempt.invoiceId };
        await tx.paymentAttempt.update({
          where: { id: attempt.id },
          data: {
            status: event.type === "failed" ? "FAILED" : "CANCELED",
            failureMessage:
              event.type === "failed" ? (event.message ?? "The payment was declined") : null,
          },
        });
        await recordInvoiceEvent(tx, {
          organizationId: attempt.organizationId,
          invoiceId: attempt.invoiceId,
          type: event.type === "failed" ? "PAYMENT_FAILED" : "PAYMENT_CANCELED",
          visibility: "STAFF",
          data: { attemptId: attempt.id, message: event.type === "failed" ? event.message : null },
          occurredAt,
        });
        return { outcome: "applied", invoiceId: attempt.invoiceId };
      }
      case "refunded":
        return recordRefunds(tx, attempt, event.refunds, occurredAt);
    }
  }, QUEUED_TRANSACTION);
}

async function recordRefunds(
  tx: Prisma.TransactionClient,
  attempt: {
    id: string;
    invoiceId: string;
    organizationId: string;
    currency: string;
    status: PaymentAttemptStatus;
    refundedOre: number;
    amountOre: number;
  },
  refunds: RefundReport[],
  occurredAt: Date,
): Promise<AppliedPaymentEvent> {
  // A refund pays back a payment the ledger holds. A refund reported before its payment's success
  // (events arrive in any order) cannot be recorded yet: refused without claiming the event, and
  // marked retryable so the provider delivers it again once the payment is in.
  if (attempt.status !== "SUCCEEDED") {
    throw new AppError(
      "CONFLICT",
      "That payment is not recorded yet; its refund will be applied once it is",
      {
        retryable: true,
      },
    );
  }
  let refundedNow = 0;
  for (const report of refunds) {
    const amountOre =
      "cumulativeOre" in report
        ? report.cumulativeOre - (attempt.refundedOre + refundedNow)
        : report.amountOre;
    // Never more back than was paid on this attempt, never a zero or negative refund.
    const refund = {
      providerRefundId: report.providerRefundId,
      amountOre: Math.min(amountOre, attempt.amountOre - attempt.refundedOre - refundedNow),
    };
    if (!Number.isSafeInteger(refund.amountOre) || refund.amountOre <= 0) continue;
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "currency", "externalRef", "memo", "occurredAt")
      VALUES (gen_random_uuid()::text, ${attempt.organizationId}, ${attempt.invoiceId}, 'REFUND'::"LedgerEntryKind",
              ${refund.amountOre}, ${attempt.currency}, ${refund.providerRefundId}, 'refund', ${occurredAt})
      ON CONFLICT ("kind", "externalRef") DO NOTHING RETURNING "id"`;
    if (inserted.length > 0) refundedNow += refund.amountOre;
  }
  if (refundedNow === 0) return { outcome: "ignored", invoiceId: attempt.invoiceId };
  await tx.paymentAttempt.update({
    where: { id: attempt.id },
    data: { refundedOre: { increment: refundedNow } },
  });
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: attempt.invoiceId },
    select: { kind: true, status: true, dueDate: true },
  });
  const sums = await getLedgerSums(tx, attempt.invoiceId);
  const status = deriveInvoiceStatus({ ...invoice, sums, today: todayInSweden(occurredAt) });
  const updated = await tx.invoice.update({
    where: { id: attempt.invoiceId },
    data: { status, version: { increment: 1 } },
    select: { version: true },
  });
  await recordInvoiceEvent(tx, {
    organizationId: attempt.organizationId,
    invoiceId: attempt.invoiceId,
    type: "PAYMENT_REFUNDED",
    visibility: "CUSTOMER",
    data: { amountOre: refundedNow, balanceOre: balanceOre(sums) },
    occurredAt,
  });
  return { outcome: "applied", invoiceId: attempt.invoiceId, version: updated.version };
}
