import { lastDayToPay } from "@/lib/dates/banking-days";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { InvoiceStatus } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { lockInvoiceForChange, saveInvoiceChange } from "@/lib/invoices/invoice-change";
import { deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";
import { decideReminderFee, type FeeDecision, feePartiesOf, feeReference } from "./reminder-fees";

export interface RecordedReminder {
  invoiceId: string;
  version: number;
  status: InvoiceStatus;
  fee: FeeDecision;
}

/**
 * Records that a reminder went out for an overdue invoice, charging the one fee the law and the
 * customer's agreement allow (see reminder-fees.ts) in the same transaction as its timeline entry.
 * A second reminder of the same claim is recorded without a fee.
 */
export async function recordReminder(options: {
  db: Db;
  input: { invoiceId: string; organizationId: string };
  actor: Actor;
  sentAt?: Date;
  today?: Date;
}): Promise<RecordedReminder> {
  const today = options.today ?? todayInSweden();
  const sentAt = options.sentAt ?? new Date();
  try {
    return await options.db.$transaction(async (tx) => {
      const invoice = await lockInvoiceForChange(tx, options.input);
      if (invoice.kind !== "INVOICE" || invoice.dueDate === null) {
        throw new AppError("CONFLICT", "Only an issued invoice is reminded of");
      }
      if (invoice.status !== "OPEN" && invoice.status !== "OVERDUE") {
        throw new AppError("CONFLICT", "Only an unpaid invoice is reminded of");
      }
      if (lastDayToPay(invoice.dueDate) >= today) {
        throw new AppError(
          "CONFLICT",
          "The invoice is not overdue yet: it may still be paid on its last banking day",
        );
      }
      const fee = decideReminderFee(await feePartiesOf(tx, invoice));
      if (fee.kind !== "none") {
        await tx.ledgerEntry.create({
          data: {
            organizationId: invoice.organizationId,
            invoiceId: invoice.id,
            kind: "FEE",
            amountOre: fee.amountOre,
            currency: invoice.currency,
            externalRef: feeReference(invoice.id),
            memo: fee.kind === "reminder-fee" ? "reminder fee" : "late payment compensation",
            occurredAt: sentAt,
          },
        });
      }
      const sums = await getLedgerSums(tx, invoice.id);
      const status = deriveInvoiceStatus({
        kind: invoice.kind,
        status: invoice.status,
        dueDate: invoice.dueDate,
        sums,
        today,
      });
      const version = await saveInvoiceChange(tx, invoice.id, { status });
      await recordInvoiceEvent(tx, {
        organizationId: invoice.organizationId,
        invoiceId: invoice.id,
        type: "REMINDER_SENT",
        visibility: "CUSTOMER",
        ...actorFields(options.actor),
        data: {
          feeOre: fee.kind === "none" ? 0 : fee.amountOre,
          feeKind: fee.kind,
          ...(fee.kind === "none" ? { noFeeBecause: fee.reason } : {}),
        },
        occurredAt: sentAt,
      });
      return { invoiceId: invoice.id, version, status, fee };
    }, QUEUED_TRANSACTION);
  } catch (error) {
    // Two reminders racing past the lock cannot happen; the unique key is the backstop.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This invoice's fee is already charged");
    }
    throw error;
  }
}
