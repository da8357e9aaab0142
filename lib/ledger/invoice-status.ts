import { lastDayToPay } from "@/lib/dates/banking-days";
import type { InvoiceKind, InvoiceStatus, LedgerEntryKind } from "@/lib/db/generated/client";

/**
 * An invoice's balance and status are derived from its append-only ledger, never edited by hand.
 * Amounts are signed by their effect on what the customer owes (see LedgerEntry in the schema).
 */
export interface LedgerSums {
  issuedOre: number;
  feesOre: number;
  /** Positive: what the customer paid. */
  paidOre: number;
  /** Positive: what was paid back. */
  refundedOre: number;
  /** Positive: what credit notes took off. */
  creditedOre: number;
}

export const EMPTY_LEDGER: LedgerSums = {
  issuedOre: 0,
  feesOre: 0,
  paidOre: 0,
  refundedOre: 0,
  creditedOre: 0,
};

export function sumLedger(
  entries: Array<{ kind: LedgerEntryKind; amountOre: number }>,
): LedgerSums {
  const sums = { ...EMPTY_LEDGER };
  for (const entry of entries) {
    switch (entry.kind) {
      case "INVOICE_ISSUED":
        sums.issuedOre += entry.amountOre;
        break;
      case "FEE":
        sums.feesOre += entry.amountOre;
        break;
      case "PAYMENT":
        sums.paidOre -= entry.amountOre;
        break;
      case "REFUND":
        sums.refundedOre += entry.amountOre;
        break;
      case "CREDIT":
        sums.creditedOre -= entry.amountOre;
        break;
    }
  }
  return sums;
}

/** What the customer still owes; negative means they have money to get back. */
export function balanceOre(sums: LedgerSums): number {
  return sums.issuedOre + sums.feesOre - sums.paidOre + sums.refundedOre - sums.creditedOre;
}

/**
 * What credit notes may still take off the invoice: what it charged, less earlier credits. Fees
 * are not in it: a reminder fee is outside VAT and never was the invoice's turnover, so it is
 * waived, never credited (ML 17 kap. 22 §: a credit note changes what the invoice charged). The
 * one place this is computed (the credit note, the agent's form).
 */
export function creditableOre(sums: LedgerSums): number {
  return sums.issuedOre - sums.creditedOre;
}

export function deriveInvoiceStatus(input: {
  kind: InvoiceKind;
  status: InvoiceStatus;
  dueDate: Date | null;
  sums: LedgerSums;
  today: Date;
}): InvoiceStatus {
  if (input.status === "DRAFT") return "DRAFT";
  // A credit note is settled by being issued: there is nothing on it to pay.
  if (input.kind === "CREDIT_NOTE") return "CREDITED";
  const { sums } = input;
  // Credited when all it charged is credited and no fee is left standing (the credit note that
  // completes an invoice waives its fees in the same transaction).
  if (sums.issuedOre > 0 && sums.creditedOre >= sums.issuedOre && sums.feesOre <= 0) {
    return "CREDITED";
  }
  if (balanceOre(sums) <= 0) return "PAID";
  // Due on a weekend or holiday: paying the next banking day is on time (lag 1930:173).
  if (input.dueDate && lastDayToPay(input.dueDate) < input.today) return "OVERDUE";
  return "OPEN";
}

/** Partly paid is a view of OPEN/OVERDUE, not a stored status. */
export function isPartlyPaid(status: InvoiceStatus, sums: LedgerSums): boolean {
  return (status === "OPEN" || status === "OVERDUE") && sums.paidOre - sums.refundedOre > 0;
}
