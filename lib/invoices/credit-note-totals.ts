import { AppError } from "@/lib/errors/app-error";
import { creditableOre, creditedAtRate, creditSumsOfDocuments } from "@/lib/ledger/invoice-status";
import { roundDiv } from "@/lib/money/rounding";
import {
  computeInvoiceTotals,
  type InvoiceLineInput,
  type InvoiceTotals,
  VAT_RATES,
  type VatGroup,
  type VatRate,
} from "./totals";

/**
 * The totals of a credit note, measured against its invoice and the credit notes before it, so
 * that however an invoice is credited — whole, line by line, in amounts, in any order — what the
 * credit notes take back adds up to exactly what the invoice charged, per VAT rate:
 *
 * 1. Net per rate is the credit note's own lines (exact, as on any document).
 * 2. VAT per rate is cut from the running total: round(all credited net at the rate × rate) less
 *    the VAT earlier credit notes took back at the rate. It is within an öre of rounding this
 *    note's net alone, and once the whole net at a rate is credited it is exactly the VAT the
 *    invoice charged (ML 17 kap. 23 §: the change in VAT per rate; nothing is left unreversed).
 * 3. More net than the invoice charged at a rate is never taken back: VAT is only ever reversed
 *    where it was charged, and nothing at a rate the invoice has no lines at (a reminder fee is
 *    outside VAT and not the invoice's turnover: it is waived, never credited).
 * 4. Öresutjämning: the credit note that takes back the last of the invoice gets the rounding
 *    that makes all the credit notes' totals add up to the invoice's total exactly; one before it
 *    rounds to whole kronor like any document of the organisation, unless that would take back
 *    more than is left.
 */
export interface CreditBasis {
  /** What the invoice charged, per rate, and its total (its issued totals). */
  invoice: Pick<InvoiceTotals, "vatGroups" | "totalOre">;
  /** What earlier credit notes took back (their stored totals, negative as on the notes). */
  earlier: ReadonlyArray<Pick<InvoiceTotals, "vatGroups" | "totalOre">>;
  roundToWholeKrona: boolean;
}

export interface CreditNoteTotals extends InvoiceTotals {
  /** Whether this credit note takes back the last of the invoice. */
  completesInvoice: boolean;
}

const atRate = (groups: readonly VatGroup[], rate: VatRate) =>
  groups.find((group) => group.vatRate === rate) ?? { vatRate: rate, netOre: 0, vatOre: 0 };

const vatOf = (netOre: number, rate: number) => roundDiv(BigInt(netOre) * BigInt(rate), 100n);

export function computeCreditNoteTotals(
  lines: readonly InvoiceLineInput[],
  basis: CreditBasis,
): CreditNoteTotals {
  const own = computeInvoiceTotals(lines, { roundToWholeKrona: false });
  const vatGroups: VatGroup[] = [];
  let completesInvoice = true;
  for (const rate of VAT_RATES) {
    const charged = atRate(basis.invoice.vatGroups, rate);
    const before = creditedAtRate(basis.earlier, rate);
    const thisNet = -atRate(own.vatGroups, rate).netOre;
    const hasLines = own.vatGroups.some((group) => group.vatRate === rate);
    const creditedNet = before.netOre + thisNet;
    if (hasLines && thisNet !== 0 && charged.netOre === 0) {
      throw new AppError(
        "CONFLICT",
        rate === 0
          ? "Nothing on this invoice was charged at 0 % VAT. A reminder fee is outside VAT and is not part of the invoice: take it off with a fee waiver, not a credit note"
          : `Nothing on this invoice was charged at ${rate} % VAT, so there is no VAT at ${rate} % to credit`,
      );
    }
    // Measured in the direction the invoice went at this rate (a discount-only rate is negative).
    const beyond =
      charged.netOre >= 0 ? creditedNet > charged.netOre : creditedNet < charged.netOre;
    if (beyond) {
      throw new AppError(
        "CONFLICT",
        `That would take back more than the invoice charged at ${rate} % VAT (${charged.netOre} öre excl. VAT, ${before.netOre} already credited)`,
        { vatRate: rate, chargedNetOre: charged.netOre, creditedNetOre: before.netOre },
      );
    }
    if (creditedNet !== charged.netOre) completesInvoice = false;
    if (!hasLines) continue;
    const running = vatOf(creditedNet, rate);
    const runningVat =
      creditedNet === charged.netOre
        ? charged.vatOre
        : charged.vatOre >= 0
          ? Math.min(running, charged.vatOre)
          : Math.max(running, charged.vatOre);
    vatGroups.push({ vatRate: rate, netOre: -thisNet, vatOre: -(runningVat - before.vatOre) });
  }
  const netOre = vatGroups.reduce((sum, group) => sum + group.netOre, 0);
  const vatOre = vatGroups.reduce((sum, group) => sum + group.vatOre, 0);
  const grossOre = netOre + vatOre;
  // What is left to credit is the ledger's figure, from the documents (this note has no entry yet).
  const leftToCredit = creditableOre(creditSumsOfDocuments(basis.invoice, basis.earlier));
  let totalOre: number;
  if (completesInvoice) {
    totalOre = -leftToCredit;
  } else if (basis.roundToWholeKrona) {
    const rounded = roundDiv(BigInt(grossOre), 100n) * 100;
    totalOre = -rounded > leftToCredit ? grossOre : rounded;
  } else {
    totalOre = grossOre;
  }
  return {
    vatGroups,
    netOre,
    vatOre,
    grossOre,
    roundingOre: totalOre - grossOre,
    totalOre,
    completesInvoice,
  };
}
