import type { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceStatus, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import type {
  CreditMode,
  CreditNoteInput,
  creditNoteInputSchema,
  IssueCreditNoteInput,
} from "@/lib/invoices/credit-note-input";
import {
  amountCreditLine,
  CREDITABLE_LINE_SELECT,
  type CreditNoteLine,
  creditedQuantities,
  mirrorLines,
  partialCreditLines,
} from "@/lib/invoices/credit-note-lines";
import { lockInvoiceForChange, saveInvoiceChange } from "@/lib/invoices/invoice-change";
import { takeNextInvoiceNumber } from "@/lib/invoices/issue-invoice";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { creditableOre, deriveInvoiceStatus, type LedgerSums } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { formatMoney } from "@/lib/money/money";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export {
  type CreditMode,
  type CreditNoteInput,
  creditModeSchema,
  creditNoteInputSchema,
  type IssueCreditNoteInput,
  issueCreditNoteInputSchema,
} from "@/lib/invoices/credit-note-input";

export interface IssuedCreditNote {
  /** The credited (original) invoice and its new version and status. */
  invoiceId: string;
  version: number;
  status: InvoiceStatus;
  creditNoteId: string;
  number: number;
  /** What the credit note took off, positive. */
  creditedOre: number;
  /** What can still be credited afterwards: issued + fees − all credits. */
  remainingCreditableOre: number;
}

interface CreditOptions {
  actor: Actor;
  issueDate?: Date;
  /** When the crediting happened (for back-dated imports); defaults to now. */
  creditedAt?: Date;
}

/**
 * Credits an issued invoice in full. Swedish VAT law (ML 2023:200 ch. 17 §22-23) does not allow an
 * issued invoice to be edited: the change is a credit note with its own number in the same series,
 * a specific reference to the original and the change in taxable amount and VAT per rate — here,
 * every original line negated. The original's ledger gets the CREDIT entry.
 */
export async function issueFullCreditNote(
  options: CreditOptions & { db: Db; input: CreditNoteInput },
): Promise<{ creditNoteId: string; number: number; creditedOre: number }> {
  const { input } = options;
  const issued = await options.db.$transaction(
    (tx) => issueInTransaction(tx, { ...input, mode: { kind: "full" } }, options),
    QUEUED_TRANSACTION,
  );
  return {
    creditNoteId: issued.creditNoteId,
    number: issued.number,
    creditedOre: issued.creditedOre,
  };
}

/**
 * Issues a credit note of any kind (see creditModeSchema) against an issued invoice: the agent's
 * way to change an invoice after issue. Never takes off more than is left to credit (issued +
 * fees − earlier credits), never more of a line than is left of it.
 */
export async function issueCreditNote(
  options: CreditOptions & { db: Db; input: IssueCreditNoteInput },
): Promise<IssuedCreditNote> {
  const { input } = options;
  return options.db.$transaction(
    (tx) => issueInTransaction(tx, input, options),
    QUEUED_TRANSACTION,
  );
}

type ParsedCreditInput = z.output<typeof creditNoteInputSchema> & { mode: CreditMode };
type LockedInvoice = Awaited<ReturnType<typeof lockInvoiceForChange>>;

const money = (ore: number) => formatMoney(ore, { locale: "en" });

async function creditNoteLines(
  tx: Prisma.TransactionClient,
  original: LockedInvoice,
  mode: CreditMode,
  sums: LedgerSums,
): Promise<CreditNoteLine[]> {
  const { roundToWholeKrona } = original.organization;
  switch (mode.kind) {
    case "amount":
    case "goodwill": {
      const isGoodwill = mode.kind === "goodwill";
      await assertCreditableAtRate(tx, original, mode.vatRate, mode.amountOre, sums.feesOre);
      return [
        amountCreditLine({
          amountOre: mode.amountOre,
          vatRate: mode.vatRate,
          roundToWholeKrona,
          description: isGoodwill ? "Kompensation" : "Kreditering",
          descriptionEn: isGoodwill ? "Compensation" : "Credit",
        }),
      ];
    }
    case "full": {
      // A full credit mirrors the original exactly; once part of it is credited, what is left is
      // no longer a mirror of anything (rounding was done per credit note), so it is refused.
      if (sums.creditedOre > 0) {
        throw new AppError(
          "CONFLICT",
          `This invoice is already partly credited (${money(sums.creditedOre)} of ${money(sums.issuedOre)}); credit the remaining lines or an amount instead`,
        );
      }
      const lines = await tx.invoiceLine.findMany({
        where: { invoiceId: original.id },
        orderBy: { position: "asc" },
        select: CREDITABLE_LINE_SELECT,
      });
      return mirrorLines(lines);
    }
    case "lines": {
      const [lines, earlier] = await Promise.all([
        tx.invoiceLine.findMany({
          where: { invoiceId: original.id },
          orderBy: { position: "asc" },
          select: CREDITABLE_LINE_SELECT,
        }),
        tx.invoiceLine.findMany({
          where: { invoice: { creditedInvoiceId: original.id, kind: "CREDIT_NOTE" } },
          select: { position: true, quantityMilli: true },
        }),
      ]);
      return partialCreditLines(lines, creditedQuantities(earlier), mode.lines);
    }
  }
}

/**
 * A credit note may only take back VAT that was charged: an amount credited at a rate must fit in
 * what the original invoiced at that rate (net and VAT), less earlier credit notes at that rate.
 * Fees carry no VAT: they can be credited at 0 % (or waived).
 */
async function assertCreditableAtRate(
  tx: Prisma.TransactionClient,
  original: LockedInvoice,
  vatRate: number,
  amountOre: number,
  /** Fees still on the invoice: they carry no VAT, so they are creditable at 0 %. */
  feesOre: number,
): Promise<void> {
  const [lines, earlier] = await Promise.all([
    tx.invoiceLine.findMany({ where: { invoiceId: original.id }, select: CREDITABLE_LINE_SELECT }),
    tx.invoiceLine.findMany({
      where: { invoice: { creditedInvoiceId: original.id, kind: "CREDIT_NOTE" } },
      select: CREDITABLE_LINE_SELECT,
    }),
  ]);
  const grossAt = (rows: typeof lines) => {
    const group = computeInvoiceTotals(rows, { roundToWholeKrona: false }).vatGroups.find(
      (candidate) => candidate.vatRate === vatRate,
    );
    return group ? group.netOre + group.vatOre : 0;
  };
  const left =
    grossAt(lines) + (earlier.length > 0 ? grossAt(earlier) : 0) + (vatRate === 0 ? feesOre : 0);
  if (left <= 0) {
    throw new AppError("CONFLICT", `Nothing is left to credit at ${vatRate} % VAT on this invoice`);
  }
  if (amountOre > left) {
    throw new AppError(
      "CONFLICT",
      `Only ${money(left)} including VAT is left to credit at ${vatRate} % on this invoice`,
      { creditableAtRateOre: left },
    );
  }
}

async function issueInTransaction(
  tx: Prisma.TransactionClient,
  input: ParsedCreditInput,
  options: CreditOptions,
): Promise<IssuedCreditNote> {
  const original = await lockInvoiceForChange(tx, input);
  if (original.kind !== "INVOICE" || original.status === "DRAFT") {
    throw new AppError("CONFLICT", "Only an issued invoice can be credited; edit a draft instead");
  }
  const sumsBefore = await getLedgerSums(tx, original.id);
  const creditable = creditableOre(sumsBefore);
  const isFull = input.mode.kind === "full";
  if (
    original.status === "CREDITED" ||
    creditable <= 0 ||
    (isFull && sumsBefore.issuedOre <= sumsBefore.creditedOre)
  ) {
    throw new AppError("CONFLICT", "This invoice has already been credited in full");
  }
  const lines = await creditNoteLines(tx, original, input.mode, sumsBefore);
  const totals = computeInvoiceTotals(lines, {
    roundToWholeKrona: original.organization.roundToWholeKrona,
  });
  const creditedOre = -totals.totalOre;
  if (isFull && creditedOre !== original.totalOre) {
    throw new Error(
      `credit note total ${creditedOre} does not mirror invoice total ${original.totalOre}`,
    );
  }
  if (creditedOre <= 0) {
    throw new AppError(
      "BAD_INPUT",
      "These lines would add to what the customer owes; a credit note must take money off",
    );
  }
  if (creditedOre > creditable) {
    throw new AppError(
      "CONFLICT",
      `This credit note would take off ${money(creditedOre)}, but only ${money(creditable)} is left to credit on this invoice (issued and fees, less earlier credits)`,
      { creditableOre: creditable, creditedOre },
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
  const version = await saveInvoiceChange(tx, original.id, { status });

  const actor = actorFields(options.actor);
  const occurredAt = options.creditedAt ?? new Date();
  const note = { creditNoteId: creditNote.id, creditNoteNumber: number };
  // The full credit keeps the event data it always had; the other kinds say which they were.
  const mode = isFull ? {} : { mode: input.mode.kind };
  await recordInvoiceEvent(tx, {
    organizationId: input.organizationId,
    invoiceId: original.id,
    type: input.mode.kind === "goodwill" ? "COMPENSATION_CREDITED" : "CREDITED",
    visibility: "CUSTOMER",
    ...actor,
    customerText: input.customerText ?? null,
    data: { ...note, creditedOre, ...mode },
    occurredAt,
  });
  await recordInvoiceEvent(tx, {
    organizationId: input.organizationId,
    invoiceId: original.id,
    type: "CREDIT_NOTE_ISSUED",
    visibility: "STAFF",
    ...actor,
    data: { ...note, reason: input.reason, ...(isFull ? {} : { ...mode, creditedOre }) },
    occurredAt,
  });
  return {
    invoiceId: original.id,
    version,
    status,
    creditNoteId: creditNote.id,
    number,
    creditedOre,
    remainingCreditableOre: creditable - creditedOre,
  };
}
