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

/**
 * How money came: card and swish through the payment provider; bankgiro, bank_transfer and
 * swish_direct (a Swish payment straight to the organisation's own Swish number) from the bank's
 * files; demo in the demo.
 */
export const PAYMENT_METHODS = [
  "card",
  "swish",
  "bank_transfer",
  "bankgiro",
  "swish_direct",
  "demo",
] as const;

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
  /** What the payment brought beyond what was owed (0 when nothing, or when not recorded). */
  overpaidOre: number;
  /**
   * For money from a bank file (option bankMoney): the refund policy says the extra goes back, as
   * a payment finance makes — the caller plans it (lib/bank-files/bank-repayments.ts).
   */
  payBackByBank: boolean;
  /** The invoice's status before this payment. */
  statusBefore: string;
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
    /**
     * Money from a bank file (a person placed it from the unmatched queue): what it brought
     * beyond what was owed follows the refund policy — under REFUND the caller plans a payment
     * back for finance (payBackByBank in the result), and the timeline says so.
     */
    bankMoney?: boolean;
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
      overpaidOre: 0,
      payBackByBank: false,
      statusBefore: invoice.status,
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
  const policy =
    overpaidOre > 0
      ? (
          await tx.organization.findUniqueOrThrow({
            where: { id: input.organizationId },
            select: { refundPolicy: true },
          })
        ).refundPolicy
      : null;
  const paidBackBy =
    policy !== "REFUND"
      ? null
      : options.bankMoney
        ? ("bank" as const)
        : PAID_BACK_BY_PROVIDER.has(input.method)
          ? ("provider" as const)
          : null;
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
      overpaidOre > 0
        ? await overpaymentText(
            tx,
            invoice.id,
            overpaidOre,
            paidBackBy === "bank" && input.method === "swish_direct" ? "swish_direct" : paidBackBy,
          )
        : null,
    occurredAt,
  });

  // The collection steps of what is left (a plan's part paid, a hold on money in flight lifted);
  // paid in full, nothing is left to collect.
  if (balanceOre(sums) > 0) await requestCollectionRun(tx, input.organizationId, [invoice.id]);
  return {
    recorded: true,
    balanceOre: balanceOre(sums),
    status,
    version: updated.version,
    overpaidOre,
    payBackByBank: paidBackBy === "bank",
    statusBefore: invoice.status,
  };
}

// A provider's payment goes back the way it came (refundCustomerCredit); money from a bank file
// goes back as a payment finance makes (bank-repayments.ts); a payment the billing system recorded
// through the API stays as credit here (its system pays back, if it does).
const PAID_BACK_BY_PROVIDER: ReadonlySet<string> = new Set(["card", "swish", "demo"]);

const OVERPAYMENT_TEXT = {
  sv: {
    kept: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Beloppet finns kvar hos oss som ditt tillgodohavande.`,
    refunded: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Beloppet är ditt tillgodohavande tills vi har betalat tillbaka det på samma sätt som du betalade.`,
    refundedToAccount: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Vi betalar tillbaka det till kontot du betalade från.`,
    refundedBySwish: (amount: string) =>
      `Du betalade ${amount} mer än du var skyldig på fakturan. Vi betalar tillbaka det med Swish till numret du betalade från.`,
  },
  en: {
    kept: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. It stays with us as your credit.`,
    refunded: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. It is your credit until we have paid it back the way you paid.`,
    refundedToAccount: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. We are paying it back to the account you paid from.`,
    refundedBySwish: (amount: string) =>
      `You paid ${amount} more than you owed on this invoice. We are paying it back by Swish to the number you paid from.`,
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
  /**
   * Who pays it back (the caller applied the refund policy): the provider, finance from the bank
   * (by Swish for money that came by Swish), or nobody.
   */
  paidBackBy: "provider" | "bank" | "swish_direct" | null,
): Promise<string> {
  const { customer } = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { customer: { select: { locale: true } } },
  });
  const texts = OVERPAYMENT_TEXT[customer.locale];
  const amount = formatMoney(overpaidOre, { locale: customer.locale });
  if (paidBackBy === "provider") return texts.refunded(amount);
  if (paidBackBy === "bank") return texts.refundedToAccount(amount);
  if (paidBackBy === "swish_direct") return texts.refundedBySwish(amount);
  return texts.kept(amount);
}
