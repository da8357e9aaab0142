import type { z } from "zod";
import { planRepaymentsAfterCredit } from "@/lib/bank-files/bank-repayments";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { InvoiceStatus, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { assertNotDuplicateCredit } from "@/lib/invoices/credit-duplicates";
import type {
  CreditMode,
  CreditNoteInput,
  creditNoteInputSchema,
  IssueCreditNoteInput,
} from "@/lib/invoices/credit-note-input";
import {
  AMOUNT_LINE_POSITION,
  amountCreditLine,
  CREDITABLE_LINE_SELECT,
  type CreditableLine,
  type CreditNoteLine,
  creditedQuantities,
  isAmountLine,
  mirrorLines,
  partialCreditLines,
  remainingQuantityMilli,
} from "@/lib/invoices/credit-note-lines";
import { type CreditBasis, computeCreditNoteTotals } from "@/lib/invoices/credit-note-totals";
import { lockInvoiceForChange, saveInvoiceChange } from "@/lib/invoices/invoice-change";
import { takeNextInvoiceNumber } from "@/lib/invoices/issue-invoice";
import {
  type CreditNoteSnapshot,
  readIssuedSnapshot,
  snapshotJson,
  takeIssuedSnapshot,
} from "@/lib/invoices/issued-snapshot";
import { assertTotalsFitColumns, computeInvoiceTotals, VAT_RATES } from "@/lib/invoices/totals";
import { bookFeeWaiver, listWaivableFees } from "@/lib/invoices/waive-fee";
import { requestCollectionRun } from "@/lib/jobs/collection-runs";
import { enqueueJob } from "@/lib/jobs/job-engine";
import {
  balanceOre,
  creditableAtRate,
  creditableOre,
  deriveInvoiceStatus,
  type LedgerSums,
} from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { formatStaffMoney } from "@/lib/money/staff-money";
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
  /** What can still be credited afterwards: what the invoice charged, less all credits. */
  remainingCreditableOre: number;
  /** Fees the completing credit note waived with it (see bookFeeWaiver), positive. */
  waivedFeesOre: number;
}

interface CreditOptions {
  actor: Actor;
  issueDate?: Date;
  /** When the crediting happened (for back-dated imports); defaults to now. */
  creditedAt?: Date;
  /**
   * Whether the customer is told by email (a credit-notes.notify job written in the same
   * transaction). Default true; the demo seed, which writes history, says false.
   */
  notify?: boolean;
}

/**
 * Credits an issued invoice in full. Swedish VAT law (ML 2023:200 ch. 17 §22-23) does not allow an
 * issued invoice to be edited: the change is a credit note with its own number in the same series,
 * a specific reference to the original and the change in taxable amount and VAT per rate — here,
 * everything still uncredited. The original's ledger gets the CREDIT entry.
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
 * way to change an invoice after issue. Never takes back more than the invoice charged, per VAT
 * rate and in all, never more of a line than is left of it; the credit note that takes back the
 * last of it gets the VAT and öresutjämning that make all of them add up to the invoice exactly.
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

export type ParsedCreditInput = z.output<typeof creditNoteInputSchema> & { mode: CreditMode };
type LockedInvoice = Awaited<ReturnType<typeof lockInvoiceForChange>>;

const money = formatStaffMoney;

/**
 * What the invoice charged and what its earlier credit notes took back, per rate: read from the
 * totals frozen when each was issued, or (a document from before snapshots) computed from its
 * lines as they were computed then.
 */
async function creditBasis(
  tx: Prisma.TransactionClient,
  original: LockedInvoice,
  lines: readonly CreditableLine[],
): Promise<CreditBasis> {
  const frozen = readIssuedSnapshot(original.issuedSnapshot)?.totals;
  const earlierNotes = await tx.invoice.findMany({
    where: { creditedInvoiceId: original.id, kind: "CREDIT_NOTE" },
    orderBy: { number: "asc" },
    select: {
      totalOre: true,
      issuedSnapshot: true,
      lines: {
        select: { quantityMilli: true, unitPriceCentiOre: true, discountOre: true, vatRate: true },
      },
    },
  });
  const perRate = (rows: Parameters<typeof computeInvoiceTotals>[0]) =>
    computeInvoiceTotals(rows, { roundToWholeKrona: false }).vatGroups;
  return {
    invoice: { vatGroups: frozen?.vatGroups ?? perRate(lines), totalOre: original.totalOre },
    earlier: earlierNotes.map((note) => ({
      vatGroups: readIssuedSnapshot(note.issuedSnapshot)?.totals.vatGroups ?? perRate(note.lines),
      totalOre: note.totalOre,
    })),
    roundToWholeKrona: original.organization.roundToWholeKrona,
  };
}

