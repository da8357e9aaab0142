import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { PaymentAttemptStatus } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { balanceOre } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { createLogger } from "@/lib/log";
import { MAX_STORED_INTEGER } from "@/lib/money/money";
import {
  type CreatedPayment,
  type PaymentProvider,
  ProviderRejectedError,
  ProviderUnavailableError,
} from "@/lib/payments/payment-provider";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";

const log = createLogger("payments");

/** What the customer's payment step sends; the same schema checks the form and the server. */
export const startPaymentInputSchema = z.object({
  amountOre: z
    .number({ error: "the amount must be a number of öre" })
    .int("the amount must be whole öre")
    .positive("the amount must be more than 0")
    .max(MAX_STORED_INTEGER, "the amount is larger than an invoice can hold"),
  currency: z.literal("SEK", { error: "invoices are paid in SEK" }).optional(),
  method: z.enum(["CARD", "SWISH"], { error: "choose card or Swish" }),
});

export type StartPaymentInput = z.output<typeof startPaymentInputSchema>;

export interface StartedPayment {
  attemptId: string;
  provider: "STRIPE" | "DEMO";
  amountOre: number;
  clientSecret: string | null;
}

// Starting payments is cheap to ask for and costly to serve: a budget per invoice and hour.
const ATTEMPTS_PER_INVOICE = { limit: 20, windowMs: 60 * 60_000 };

/**
 * Starts a customer's payment of (part of) an invoice: checks the amount against the balance and
 * the organisation's rules, records the attempt, then asks the provider — with an idempotency key
 * derived from the attempt — for a payment. If the provider does not answer, the attempt is
 * marked failed and the customer can simply try again; nothing is charged and nothing recorded
 * in the ledger (that only happens when the provider reports success).
 */
