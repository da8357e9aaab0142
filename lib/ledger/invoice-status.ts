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
 * one place this is computed: the agent's form and the credit note's check read it from the
 * ledger, the credit note's totals from the documents (creditSumsOfDocuments), and per VAT rate
 * it is creditableAtRate below.
 */
export function creditableOre(sums: LedgerSums | CreditSums): number {
  return sums.issuedOre - sums.creditedOre;
}

/** The part of the ledger what can be credited is measured on: what was charged, what credited. */
export type CreditSums = Pick<LedgerSums, "issuedOre" | "creditedOre">;

/** What one document carries at one VAT rate (a credit note's figures negative, as on it). */
export interface RateFigures {
  vatRate: number;
  netOre: number;
  vatOre: number;
}

/** A document's totals as issued: per VAT rate, and in all. */
export interface DocumentFigures {
  vatGroups: readonly RateFigures[];
  totalOre: number;
}

/**
 * The ledger sums an invoice and its credit notes make, read from the documents themselves (their
 * totals as issued): the invoice's INVOICE_ISSUED entry is its total, each credit note's CREDIT
 * entry that note's total. For the credit note being drawn up, whose own entry does not exist yet.
 */
export function creditSumsOfDocuments(
  invoice: DocumentFigures,
  creditNotes: readonly DocumentFigures[],
): CreditSums {
  return {
    issuedOre: invoice.totalOre,
    creditedOre: creditNotes.reduce((sum, note) => sum - note.totalOre, 0),
  };
}

const figuresAt = (groups: readonly RateFigures[], rate: number) =>
  groups.find((group) => group.vatRate === rate) ?? { netOre: 0, vatOre: 0 };

/** What credit notes took back at one VAT rate, net and VAT, as positive figures. */
export function creditedAtRate(
  creditNotes: readonly DocumentFigures[],
  rate: number,
): { netOre: number; vatOre: number } {
  let netOre = 0;
  let vatOre = 0;
  for (const note of creditNotes) {
    const group = figuresAt(note.vatGroups, rate);
    netOre -= group.netOre;
    vatOre -= group.vatOre;
  }
  return { netOre, vatOre };
}

/**
 * What credit notes may still take off at one VAT rate: the invoice's net and VAT there, less
 * what its credit notes took back there (creditableOre, per rate).
 */
export function creditableAtRate(
  invoice: DocumentFigures,
  creditNotes: readonly DocumentFigures[],
  rate: number,
): { netOre: number; vatOre: number } {
  const charged = figuresAt(invoice.vatGroups, rate);
  const credited = creditedAtRate(creditNotes, rate);
  return { netOre: charged.netOre - credited.netOre, vatOre: charged.vatOre - credited.vatOre };
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
