import { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { balanceOre, deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { formatMoney, MAX_STORED_INTEGER } from "@/lib/money/money";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export const PAYMENT_METHODS = ["card", "swish", "bank_transfer", "bankgiro", "demo"] as const;

export const recordPaymentInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  amountOre: z
    .number({ error: "amount must be a number of öre" })
    .int("amount must be whole öre")
    .positive("amount must be more than 0")
    .max(MAX_STORED_INTEGER, "the amount is larger than an invoice can hold"),
  currency: z.literal("SEK", { error: "only SEK is supported" }).optional(),
  method: z.enum(PAYMENT_METHODS),
  /** The provider's id for this payment: the same id is recorded only once. */
  externalRef: z.string().min(1).max(200),
  occurredAt: z.date().optional(),
});

export type RecordPaymentInput = z.output<typeof recordPaymentInputSchema>;

export interface RecordPaymentResult {
  recorded: boolean;
  balanceOre: number;
  status: string;
  version: number;
}

/**
 * Records a payment exactly once (unique on kind + externalRef), then re-derives the invoice's
 * status from the ledger, in one transaction with its timeline event.
 */
export async function recordPayment(options: {
  db: Db;
  input: RecordPaymentInput;
  actor: Actor;
  /** Internal: set on the one retry after losing a race on the unique key. */
  isRetry?: boolean;
}): Promise<RecordPaymentResult> {
  const input = { ...options.input, currency: options.input.currency ?? "SEK" };
  try {
    return await options.db.$transaction(
      (tx) => recordPaymentInTransaction(tx, input, options.actor),
      QUEUED_TRANSACTION,
    );
  } catch (error) {
    // Two deliveries of the same payment racing: the loser hits the unique key and changes nothing.
    if (!options.isRetry && isUniqueViolation(error)) {
      return recordPayment({ ...options, isRetry: true });
    }
    throw error;
  }
}

/** The body of recordPayment, for callers that already hold a transaction (provider events). */
export async function recordPaymentInTransaction(
  tx: Prisma.TransactionClient,
  input: z.output<typeof recordPaymentInputSchema>,
  actor: Actor,
  options: {
    /**
     * A provider reporting money it has taken: it is recorded even on a credited or paid invoice
     * (it becomes the customer's credit, to be paid back), because refusing it would lose it.
     */
    moneyAlreadyTaken?: boolean;
    /**
     * For a demo payment (method "demo"): the instrument the customer chose, so their timeline
     * can say "kort (demo)" rather than only "demo".
     */
    instrument?: "card" | "swish";
  } = {},
): Promise<RecordPaymentResult> {
  await lockInvoiceForLedger(tx, input.invoiceId);
  const invoice = await tx.invoice.findFirst({
    where: { id: input.invoiceId, organizationId: input.organizationId },
    select: { id: true, kind: true, status: true, dueDate: true, currency: true, version: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  const existing = await tx.ledgerEntry.findUnique({
    where: { kind_externalRef: { kind: "PAYMENT", externalRef: input.externalRef } },
    select: { invoiceId: true },
  });
  if (existing) {
    if (existing.invoiceId !== invoice.id) {
      throw new AppError("CONFLICT", "That payment is already recorded on another invoice");
    }
    const sums = await getLedgerSums(tx, invoice.id);
    return {
      recorded: false,
      balanceOre: balanceOre(sums),
      status: invoice.status,
      version: invoice.version,
    };
  }
  if (invoice.kind !== "INVOICE" || invoice.status === "DRAFT") {
    throw new AppError("CONFLICT", "This invoice cannot take payments");
  }
  if (invoice.status === "CREDITED" && !options.moneyAlreadyTaken) {
    throw new AppError("CONFLICT", "This invoice has been credited; there is nothing to pay");
  }
  if (invoice.currency !== input.currency) {
    throw new AppError("BAD_INPUT", `The invoice is in ${invoice.currency}, not ${input.currency}`);
  }
  const occurredAt = input.occurredAt ?? new Date();
  await tx.ledgerEntry.create({
    data: {
      organizationId: input.organizationId,
      invoiceId: invoice.id,
      kind: "PAYMENT",
      amountOre: -input.amountOre,
      currency: input.currency,
      externalRef: input.externalRef,
      memo: input.method,
      occurredAt,
    },
  });
  const sums = await getLedgerSums(tx, invoice.id);
  const status = deriveInvoiceStatus({
    kind: invoice.kind,
    status: invoice.status,
    dueDate: invoice.dueDate,
    sums,
    today: todayInSweden(occurredAt),
  });
  const updated = await tx.invoice.update({
    where: { id: invoice.id },
    data: { status, version: { increment: 1 } },
    select: { version: true },
  });
  // Money beyond what was owed (two payments landed, or one after a credit) becomes the
  // customer's credit: never silently. The payment's own entry says so, for the customer and for
  // staff, in this transaction; what happens to it next (a refund) writes entries of its own.
  const overpaidOre = Math.min(input.amountOre, Math.max(0, -balanceOre(sums)));
  await recordInvoiceEvent(tx, {
    organizationId: input.organizationId,
    invoiceId: invoice.id,
    type: "PAYMENT_RECEIVED",
    visibility: "CUSTOMER",
    ...actorFields(actor),
    data: {
      amountOre: input.amountOre,
      method: input.method,
      ...(options.instrument ? { instrument: options.instrument } : {}),
      balanceOre: balanceOre(sums),
      ...(overpaidOre > 0 ? { overpaidOre } : {}),
    },
    customerText:
      overpaidOre > 0 ? await overpaymentText(tx, invoice.id, overpaidOre, input.method) : null,
    occurredAt,
  });
  // The collection steps of what is left (a plan's part paid, a hold on money in flight lifted);
  // paid in full, nothing is left to collect.
  if (balanceOre(sums) > 0) await requestCollectionRun(tx, input.organizationId, [invoice.id]);
  return { recorded: true, balanceOre: balanceOre(sums), status, version: updated.version };
}

// Only a provider's payment can go back the way it came (refundCustomerCredit); a bank transfer
// beyond the balance stays as credit whatever the policy.
const PAID_BACK_BY_PROVIDER: ReadonlySet<string> = new Set(["card", "swish", "demo"]);

const OVERPAYMENT_TEXT = {
  sv: {
    kept: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Beloppet finns kvar hos oss som ditt tillgodohavande.`,
    refunded: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Beloppet är ditt tillgodohavande tills vi har betalat tillbaka det på samma sätt som du betalade.`,
  },
  en: {
    kept: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. It stays with us as your credit.`,
    refunded: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. It is your credit until we have paid it back the way you paid.`,
  },
} as const;

/**
 * The sentence under "Payment received" that tells the customer, in their language, what became
 * of the extra. The timeline shows one system line per event type; this rides in the event's
 * customerText (shown below it), so no new type is needed for the page to say it.
 */
export async function overpaymentText(
  tx: Prisma.TransactionClient,
  invoiceId: string,
  overpaidOre: number,
  method: RecordPaymentInput["method"],
): Promise<string> {
  const { customer, organization } = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      customer: { select: { locale: true } },
      organization: { select: { refundPolicy: true } },
    },
  });
  const texts = OVERPAYMENT_TEXT[customer.locale];
  const amount = formatMoney(overpaidOre, { locale: customer.locale });
  return organization.refundPolicy === "REFUND" && PAID_BACK_BY_PROVIDER.has(method)
    ? texts.refunded(amount)
    : texts.kept(amount);
}