export async function startPayment(options: {
  db: Db;
  invoiceId: string;
  input: StartPaymentInput;
  provider: PaymentProvider;
}): Promise<StartedPayment> {
  const input = { ...options.input, currency: options.input.currency ?? "SEK" };
  const { db } = options;
  const invoice = await db.invoice.findUnique({
    where: { id: options.invoiceId },
    select: {
      id: true,
      kind: true,
      status: true,
      number: true,
      currency: true,
      organizationId: true,
      organization: {
        select: { name: true, allowPartialPayment: true, minimumPartialPaymentOre: true },
      },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  if (invoice.kind !== "INVOICE" || invoice.status === "DRAFT") {
    throw new AppError("CONFLICT", "This document cannot be paid", { reason: "not_payable" });
  }
  if (invoice.status === "CREDITED")
    throw new AppError("CONFLICT", "This invoice has been credited; there is nothing to pay", {
      reason: "already_paid",
    });
  if (invoice.currency !== input.currency) {
    throw new AppError("BAD_INPUT", `This invoice is paid in ${invoice.currency}`);
  }
  const balance = balanceOre(await getLedgerSums(db, invoice.id));
  if (balance <= 0 || invoice.status === "PAID")
    throw new AppError("CONFLICT", "This invoice is already paid", { reason: "already_paid" });
  if (input.amountOre > balance) {
    throw new AppError("BAD_INPUT", "The amount is more than what is left to pay", {
      balanceOre: balance,
      reason: "too_much",
    });
  }
  if (input.amountOre < balance) {
    const { allowPartialPayment, minimumPartialPaymentOre } = invoice.organization;
    if (!allowPartialPayment)
      throw new AppError("BAD_INPUT", "This invoice has to be paid in full", {
        reason: "full_only",
      });
    if (input.amountOre < minimumPartialPaymentOre) {
      throw new AppError("BAD_INPUT", "The amount is below the smallest part payment accepted", {
        minimumOre: minimumPartialPaymentOre,
        reason: "too_little",
      });
    }
  }
  const limit = await hitRateLimit(db, {
    key: `payment-attempts:${invoice.id}`,
    ...ATTEMPTS_PER_INVOICE,
  });
  if (limit.limited)
    throw new AppError(
      "RATE_LIMITED",
      "Too many payment attempts on this invoice; try again later",
      { reason: "rate_limited" },
    );

  // Only the newest attempt can be paid: an earlier one left open (another tab, a reload) could
  // otherwise be completed too and take the money twice. The database holds it: at most one
  // attempt per invoice is payable (created or processing), so of two starts racing, one is told.
  // One still being created at the provider is in flight, not abandoned: this start is refused.
  await cancelOpenAttempts({
    db,
    invoiceId: invoice.id,
    provider: options.provider,
    inFlight: "refuse",
  });
  const attempt = await createPayableAttempt(db, {
    organizationId: invoice.organizationId,
    invoiceId: invoice.id,
    provider: options.provider.kind,
    method: input.method,
    amountOre: input.amountOre,
    currency: input.currency,
  });
  let created: CreatedPayment;
  try {
    created = await options.provider.createPayment({
      attemptId: attempt.id,
      invoiceId: invoice.id,
      organizationId: invoice.organizationId,
      invoiceNumber: invoice.number,
      amountOre: input.amountOre,
      currency: input.currency,
      method: input.method,
      description: `Faktura ${invoice.number} – ${invoice.organization.name}`,
      idempotencyKey: `nota-payment-attempt-${attempt.id}`,
    });
  } catch (error) {
    // The provider's own words are for staff (the attempt and the log), never the customer. An
    // attempt cancelled meanwhile stays cancelled.
    await db.paymentAttempt.updateMany({
      where: { id: attempt.id, status: { in: PAYABLE } },
      data: { status: "FAILED", failureMessage: (error as Error).message.slice(0, 500) },
    });
    if (error instanceof ProviderUnavailableError) {
      log.warn("payment provider did not answer", {
        attemptId: attempt.id,
        error: error.message,
      });
      throw new AppError(
        "UNAVAILABLE",
        "The payment service did not answer. Nothing was charged; please try again.",
        { reason: "provider_unavailable" },
      );
    }
    if (error instanceof ProviderRejectedError) {
      log.error("payment provider refused a payment", {
        attemptId: attempt.id,
        error: error.message,
      });
      throw new AppError(
        "CONFLICT",
        "The payment could not be started. Nothing was charged; please pay by bank transfer or contact us.",
        { reason: "provider_refused" },
      );
    }
    throw error;
  }
  // The id is stored only on an attempt that is still payable. While the provider was creating
  // the payment, the attempt may have been cancelled (a credit, or a later start that took it for
  // abandoned); its payment must then never become payable: no client secret leaves here.
  const stored = await db.paymentAttempt.updateMany({
    where: { id: attempt.id, status: { in: PAYABLE }, providerPaymentId: null },
    data: { providerPaymentId: created.providerPaymentId },
  });
  if (stored.count === 0) {
    await withdrawCancelledPayment(db, options.provider, attempt.id, created.providerPaymentId);
    const now = await db.invoice.findUnique({
      where: { id: invoice.id },
      select: { status: true },
    });
    if (now?.status === "CREDITED") {
      throw new AppError("CONFLICT", "This invoice has been credited; there is nothing to pay", {
        reason: "already_paid",
      });
    }
    throw new AppError("CONFLICT", ANOTHER_PAYMENT, { reason: "another_payment" });
  }
  return {
    attemptId: attempt.id,
    provider: options.provider.kind,
    amountOre: input.amountOre,
    clientSecret: created.clientSecret,
  };
}

/**
 * The provider created a payment for an attempt cancelled in the meantime: its id is kept on the
 * attempt (so the provider's events about it find it) and the provider is asked to cancel it.
 * Should that fail, nobody can pay it anyway — its client secret was never handed out.
 */
async function withdrawCancelledPayment(
  db: Db,
  provider: PaymentProvider,
  attemptId: string,
  providerPaymentId: string,
) {
  await db.paymentAttempt.updateMany({
    where: { id: attemptId, providerPaymentId: null },
    data: { providerPaymentId },
  });
  try {
    await provider.cancelPayment(providerPaymentId, `nota-cancel-${attemptId}`);
  } catch (error) {
    log.warn("could not cancel the payment of an attempt cancelled while it was created", {
      attemptId,
      error: (error as Error).message,
    });
  }
}

/**
 * Creates the invoice's one payable attempt under the invoice's lock, after checking again that
 * the amount still fits what is left (a payment may have landed since the first check).
 */
async function createPayableAttempt(
  db: Db,
  data: {
    organizationId: string;
    invoiceId: string;
    provider: "STRIPE" | "DEMO";
    method: "CARD" | "SWISH";
    amountOre: number;
    currency: string;
  },
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockInvoiceForLedger(tx, data.invoiceId);
      const balance = balanceOre(await getLedgerSums(tx, data.invoiceId));
      if (data.amountOre > balance) {
        throw new AppError("CONFLICT", "The amount is more than what is left to pay", {
          balanceOre: Math.max(balance, 0),
          reason: "too_much",
        });
      }
      const payable = await tx.paymentAttempt.count({
        where: { invoiceId: data.invoiceId, status: { in: PAYABLE } },
      });
      if (payable > 0)
        throw new AppError("CONFLICT", ANOTHER_PAYMENT, { reason: "another_payment" });
      return tx.paymentAttempt.create({ data, select: { id: true } });
    }, QUEUED_TRANSACTION);
  } catch (error) {
    // The partial unique index: another start won the race.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", ANOTHER_PAYMENT, { reason: "another_payment" });
    }
    throw error;
  }
}

const ANOTHER_PAYMENT =
  "Another payment of this invoice is under way. Finish it, or wait a moment and try again.";