async function earlierCreditLines(tx: Prisma.TransactionClient, invoiceId: string) {
  return tx.invoiceLine.findMany({
    where: { invoice: { creditedInvoiceId: invoiceId, kind: "CREDIT_NOTE" } },
    select: { position: true, quantityMilli: true },
  });
}

/**
 * Everything still uncredited: the invoice mirrored while nothing is credited yet; after credits
 * of lines, what remains of each line; after credits of amounts (not tied to lines), what remains
 * at each rate as one line per rate.
 */
function remainingLines(
  lines: readonly CreditableLine[],
  earlier: ReadonlyArray<{ position: number; quantityMilli: number }>,
  basis: CreditBasis,
): CreditNoteLine[] {
  if (earlier.length === 0) return mirrorLines(lines);
  if (earlier.some(isAmountLine)) {
    const leftAt = (rate: number) => creditableAtRate(basis.invoice, basis.earlier, rate);
    const open = VAT_RATES.filter((rate) => leftAt(rate).netOre !== 0);
    return open.map((rate, index) => {
      const left = leftAt(rate);
      return {
        position: AMOUNT_LINE_POSITION - index,
        kind: "CREDIT" as const,
        description: "Kreditering av återstående belopp",
        descriptionEn: "Credit of the remaining amount",
        quantityMilli: -1000,
        unit: "st",
        unitPriceCentiOre: left.netOre * 100,
        vatRate: rate,
        vatExemptionReason: rate === 0 ? zeroRateReason(lines) : null,
        discountOre: 0,
        periodStart: null,
        periodEnd: null,
      };
    });
  }
  const credited = creditedQuantities(earlier);
  const open = lines.filter((line) => remainingQuantityMilli(line, credited) > 0);
  return partialCreditLines(
    lines,
    credited,
    open.map((line) => ({ lineId: line.id })),
  );
}

/** A credit at 0 % takes back a 0 % line, so it carries that line's reason for no VAT. */
function zeroRateReason(lines: readonly CreditableLine[]): string {
  return (
    lines.find((line) => line.vatRate === 0 && line.vatExemptionReason)?.vatExemptionReason ??
    "Undantag från skatteplikt"
  );
}

function creditNoteLines(
  lines: readonly CreditableLine[],
  earlier: ReadonlyArray<{ position: number; quantityMilli: number }>,
  mode: CreditMode,
  basis: CreditBasis,
  sums: LedgerSums,
): CreditNoteLine[] {
  switch (mode.kind) {
    case "amount":
    case "goodwill": {
      const isGoodwill = mode.kind === "goodwill";
      const rate = mode.vatRate as (typeof VAT_RATES)[number];
      const left = creditableAtRate(basis.invoice, basis.earlier, rate);
      const leftGross = left.netOre + left.vatOre;
      const feeNote =
        sums.feesOre > 0
          ? "; a reminder fee is outside VAT and is taken off with a fee waiver"
          : "";
      if (rate === 0 && !basis.invoice.vatGroups.some((group) => group.vatRate === 0)) {
        throw new AppError(
          "CONFLICT",
          "Nothing on this invoice was charged at 0 % VAT. A reminder fee is outside VAT and is not part of the invoice: take it off with a fee waiver, not a credit note",
        );
      }
      if (leftGross <= 0) {
        throw new AppError(
          "CONFLICT",
          `Nothing is left to credit at ${rate} % VAT on this invoice${feeNote}`,
        );
      }
      if (mode.amountOre > leftGross) {
        throw new AppError(
          "CONFLICT",
          `Only ${money(leftGross)} including VAT is left to credit at ${rate} % on this invoice${feeNote}`,
          { creditableAtRateOre: leftGross },
        );
      }
      return [
        amountCreditLine({
          amountOre: mode.amountOre,
          vatRate: rate,
          roundToWholeKrona: basis.roundToWholeKrona,
          description: isGoodwill ? "Kompensation" : "Kreditering",
          descriptionEn: isGoodwill ? "Compensation" : "Credit",
          totalOf: (line) => {
            try {
              return computeCreditNoteTotals([line], basis).totalOre;
            } catch (error) {
              if (error instanceof AppError) return null;
              throw error;
            }
          },
        }),
      ].map((line) => (rate === 0 ? { ...line, vatExemptionReason: zeroRateReason(lines) } : line));
    }
    case "full":
      return remainingLines(lines, earlier, basis);
    case "lines":
      return partialCreditLines(lines, creditedQuantities(earlier), mode.lines);
  }
}

