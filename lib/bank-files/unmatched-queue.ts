import { z } from "zod";
import {
  type BankPaymentMethod,
  planBankRepayment,
  repaymentReason,
} from "@/lib/bank-files/bank-repayments";
import { ledgerRefOf } from "@/lib/bank-files/book-bank-payments";
import type { Suggestion } from "@/lib/bank-files/suggestions";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { recordPaymentInTransaction } from "@/lib/ledger/record-payment";
import { createLogger } from "@/lib/log";
import type { InvoiceChange } from "@/lib/payments/invoice-changes";

/**
 * The unmatched-payments queue: bank payments their OCR did not place, for FINANCE (and AGENT) to
 * decide — book on an invoice, put on a customer's balance, or mark to be paid back (a payment back
 * finance then makes, lib/bank-files/bank-repayments.ts). Each decision
 * is made once (a second, racing decision is refused), says who and why, and a booking is the
 * same ledger entry an automatic match would have made (keyed by the bank's reference, so it can
 * never be booked twice).
 */
const log = createLogger("bank-files");

export const unmatchedDecisionSchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("assign-invoice"),
    invoiceId: z.uuid({ error: "choose the invoice to book the payment on" }),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  }),
  z.strictObject({
    action: z.literal("assign-customer"),
    customerId: z.uuid({ error: "choose the customer whose balance it goes to" }),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  }),
  z.strictObject({
    action: z.literal("return"),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  }),
]);
export type UnmatchedDecision = z.output<typeof unmatchedDecisionSchema>;

export interface UnmatchedPayment {
  id: string;
  bankFileId: string;
  fileName: string;
  amountOre: number;
  bookingDate: string | null;
  referenceKind: string;
  reference: string | null;
  extraReferences: string[];
  payerName: string | null;
  payerAccount: string | null;
  suggestions: Suggestion[];
  createdAt: Date;
}

export async function listUnmatchedPayments(
  db: Db,
  organizationId: string,
  limit = 100,
): Promise<UnmatchedPayment[]> {
  const rows = await db.bankPayment.findMany({
    where: { organizationId, status: "UNMATCHED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    include: { bankFile: { select: { fileName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    bankFileId: row.bankFileId,
    fileName: row.bankFile.fileName,
    amountOre: row.amountOre,
    bookingDate: row.bookingDate?.toISOString().slice(0, 10) ?? null,
    referenceKind: row.referenceKind,
    reference: row.reference,
    extraReferences: row.extraReferences,
    payerName: row.payerName,
    payerAccount: row.payerAccount,
    suggestions: Array.isArray(row.suggestions) ? (row.suggestions as unknown as Suggestion[]) : [],
    createdAt: row.createdAt,
  }));
}

export async function decideUnmatchedPayment(options: {
  db: Db;
  staff: { staffId: string; organizationId: string };
  bankPaymentId: string;
  decision: UnmatchedDecision;
  now?: Date;
}): Promise<{ status: "ASSIGNED" | "RETURNED"; changes: InvoiceChange[] }> {
  const { db, staff, decision } = options;
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const payment = await tx.bankPayment.findFirst({
      where: { id: options.bankPaymentId, organizationId: staff.organizationId },
      select: {
        id: true,
        status: true,
        amountOre: true,
        entryReference: true,
        bookingDate: true,
        currency: true,
        method: true,
        payerName: true,
        payerAccount: true,
      },
    });
    if (!payment) throw new AppError("NOT_FOUND", "No such bank payment");
    const decided = {
      decidedByStaffId: staff.staffId,
      decisionReason: decision.reason,
      decidedAt: now,
    };
    const status = decision.action === "return" ? "RETURNED" : "ASSIGNED";
    // The decision is taken once: the update only moves a payment still in the queue.
    const taken = await tx.bankPayment.updateMany({
      where: { id: payment.id, status: "UNMATCHED" },
      data: {
        ...decided,
        status,
        matchedBy: decision.action === "return" ? null : "staff",
        ...(decision.action === "assign-invoice" ? { invoiceId: decision.invoiceId } : {}),
        ...(decision.action === "assign-customer" ? { customerId: decision.customerId } : {}),
      },
    });
    if (taken.count !== 1) {
      throw new AppError(
        "CONFLICT",
        "This payment was already decided by someone else; reload the queue",
      );
    }
    if (decision.action === "assign-customer") {
      const customer = await tx.customer.findFirst({
        where: { id: decision.customerId, organizationId: staff.organizationId },
        select: { id: true },
      });
      if (!customer) throw new AppError("NOT_FOUND", "No such customer", { param: "/customerId" });
      return { status, changes: [] as InvoiceChange[] };
    }
    const method = payment.method as BankPaymentMethod;
    if (decision.action === "return") {
      await planBankRepayment(
        tx,
        {
          organizationId: staff.organizationId,
          bankPaymentId: payment.id,
          invoiceId: null,
          amountOre: payment.amountOre,
          currency: payment.currency,
          reason: "returned",
          method,
          payerName: payment.payerName,
          payerAccount: payment.payerAccount,
        },
        now,
      );
      return { status, changes: [] as InvoiceChange[] };
    }
    const invoice = await tx.invoice.findFirst({
      where: { id: decision.invoiceId, organizationId: staff.organizationId, kind: "INVOICE" },
      select: { id: true, status: true },
    });
    if (!invoice || invoice.status === "DRAFT") {
      throw new AppError("NOT_FOUND", "No such issued invoice", { param: "/invoiceId" });
    }
    const booked = await recordPaymentInTransaction(
      tx,
      {
        invoiceId: invoice.id,
        organizationId: staff.organizationId,
        amountOre: payment.amountOre,
        currency: "SEK",
        method,
        externalRef: ledgerRefOf(staff.organizationId, payment.entryReference),
        occurredAt: payment.bookingDate ?? now,
      },
      { type: "STAFF", staffId: staff.staffId, organizationId: staff.organizationId },
      // The money is in the account: it is booked even on a paid or credited invoice, and what
      // is beyond the balance follows the refund policy (credit, or a payment back).
      { moneyAlreadyTaken: true, bankMoney: true },
    );
    if (booked.payBackByBank) {
      await planBankRepayment(
        tx,
        {
          organizationId: staff.organizationId,
          bankPaymentId: payment.id,
          invoiceId: invoice.id,
          amountOre: booked.overpaidOre,
          currency: payment.currency,
          reason: repaymentReason(booked.statusBefore),
          method,
          payerName: payment.payerName,
          payerAccount: payment.payerAccount,
        },
        now,
      );
    }
    return {
      status,
      changes: [
        { invoiceId: invoice.id, version: booked.version, kind: "payment" },
      ] as InvoiceChange[],
    };
  });
  log.info("unmatched bank payment decided", {
    bankPaymentId: options.bankPaymentId,
    staffId: staff.staffId,
    organizationId: staff.organizationId,
    action: decision.action,
    reason: decision.reason,
  });
  return result as { status: "ASSIGNED" | "RETURNED"; changes: InvoiceChange[] };
}