/** The attempt statuses that can still take money (a partial unique index allows one per invoice). */
const PAYABLE: PaymentAttemptStatus[] = ["CREATED", "PROCESSING"];

/**
 * Longer than creating a payment at the provider can take (Stripe's client waits 10 s and tries
 * three times, createStripeClient): an attempt still without the provider's id after this was
 * abandoned mid-call (its process stopped), and a new start may cancel it.
 */
const PROVIDER_CREATE_MAX_MS = 2 * 60_000;

/**
 * An attempt's state for the customer's page (polled while waiting for the provider): the status
 * and amount only — why a provider declined is the staff's to read (failureMessage), never shown
 * to the customer in the provider's words.
 */
export async function getPaymentAttemptStatus(db: Db, invoiceId: string, attemptId: string) {
  const attempt = await db.paymentAttempt.findFirst({
    where: { id: attemptId, invoiceId },
    select: { id: true, status: true, amountOre: true, provider: true },
  });
  if (!attempt) throw new AppError("NOT_FOUND", "No such payment");
  return attempt;
}

/** The invoice of an attempt, if it belongs to the customer and organisation a link speaks for. */
export async function attemptInvoiceInScope(
  db: Db,
  scope: { customerId: string; organizationId: string },
  attemptId: string,
): Promise<string> {
  const attempt = await db.paymentAttempt.findFirst({
    where: {
      id: attemptId,
      organizationId: scope.organizationId,
      invoice: { customerId: scope.customerId },
    },
    select: { invoiceId: true },
  });
  if (!attempt) throw new AppError("NOT_FOUND", "No such payment");
  return attempt.invoiceId;
}

/**
 * Cancels an invoice's payable attempts (created, or processing at the provider) before a new one
 * is made, so only one can ever take money. The provider is asked first; an attempt it will not
 * cancel (being paid right now) stays payable, and the new start is refused until it is settled.
 * Should one be paid after all, that money is recorded like any other and what is paid beyond
 * the balance goes back per the organisation's policy (settleLatePayment).
 *
 * An attempt without the provider's id is still being created there (startPayment is waiting for
 * the answer) or was abandoned mid-call. `inFlight: "refuse"` (a new start) refuses while it may
 * still be in flight; otherwise (a credit) it is cancelled here, and the waiting start, finding it
 * cancelled when the provider answers, cancels the provider's payment and hands out nothing.
 */
export async function cancelOpenAttempts(options: {
  db: Db;
  invoiceId: string;
  provider: PaymentProvider;
  inFlight?: "refuse" | "cancel";
}) {
  const open = await options.db.paymentAttempt.findMany({
    where: { invoiceId: options.invoiceId, status: { in: PAYABLE } },
    select: { id: true, providerPaymentId: true, provider: true, createdAt: true },
  });
  if (options.inFlight === "refuse") {
    const since = Date.now() - PROVIDER_CREATE_MAX_MS;
    if (open.some((a) => !a.providerPaymentId && a.createdAt.getTime() > since)) {
      throw new AppError("CONFLICT", ANOTHER_PAYMENT, { reason: "another_payment" });
    }
  }
  for (const attempt of open) {
    try {
      await cancelAttempt(options.db, options.provider, attempt);
    } catch (error) {
      log.warn("could not cancel an open payment attempt", {
        attemptId: attempt.id,
        error: (error as Error).message,
      });
    }
  }
}

async function cancelAttempt(
  db: Db,
  provider: PaymentProvider,
  found: { id: string; providerPaymentId: string | null; provider: "STRIPE" | "DEMO" },
) {
  let attempt = found;
  if (!attempt.providerPaymentId) {
    // Only while the id is still missing: the start storing it makes the same check, so exactly
    // one of the two wins — this cancel (the start then withdraws the provider's payment), or the
    // stored id (then the provider is asked to cancel it below, like any other).
    const { count } = await db.paymentAttempt.updateMany({
      where: { id: attempt.id, status: { in: PAYABLE }, providerPaymentId: null },
      data: { status: "CANCELED" },
    });
    if (count === 1) return;
    const now = await db.paymentAttempt.findUnique({
      where: { id: attempt.id },
      select: { id: true, providerPaymentId: true, provider: true, status: true },
    });
    if (!now || !PAYABLE.includes(now.status)) return;
    attempt = now;
  }
  // An attempt made through another provider (the configuration changed) cannot be asked
  // about here; it is cancelled on our side, and money it still brings is settled as usual.
  if (attempt.providerPaymentId && attempt.provider === provider.kind) {
    await provider.cancelPayment(attempt.providerPaymentId, `nota-cancel-${attempt.id}`);
  }
  await db.paymentAttempt.updateMany({
    where: { id: attempt.id, status: { in: PAYABLE } },
    data: { status: "CANCELED" },
  });
}
