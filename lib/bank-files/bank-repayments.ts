import { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { balanceOre, deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { createLogger } from "@/lib/log";
import type { InvoiceChange } from "@/lib/payments/invoice-changes";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Money that came by a bank file and goes back to whoever paid it. Nota cannot move money out of
 * the organisation's bank account, so a payment back is a task for finance: it is planned here
 * (when the refund policy says REFUND, or when a person marks an unmatched payment for return),
 * finance pays it from the bank and marks it paid back with the bank's reference, or keeps it as
 * the customer's credit when it cannot be paid (no account in the file, or the customer asked).
 *
 * On an invoice, the plan books a REFUND ledger entry at once (the credit is on its way, so the
 * balance no longer shows it as waiting) and the customer's timeline says "on its way to the
 * account you paid from"; paid back adds "done"; kept gives the credit back with an opposite
 * entry. Each step is one transaction with its timeline event and webhook, and happens once.
 */
const log = createLogger("bank-files");

export const BANK_REPAYMENT_REASONS = [
  "overpaid",
  "credited_invoice",
  "paid_invoice",
  "returned",
] as const;
export type BankRepaymentReason = (typeof BANK_REPAYMENT_REASONS)[number];

export type BankPaymentMethod = "bankgiro" | "bank_transfer" | "swish_direct";

export interface PlannedRepayment {
  organizationId: string;
  bankPaymentId: string;
  invoiceId: string | null;
  amountOre: number;
  currency: string;
  reason: BankRepaymentReason;
  method: BankPaymentMethod;
  payerName: string | null;
  payerAccount: string | null;
}

/** Why money on an invoice is more than it owed, from the invoice's status before the payment. */
export function repaymentReason(statusBefore: string): BankRepaymentReason {
  if (statusBefore === "CREDITED") return "credited_invoice";
  if (statusBefore === "PAID") return "paid_invoice";
  return "overpaid";
}

/** Where the timeline says the money goes: back by Swish, or to the bank account it came from. */
export function repaymentDestination(method: string): "swish_direct" | "bank_account" {
  return method === "swish_direct" ? "swish_direct" : "bank_account";
}

const ledgerRef = (repaymentId: string) => `bank-repayment:${repaymentId}`;

/**
 * Plans one payment back, in the caller's transaction (which holds the invoice's lock when there
 * is an invoice). Planned once per source: a second call for the same payment changes nothing and
 * returns null.
 */
export async function planBankRepayment(
  tx: Prisma.TransactionClient,
  item: PlannedRepayment,
  now: Date = new Date(),
  /** What it comes from, once: by default the payment's extra, or its return. */
  sourceKey = `${item.reason === "returned" ? "returned" : "overpaid"}:${item.bankPaymentId}`,
): Promise<{ id: string } | null> {
  if (!Number.isSafeInteger(item.amountOre) || item.amountOre <= 0) return null;
  const created = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "BankRepayment" ("id", "organizationId", "sourceKey", "bankPaymentId", "invoiceId", "amountOre",
      "currency", "reason", "method", "payerName", "payerAccount", "status", "createdAt")
    VALUES (gen_random_uuid()::text, ${item.organizationId}, ${sourceKey}, ${item.bankPaymentId}, ${item.invoiceId},
      ${item.amountOre}, ${item.currency}, ${item.reason}, ${item.method}, ${item.payerName}, ${item.payerAccount},
      'PENDING'::"BankRepaymentStatus", ${now})
    ON CONFLICT ("organizationId", "sourceKey") DO NOTHING RETURNING "id"`;
  const id = created[0]?.id;
  if (!id) return null;
  if (item.invoiceId) {
    await tx.ledgerEntry.create({
      data: {
        organizationId: item.organizationId,
        invoiceId: item.invoiceId,
        kind: "REFUND",
        amountOre: item.amountOre,
        currency: item.currency,
        externalRef: ledgerRef(id),
        memo: "bank repayment",
        occurredAt: now,
      },
    });
    const sums = await getLedgerSums(tx, item.invoiceId);
    await recordInvoiceEvent(tx, {
      organizationId: item.organizationId,
      invoiceId: item.invoiceId,
      type: "PAYMENT_REFUNDED",
      visibility: "CUSTOMER",
      data: {
        refundId: id,
        bankRepaymentId: id,
        amountOre: item.amountOre,
        status: "PENDING",
        balanceOre: balanceOre(sums),
        to: repaymentDestination(item.method),
      },
      occurredAt: now,
    });
  }
  log.info("bank repayment planned", {
    bankRepaymentId: id,
    organizationId: item.organizationId,
    reason: item.reason,
    amountOre: item.amountOre,
  });
  return { id };
}

/**
 * After a credit note on an invoice paid from the bank: what the customer now has to get back
 * goes back to them when the refund policy says REFUND — a payment back per bank payment on the
 * invoice (newest first), each never more than that payment brought less what was already
 * planned from it. In the credit's transaction, so the credit note can say where the money goes;
 * money that came through the payment provider is refunded through it afterwards
 * (refundCustomerCredit) from what is left. Keyed by what was planned before, so running it again
 * plans nothing twice.
 */
export async function planRepaymentsAfterCredit(
  tx: Prisma.TransactionClient,
  options: { organizationId: string; invoiceId: string; now: Date },
): Promise<number> {
  const { refundPolicy } = await tx.organization.findUniqueOrThrow({
    where: { id: options.organizationId },
    select: { refundPolicy: true },
  });
  if (refundPolicy !== "REFUND") return 0;
  let credit = -balanceOre(await getLedgerSums(tx, options.invoiceId));
  if (credit <= 0) return 0;
  const payments = await tx.bankPayment.findMany({
    where: {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      status: { in: ["BOOKED", "ASSIGNED"] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      amountOre: true,
      currency: true,
      method: true,
      payerName: true,
      payerAccount: true,
      repayments: { where: { status: { not: "KEPT_AS_CREDIT" } }, select: { amountOre: true } },
    },
  });
  let planned = 0;
  for (const payment of payments) {
    if (credit <= 0) break;
    const before = payment.repayments.reduce((sum, row) => sum + row.amountOre, 0);
    const amountOre = Math.min(credit, payment.amountOre - before);
    if (amountOre <= 0) continue;
    const made = await planBankRepayment(
      tx,
      {
        organizationId: options.organizationId,
        bankPaymentId: payment.id,
        invoiceId: options.invoiceId,
        amountOre,
        currency: payment.currency,
        reason: "credited_invoice",
        method: payment.method as BankPaymentMethod,
        payerName: payment.payerName,
        payerAccount: payment.payerAccount,
      },
      options.now,
      `credited:${payment.id}:from-${before}`,
    );
    if (!made) continue;
    credit -= amountOre;
    planned += amountOre;
  }
  return planned;
}

export const bankRepaymentDecisionSchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("paid-back"),
    bankReference: z
      .string()
      .trim()
      .min(3, "write the bank's reference of the payment back (at least 3 characters)")
      .max(100, "the bank's reference is at most 100 characters"),
    note: z.string().trim().max(500, "the note is at most 500 characters").optional(),
  }),
  z.strictObject({
    action: z.literal("keep-as-credit"),
    note: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  }),
]);
export type BankRepaymentDecision = z.output<typeof bankRepaymentDecisionSchema>;

export interface BankRepaymentRow {
  id: string;
  amountOre: number;
  reason: BankRepaymentReason;
  method: BankPaymentMethod;
  payerName: string | null;
  payerAccount: string | null;
  status: "PENDING" | "PAID_BACK" | "KEPT_AS_CREDIT";
  bankReference: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  bookingDate: string | null;
  bankPaymentReference: string | null;
  invoice: { id: string; number: number | null; customerName: string } | null;
}

/** The payments back waiting for finance (oldest first), then the latest decided ones. */
export async function listBankRepayments(
  db: Db,
  organizationId: string,
  options: { status: "PENDING" | "DECIDED"; limit?: number },
): Promise<BankRepaymentRow[]> {
  const rows = await db.bankRepayment.findMany({
    where: {
      organizationId,
      status: options.status === "PENDING" ? "PENDING" : { in: ["PAID_BACK", "KEPT_AS_CREDIT"] },
    },
    orderBy:
      options.status === "PENDING"
        ? [{ createdAt: "asc" }, { id: "asc" }]
        : [{ decidedAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 100,
    include: {
      bankPayment: { select: { bookingDate: true, reference: true } },
      invoice: { select: { id: true, number: true, customer: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    amountOre: row.amountOre,
    reason: row.reason as BankRepaymentReason,
    method: row.method as BankPaymentMethod,
    payerName: row.payerName,
    payerAccount: row.payerAccount,
    status: row.status,
    bankReference: row.bankReference,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    bookingDate: row.bankPayment.bookingDate?.toISOString().slice(0, 10) ?? null,
    bankPaymentReference: row.bankPayment.reference,
    invoice: row.invoice
      ? { id: row.invoice.id, number: row.invoice.number, customerName: row.invoice.customer.name }
      : null,
  }));
}

export async function pendingRepaymentTotals(
  db: Db,
  organizationId: string,
): Promise<{ count: number; sumOre: number }> {
  const totals = await db.bankRepayment.aggregate({
    where: { organizationId, status: "PENDING" },
    _count: { _all: true },
    _sum: { amountOre: true },
  });
  return { count: totals._count._all, sumOre: totals._sum.amountOre ?? 0 };
}

/**
 * Finance's decision on a planned payment back: paid (with the bank's reference) or kept as the
 * customer's credit (with why). Taken once — a second, racing decision is refused — and written
 * with its timeline event in one transaction.
 */
export async function decideBankRepayment(options: {
  db: Db;
  staff: { staffId: string; organizationId: string };
  repaymentId: string;
  decision: BankRepaymentDecision;
  now?: Date;
}): Promise<{ status: "PAID_BACK" | "KEPT_AS_CREDIT"; changes: InvoiceChange[] }> {
  const { db, staff, decision } = options;
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const repayment = await tx.bankRepayment.findFirst({
      where: { id: options.repaymentId, organizationId: staff.organizationId },
      select: { id: true, invoiceId: true, amountOre: true, currency: true, status: true },
    });
    if (!repayment) throw new AppError("NOT_FOUND", "No such payment back");
    if (repayment.invoiceId) await lockInvoiceForLedger(tx, repayment.invoiceId);
    const status: "PAID_BACK" | "KEPT_AS_CREDIT" =
      decision.action === "paid-back" ? "PAID_BACK" : "KEPT_AS_CREDIT";
    const taken = await tx.bankRepayment.updateMany({
      where: { id: repayment.id, status: "PENDING" },
      data: {
        status,
        bankReference: decision.action === "paid-back" ? decision.bankReference : null,
        decisionNote: decision.note || null,
        decidedByStaffId: staff.staffId,
        decidedAt: now,
      },
    });
    if (taken.count !== 1) {
      throw new AppError(
        "CONFLICT",
        "This payment back was already decided by someone else; reload the list",
      );
    }
    const changes: InvoiceChange[] = [];
    if (!repayment.invoiceId) return { status, changes };
    const actor = { actorType: "STAFF" as const, actorStaffId: staff.staffId };
    if (decision.action === "paid-back") {
      // The ledger already holds the amount as on its way: only the timeline moves on.
      await recordInvoiceEvent(tx, {
        organizationId: staff.organizationId,
        invoiceId: repayment.invoiceId,
        type: "REFUND_COMPLETED",
        visibility: "CUSTOMER",
        ...actor,
        data: {
          refundId: repayment.id,
          bankRepaymentId: repayment.id,
          amountOre: repayment.amountOre,
        },
        occurredAt: now,
      });
      // Like a provider's refund paid out, it adds a line to the timeline and leaves the version
      // alone (an agent's open form is not made stale by it); the cue carries no version, so
      // open pages read the invoice again (lib/payments/invoice-changes.ts).
      changes.push({ invoiceId: repayment.invoiceId, kind: "refund" });
      return { status, changes };
    }
    // Kept: the credit is the customer's again, with an opposite entry (once, by its key).
    await tx.ledgerEntry.create({
      data: {
        organizationId: staff.organizationId,
        invoiceId: repayment.invoiceId,
        kind: "REFUND",
        amountOre: -repayment.amountOre,
        currency: repayment.currency,
        externalRef: `${ledgerRef(repayment.id)}:kept`,
        memo: "bank repayment kept as credit",
        occurredAt: now,
      },
    });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: repayment.invoiceId },
      select: { kind: true, status: true, dueDate: true },
    });
    const sums = await getLedgerSums(tx, repayment.invoiceId);
    const updated = await tx.invoice.update({
      where: { id: repayment.invoiceId },
      data: {
        status: deriveInvoiceStatus({ ...invoice, sums, today: todayInSweden(now) }),
        version: { increment: 1 },
      },
      select: { version: true },
    });
    await recordInvoiceEvent(tx, {
      organizationId: staff.organizationId,
      invoiceId: repayment.invoiceId,
      type: "REFUND_FAILED",
      visibility: "CUSTOMER",
      ...actor,
      data: {
        refundId: repayment.id,
        bankRepaymentId: repayment.id,
        amountOre: repayment.amountOre,
        balanceOre: balanceOre(sums),
        keptAsCredit: true,
      },
      occurredAt: now,
    });
    changes.push({ invoiceId: repayment.invoiceId, version: updated.version, kind: "refund" });
    return { status, changes };
  });
  log.info("bank repayment decided", {
    bankRepaymentId: options.repaymentId,
    staffId: staff.staffId,
    organizationId: staff.organizationId,
    action: decision.action,
  });
  return result;
}
