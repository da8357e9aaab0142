import type { Db } from "@/lib/db/database";
import { assertNotDuplicateCredit } from "@/lib/invoices/credit-duplicates";
import { lockInvoiceForChange } from "@/lib/invoices/invoice-change";
import {
  type IssueCreditNoteInput,
  moneyBackWay,
  planCreditNote,
} from "@/lib/invoices/issue-credit-note";
import type { CreditNoteSnapshot } from "@/lib/invoices/issued-snapshot";
import { listWaivableFees } from "@/lib/invoices/waive-fee";
import { balanceOre } from "@/lib/ledger/invoice-status";

/** What the agent confirms before a credit note is issued: its amount, its VAT, the money. */
export interface CreditNotePreview {
  /** What the credit note takes off, including VAT, positive. */
  creditedOre: number;
  netOre: number;
  vatOre: number;
  /** Öresutjämning, as on the credit note (positive takes more off). */
  roundingOre: number;
  vatGroups: Array<{ vatRate: number; netOre: number; vatOre: number }>;
  /** Whether this credit takes back the last of the invoice (its fees are waived with it). */
  completesInvoice: boolean;
  /** What the customer has left to pay before and after. */
  toPayBeforeOre: number;
  toPayAfterOre: number;
  /** What the customer has paid beyond what they owe afterwards: theirs to get back. */
  moneyBackOre: number;
  moneyBack: CreditNoteSnapshot["settlement"]["moneyBack"];
  refundMethods?: CreditNoteSnapshot["settlement"]["refundMethods"];
  /** Reminder fees waived with the last of the invoice. */
  waivedFeesOre: number;
}

/**
 * The credit as it would be issued now, computed exactly as issueCreditNote computes it and
 * refused exactly as it would be (a stale version, nothing left, a likely duplicate), with
 * nothing written: the agent's confirmation step shows this before they issue it.
 */
export async function previewCreditNote(options: {
  db: Db;
  input: IssueCreditNoteInput;
  now?: Date;
}): Promise<CreditNotePreview> {
  const { input } = options;
  return options.db.$transaction(async (tx) => {
    const original = await lockInvoiceForChange(tx, input);
    const plan = await planCreditNote(tx, input, original);
    await assertNotDuplicateCredit(tx, {
      invoiceId: original.id,
      kind: input.mode.kind,
      note: { totalOre: plan.totals.totalOre, lines: plan.noteLines },
      now: options.now ?? new Date(),
    });
    const waivedFeesOre = plan.totals.completesInvoice
      ? (await listWaivableFees(tx, original.id)).reduce((sum, fee) => sum + fee.amountOre, 0)
      : 0;
    const before = plan.sumsBefore;
    // The ledger after it: the credit, and the waivers (negative fees) the last credit brings.
    const after = {
      ...before,
      creditedOre: before.creditedOre + plan.creditedOre,
      feesOre: before.feesOre - waivedFeesOre,
    };
    const moneyBackOre = Math.max(-balanceOre(after), 0);
    const way =
      moneyBackOre > 0
        ? await moneyBackWay(tx, original.id, input.organizationId)
        : { moneyBack: null };
    const positive = (ore: number) => 0 - ore;
    return {
      creditedOre: plan.creditedOre,
      netOre: positive(plan.totals.netOre),
      vatOre: positive(plan.totals.vatOre),
      roundingOre: positive(plan.totals.roundingOre),
      vatGroups: plan.totals.vatGroups.map((group) => ({
        vatRate: group.vatRate,
        netOre: positive(group.netOre),
        vatOre: positive(group.vatOre),
      })),
      completesInvoice: plan.totals.completesInvoice,
      toPayBeforeOre: Math.max(balanceOre(before), 0),
      toPayAfterOre: Math.max(balanceOre(after), 0),
      moneyBackOre,
      ...way,
      waivedFeesOre,
    };
  });
}