/**
 * Whether money the customer gets back is paid back the way it came or stays as their credit,
 * and — for a refund — by which methods it came (card, Swish), so the credit note can say where
 * the money goes: a Swish payment is not refunded "to the card you paid with".
 */
export async function moneyBackWay(
  tx: Prisma.TransactionClient,
  invoiceId: string,
  organizationId: string,
): Promise<Pick<CreditNoteSnapshot["settlement"], "moneyBack" | "refundMethods">> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { refundPolicy: true },
  });
  if (organization.refundPolicy === "KEEP_CREDIT") return { moneyBack: "credit_balance" };
  // What came through a provider goes back the same way (see refundCustomerCredit); what came
  // from the bank goes back to the payer's account as a payment finance makes (bank-repayments).
  const paidByProvider = await tx.paymentAttempt.findMany({
    where: { invoiceId, status: "SUCCEEDED", providerPaymentId: { not: null } },
    select: { method: true },
    distinct: ["method"],
    orderBy: { method: "asc" },
  });
  const paidFromBank = await tx.bankPayment.count({
    where: { organizationId, invoiceId, status: { in: ["BOOKED", "ASSIGNED"] } },
  });
  const refundMethods: Array<"card" | "swish" | "bank"> = [
    ...paidByProvider.map((attempt): "card" | "swish" =>
      attempt.method === "SWISH" ? "swish" : "card",
    ),
    ...(paidFromBank > 0 ? (["bank"] as const) : []),
  ];
  if (refundMethods.length === 0) return { moneyBack: "credit_balance" };
  return { moneyBack: "refund", refundMethods };
}

/**
 * What a credit would be, computed inside the caller's transaction with the invoice locked: the
 * credit note's lines and totals and the ledger before it. Refuses what cannot be credited. The
 * one computation behind both the credit and the agent's confirmation (previewCreditNote).
 */
export async function planCreditNote(
  tx: Prisma.TransactionClient,
  input: ParsedCreditInput,
  original: LockedInvoice,
) {
  if (original.kind !== "INVOICE" || original.status === "DRAFT" || original.number === null) {
    throw new AppError("CONFLICT", "Only an issued invoice can be credited; edit a draft instead");
  }
  const sumsBefore = await getLedgerSums(tx, original.id);
  const creditable = creditableOre(sumsBefore);
  if (original.status === "CREDITED" || creditable <= 0) {
    throw new AppError(
      "CONFLICT",
      sumsBefore.feesOre > 0
        ? "All this invoice charged is already credited; what is left is a reminder fee, which is outside VAT: waive it instead"
        : "This invoice has already been credited in full",
    );
  }
  const [lines, earlier] = await Promise.all([
    tx.invoiceLine.findMany({
      where: { invoiceId: original.id },
      orderBy: { position: "asc" },
      select: CREDITABLE_LINE_SELECT,
    }),
    earlierCreditLines(tx, original.id),
  ]);
  const basis = await creditBasis(tx, original, lines);
  const noteLines = creditNoteLines(lines, earlier, input.mode, basis, sumsBefore);
  const totals = computeCreditNoteTotals(noteLines, basis);
  assertTotalsFitColumns(totals);
  const creditedOre = -totals.totalOre;
  if (creditedOre <= 0) {
    throw new AppError(
      "BAD_INPUT",
      "These lines would add to what the customer owes; a credit note must take money off",
    );
  }
  if (creditedOre > creditable) {
    throw new AppError(
      "CONFLICT",
      `This credit note would take off ${money(creditedOre)}, but only ${money(creditable)} is left to credit on this invoice`,
      { creditableOre: creditable, creditedOre },
    );
  }
  if (input.mode.kind === "full" && !totals.completesInvoice) {
    throw new Error(`a full credit of invoice ${original.id} left part of it uncredited`);
  }
  return { sumsBefore, creditable, noteLines, totals, creditedOre, invoiceNumber: original.number };
}

