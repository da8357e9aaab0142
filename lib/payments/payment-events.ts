import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type {
  PaymentAttemptStatus,
  PaymentMethod,
  PaymentProviderKind,
  Prisma,
  RefundStatus,
} from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { balanceOre, deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { recordPaymentInTransaction } from "@/lib/ledger/record-payment";
import type { ProviderRefundStatus } from "@/lib/payments/payment-provider";
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
  | {
      type: "refunded";
      refunds: RefundReport[];
      /** The event did not list the refunds: ask the provider for them before applying it. */
      listRefunds?: boolean;
    };

/** One refund as the provider reports it now: its own id, amount and status. */
export interface RefundReport {
  providerRefundId: string;
  amountOre: number;
  status: ProviderRefundStatus;
  failureReason?: string | null;
}

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
        // Booked whatever the attempt's status: the provider took the money, and refusing it would
        // lose it. A cancelled attempt's payment can only succeed when the provider would not
        // cancel it (being paid that moment) — startPayment never hands out the client secret of
        // one cancelled while it was created — and what it pays beyond the balance is the
        // customer's credit, said on the timeline and settled per policy (settleLatePayment).
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
          { moneyAlreadyTaken: true, instrument: attempt.method === "SWISH" ? "swish" : "card" },
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

const REFUND_STATUS: Record<ProviderRefundStatus, RefundStatus> = {
  pending: "PENDING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  canceled: "CANCELED",
};
const refundFailed = (status: RefundStatus) => status === "FAILED" || status === "CANCELED";

type RefundChange =
  | { kind: "booked"; refundId: string; amountOre: number; status: "PENDING" | "SUCCEEDED" }
  | { kind: "completed"; refundId: string; amountOre: number }
  | { kind: "failed"; refundId: string; amountOre: number; failureReason: string | null };

/**
 * Records refunds with their status. A refund first reported pending or succeeded is booked (a
 * REFUND ledger entry holds the customer's credit for it, so it is never refunded twice); pending
 * becomes succeeded without touching the ledger; a refund that fails or is cancelled — at once or
 * later — gives the credit back with an opposite entry keyed `<id>:reversed`, exactly once.
 * Failed and cancelled are final. Each change is a timeline entry the customer sees (the
 * provider's reason goes only to a staff twin).
 */
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
    method: PaymentMethod;
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
  const ledgerEntry = async (amountOre: number, externalRef: string, memo: string) =>
    (
      await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "currency", "externalRef", "memo", "occurredAt")
        VALUES (gen_random_uuid()::text, ${attempt.organizationId}, ${attempt.invoiceId}, 'REFUND'::"LedgerEntryKind",
                ${amountOre}, ${attempt.currency}, ${externalRef}, ${memo}, ${occurredAt})
        ON CONFLICT ("kind", "externalRef") DO NOTHING RETURNING "id"`
    ).length > 0;

  let heldNow = 0;
  let ledgerChanged = false;
  const changes: RefundChange[] = [];
  for (const report of refunds) {
    const status = REFUND_STATUS[report.status];
    const failureReason = report.failureReason?.slice(0, 500) ?? null;
    const existing = await tx.refund.findUnique({
      where: { providerRefundId: report.providerRefundId },
    });
    if (!existing) {
      // Never more back than was paid on this attempt, never a zero or negative refund.
      const amountOre = refundFailed(status)
        ? report.amountOre
        : Math.min(report.amountOre, attempt.amountOre - attempt.refundedOre - heldNow);
      if (!Number.isSafeInteger(amountOre) || amountOre <= 0) continue;
      const refund = await tx.refund.create({
        data: {
          organizationId: attempt.organizationId,
          invoiceId: attempt.invoiceId,
          attemptId: attempt.id,
          providerRefundId: report.providerRefundId,
          amountOre,
          currency: attempt.currency,
          status,
          failureReason,
        },
      });
      if (refundFailed(status)) {
        changes.push({ kind: "failed", refundId: refund.id, amountOre, failureReason });
        continue;
      }
      if (await ledgerEntry(amountOre, report.providerRefundId, "refund")) {
        heldNow += amountOre;
        ledgerChanged = true;
      }
      changes.push({
        kind: "booked",
        refundId: refund.id,
        amountOre,
        status: status as "PENDING" | "SUCCEEDED",
      });
      continue;
    }
    // A refund is news only about its own payment; failed and cancelled are final.
    if (existing.attemptId && existing.attemptId !== attempt.id) continue;
    if (refundFailed(existing.status) || existing.status === status) continue;
    if (!refundFailed(status)) {
      // Pending → succeeded; a late "pending" about a refund already paid out changes nothing.
      if (status === "SUCCEEDED") {
        await tx.refund.update({ where: { id: existing.id }, data: { status } });
        changes.push({ kind: "completed", refundId: existing.id, amountOre: existing.amountOre });
      }
      continue;
    }
    await tx.refund.update({ where: { id: existing.id }, data: { status, failureReason } });
    if (
      await ledgerEntry(
        -existing.amountOre,
        `${existing.providerRefundId}:reversed`,
        "refund failed",
      )
    ) {
      heldNow -= existing.amountOre;
      ledgerChanged = true;
    }
    changes.push({
      kind: "failed",
      refundId: existing.id,
      amountOre: existing.amountOre,
      failureReason,
    });
  }
  if (changes.length === 0) return { outcome: "ignored", invoiceId: attempt.invoiceId };
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: attempt.invoiceId },
    select: { kind: true, status: true, dueDate: true, version: true },
  });
  const sums = await getLedgerSums(tx, attempt.invoiceId);
  let { status, version } = invoice;
  // The version moves with the ledger (a refund paid out or failed at once only adds a line to
  // the timeline, and must not make an agent's open form stale).
  if (ledgerChanged) {
    await tx.paymentAttempt.update({
      where: { id: attempt.id },
      data: { refundedOre: { increment: heldNow } },
    });
    status = deriveInvoiceStatus({ ...invoice, sums, today: todayInSweden(occurredAt) });
    ({ version } = await tx.invoice.update({
      where: { id: attempt.invoiceId },
      data: { status, version: { increment: 1 } },
      select: { version: true },
    }));
  }
  const base = {
    organizationId: attempt.organizationId,
    invoiceId: attempt.invoiceId,
    occurredAt,
  };
  // Where the money goes, for the customer's timeline: back the way it was paid.
  const to = attempt.method === "SWISH" ? "swish" : "card";
  for (const change of changes) {
    const data = { refundId: change.refundId, amountOre: change.amountOre };
    if (change.kind === "booked") {
      await recordInvoiceEvent(tx, {
        ...base,
        type: "PAYMENT_REFUNDED",
        visibility: "CUSTOMER",
        data: { ...data, status: change.status, balanceOre: balanceOre(sums), to },
      });
    } else if (change.kind === "completed") {
      await recordInvoiceEvent(tx, {
        ...base,
        type: "REFUND_COMPLETED",
        visibility: "CUSTOMER",
        data,
      });
    } else {
      await recordInvoiceEvent(tx, {
        ...base,
        type: "REFUND_FAILED",
        visibility: "CUSTOMER",
        data: { ...data, balanceOre: balanceOre(sums) },
      });
      await recordInvoiceEvent(tx, {
        ...base,
        type: "REFUND_FAILURE_NOTED",
        visibility: "STAFF",
        data: { ...data, failureReason: change.failureReason },
      });
    }
  }
  return {
    outcome: "applied",
    invoiceId: attempt.invoiceId,
    // A refund paid out without a ledger change leaves the version where it was: the cue then
    // carries none, so open pages read the invoice again instead of skipping a version they have.
    ...(ledgerChanged ? { version } : {}),
    status,
  };
}
