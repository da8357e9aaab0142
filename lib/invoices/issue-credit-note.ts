import { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";
import { parseInput } from "@/lib/validation/parse-input";
import { type Actor, actorFields } from "./actor";
import { recordInvoiceEvent } from "./invoice-events";
import { QUEUED_TRANSACTION, takeNextInvoiceNumber } from "./issue-invoice";
import { computeInvoiceTotals } from "./totals";

export const creditNoteInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  /** Staff-only: why the invoice is credited. */
  reason: z.string().trim().min(3, "give a reason of at least 3 characters").max(500),
  /** What the customer reads on their timeline. */
  customerText: z.string().trim().min(1).max(500).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export type CreditNoteInput = z.input<typeof creditNoteInputSchema>;

/**
 * Credits an issued invoice in full. Swedish VAT law (ML 2023:200 ch. 17 §22-23) does not allow an
 * issued invoice to be edited: the change is a credit note with its own number in the same series,
 * a specific reference to the original and the change in taxable amount and VAT per rate — here,
 * every original line negated. The original's ledger gets the CREDIT entry.
 */
export async function issueFullCreditNote(options: {
  db: Db;
  input: CreditNoteInput;
  actor: Actor;
  issueDate?: Date;
  /** When the crediting happened (for back-dated imports); defaults to now. */
  creditedAt?: Date;
}): Promise<{ creditNoteId: string; number: number; creditedOre: number }> {
  const input = parseInput(creditNoteInputSchema, options.input);
  return options.db.$transaction(async (tx) => {
    await lockInvoiceForLedger(tx, input.invoiceId);
    const original = await tx.invoice.findFirst({
      where: { id: input.invoiceId, organizationId: input.organizationId },
      include: { lines: { orderBy: { position: "asc" } }, organization: true },
    });
    if (!original) throw new AppError("NOT_FOUND", "No such invoice");
    if (original.kind !== "INVOICE" || original.status === "DRAFT") {
      throw new AppError(
        "CONFLICT",
        "Only an issued invoice can be credited; edit a draft instead",
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== original.version) {
      throw new AppError("STALE_VERSION", "The invoice was changed by someone else; reload it", {
        currentVersion: original.version,
      });
    }
    const sumsBefore = await getLedgerSums(tx, original.id);
    const creditable = sumsBefore.issuedOre - sumsBefore.creditedOre;
    if (original.status === "CREDITED" || creditable <= 0) {
      throw new AppError("CONFLICT", "This invoice has already been credited in full");
    }
    if (sumsBefore.creditedOre > 0) {
      throw new AppError(
        "CONFLICT",
        "This invoice is partly credited; credit the remaining lines instead",
      );
    }
    const lines = original.lines.map((line) => ({
      position: line.position,
      kind: line.kind,
      description: line.description,
      descriptionEn: line.descriptionEn,
      quantityMilli: -line.quantityMilli,
      unit: line.unit,
      unitPriceOre: line.unitPriceOre,
      vatRate: line.vatRate,
      discountOre: -line.discountOre,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
    }));
    const totals = computeInvoiceTotals(lines, {
      roundToWholeKrona: original.organization.roundToWholeKrona,
    });
    // The credit note takes back exactly what the original charged, rounding line included.
    const creditedOre = -totals.totalOre;
    if (creditedOre !== original.totalOre) {
      throw new Error(
        `credit note total ${creditedOre} does not mirror invoice total ${original.totalOre}`,
      );
    }
    const issueDate = options.issueDate ?? todayInSweden();
    const number = await takeNextInvoiceNumber(tx, input.organizationId);
    const creditNote = await tx.invoice.create({
      data: {
        organizationId: input.organizationId,
        customerId: original.customerId,
        contractId: original.contractId,
        kind: "CREDIT_NOTE",
        number,
        status: "CREDITED",
        issueDate,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        currency: original.currency,
        netOre: totals.netOre,
        vatOre: totals.vatOre,
        roundingOre: totals.roundingOre,
        totalOre: totals.totalOre,
        creditedInvoiceId: original.id,
        creditReason: input.reason,
        lines: { create: lines },
      },
      select: { id: true },
    });
    await tx.ledgerEntry.create({
      data: {
        organizationId: input.organizationId,
        invoiceId: original.id,
        kind: "CREDIT",
        amountOre: -creditedOre,
        currency: original.currency,
        externalRef: `credit-note:${creditNote.id}`,
        occurredAt: issueDate,
      },
    });
    const sums = await getLedgerSums(tx, original.id);
    const status = deriveInvoiceStatus({
      kind: original.kind,
      status: original.status,
      dueDate: original.dueDate,
      sums,
      today: issueDate,
    });
    await tx.invoice.update({
      where: { id: original.id },
      data: { status, version: { increment: 1 } },
    });
    const actor = actorFields(options.actor);
    await recordInvoiceEvent(tx, {
      organizationId: input.organizationId,
      invoiceId: original.id,
      type: "CREDITED",
      visibility: "CUSTOMER",
      ...actor,
      customerText: input.customerText ?? null,
      data: { creditNoteId: creditNote.id, creditNoteNumber: number, creditedOre },
      occurredAt: options.creditedAt ?? new Date(),
    });
    await recordInvoiceEvent(tx, {
      organizationId: input.organizationId,
      invoiceId: original.id,
      type: "CREDIT_NOTE_ISSUED",
      visibility: "STAFF",
      ...actor,
      data: { creditNoteId: creditNote.id, creditNoteNumber: number, reason: input.reason },
      occurredAt: options.creditedAt ?? new Date(),
    });
    return { creditNoteId: creditNote.id, number, creditedOre };
  }, QUEUED_TRANSACTION);
}