async function issueInTransaction(
  tx: Prisma.TransactionClient,
  input: ParsedCreditInput,
  options: CreditOptions,
): Promise<IssuedCreditNote> {
  const original = await lockInvoiceForChange(tx, input);
  const { sumsBefore, creditable, noteLines, totals, creditedOre, invoiceNumber } =
    await planCreditNote(tx, input, original);
  const occurredAt = options.creditedAt ?? new Date();
  // Before anything is written: a refusal leaves the invoice exactly as it was.
  await assertNotDuplicateCredit(tx, {
    invoiceId: original.id,
    kind: input.mode.kind,
    note: { totalOre: totals.totalOre, lines: noteLines },
    now: occurredAt,
  });

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
      customerText: input.customerText ?? null,
      lines: { create: noteLines },
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
  // A fee reminded of a debt that is now credited away: it goes with the last of the invoice.
  let waivedFeesOre = 0;
  if (totals.completesInvoice) {
    for (const fee of await listWaivableFees(tx, original.id)) {
      await bookFeeWaiver(tx, {
        organizationId: input.organizationId,
        invoiceId: original.id,
        fee,
        actor: options.actor,
        reason: `Waived with credit note ${number}: the invoice is credited in full`,
        customerText: null,
        occurredAt,
      });
      waivedFeesOre += fee.amountOre;
    }
  }
  const sums = await getLedgerSums(tx, original.id);
  const moneyBackOre = Math.max(-balanceOre(sums), 0);
  const snapshot = await takeIssuedSnapshot(tx, {
    organizationId: input.organizationId,
    customerId: original.customerId,
    totals,
    creditNote: {
      creditedInvoice: {
        id: original.id,
        number: invoiceNumber,
        issueDate: (original.issueDate ?? issueDate).toISOString().slice(0, 10),
      },
      customerText: input.customerText ?? null,
      settlement: {
        toPayBeforeOre: Math.max(balanceOre(sumsBefore), 0),
        toPayAfterOre: Math.max(balanceOre(sums), 0),
        moneyBackOre,
        ...(moneyBackOre > 0
          ? await moneyBackWay(tx, original.id, input.organizationId)
          : { moneyBack: null }),
      },
      goodwill: input.mode.kind === "goodwill",
    },
  });
  await tx.invoice.update({
    where: { id: creditNote.id },
    data: { issuedSnapshot: snapshotJson(snapshot) },
  });
  const status = deriveInvoiceStatus({
    kind: original.kind,
    status: original.status,
    dueDate: original.dueDate,
    sums,
    today: issueDate,
  });
  const version = await saveInvoiceChange(tx, original.id, { status });

  const actor = actorFields(options.actor);
  const note = { creditNoteId: creditNote.id, creditNoteNumber: number };
  const isFull = input.mode.kind === "full";
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
  // Money paid from the bank that is now the customer's goes back to them (REFUND policy): a
  // payment back for finance, after the credit on the timeline.
  await planRepaymentsAfterCredit(tx, {
    organizationId: input.organizationId,
    invoiceId: original.id,
    now: new Date(occurredAt.getTime() + 1),
  });
  // What is left to collect changed: a part re-plans the steps (a full credit ends them).
  if (balanceOre(sums) > 0) await requestCollectionRun(tx, input.organizationId, [original.id]);
  if (options.notify !== false) {
    await enqueueJob(
      tx,
      "credit-notes.notify",
      { organizationId: input.organizationId, creditNoteId: creditNote.id },
      { singletonKey: `credit-note:${creditNote.id}` },
    );
  }
  return {
    invoiceId: original.id,
    version,
    status,
    creditNoteId: creditNote.id,
    number,
    creditedOre,
    remainingCreditableOre: creditable - creditedOre,
    waivedFeesOre,
  };
}
