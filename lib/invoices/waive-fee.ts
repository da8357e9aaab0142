import { z } from "zod";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { InvoiceStatus, Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import {
  assertCurrentVersion,
  customerTextSchema,
  expectedVersionSchema,
  lockInvoiceForChange,
  reasonSchema,
  saveInvoiceChange,
} from "@/lib/invoices/invoice-change";
import { balanceOre, deriveInvoiceStatus } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

export const waiveFeeInputSchema = z.object({
  invoiceId: z.uuid(),
  organizationId: z.uuid(),
  expectedVersion: expectedVersionSchema,
  /** The FEE ledger entry (a reminder fee) to take off. */
  feeEntryId: z.uuid({ error: "feeEntryId must be a fee's ledger entry id" }),
  /** Staff-only: why the fee is waived. */
  reason: reasonSchema,
  /** What the customer reads on their timeline; without it the page shows a default text. */
  customerText: customerTextSchema,
});

export type WaiveFeeInput = z.output<typeof waiveFeeInputSchema>;

export interface WaivedFee {
  invoiceId: string;
  version: number;
  status: InvoiceStatus;
  waivedOre: number;
  waiverEntryId: string;
  balanceOre: number;
}

/** The waiver's externalRef: unique per kind, so the same fee can never be waived twice. */
const waiverRef = (feeEntryId: string) => `waive:${feeEntryId}`;

export interface WaivableFee {
  id: string;
  amountOre: number;
  currency: string;
  memo: string | null;
  occurredAt: Date;
}

/** The invoice's fees (FEE entries charging something) that no waiver has taken off yet. */
export async function listWaivableFees(
  db: Pick<Prisma.TransactionClient, "ledgerEntry">,
  invoiceId: string,
): Promise<WaivableFee[]> {
  const fees = await db.ledgerEntry.findMany({
    where: { invoiceId, kind: "FEE" },
    orderBy: { occurredAt: "asc" },
    select: { id: true, amountOre: true, currency: true, memo: true, occurredAt: true },
  });
  const waivers = await db.ledgerEntry.findMany({
    where: { invoiceId, kind: "FEE", externalRef: { in: fees.map((fee) => waiverRef(fee.id)) } },
    select: { externalRef: true },
  });
  const waived = new Set(waivers.map((waiver) => waiver.externalRef));
  return fees.filter((fee) => fee.amountOre > 0 && !waived.has(waiverRef(fee.id)));
}

/**
 * Takes a fee (a reminder fee) off an invoice. The ledger is append-only, so the fee stays and a
 * FEE entry of the opposite amount is added beside it; the status follows from the ledger (an
 * invoice whose only debt was the fee is paid). A fee is outside VAT and never part of the
 * invoice's turnover, so this is the only way to take one back: a credit note never does.
 */
export async function waiveFee(options: {
  db: Db;
  input: WaiveFeeInput;
  actor: Actor;
  /** Today in Sweden (tests); defaults to the real today. */
  today?: Date;
}): Promise<WaivedFee> {
  const { input } = options;
  try {
    return await options.db.$transaction(async (tx) => {
      // The version is checked after the fee: a repeated click on "waive" (made with the version
      // the first click already changed) is told the fee is waived, not that the page is old.
      const invoice = await lockInvoiceForChange(tx, { ...input, expectedVersion: undefined });
      if (invoice.kind !== "INVOICE" || invoice.status === "DRAFT") {
        throw new AppError("CONFLICT", "Only an issued invoice has fees to waive");
      }
      const fee = await tx.ledgerEntry.findFirst({
        where: { id: input.feeEntryId, invoiceId: invoice.id, kind: "FEE" },
        select: { id: true, amountOre: true, currency: true },
      });
      // A waiver is itself a (negative) FEE entry: it is not a fee that can be waived.
      if (!fee || fee.amountOre <= 0) {
        throw new AppError("NOT_FOUND", "No such fee on this invoice");
      }
      const already = await tx.ledgerEntry.findUnique({
        where: { kind_externalRef: { kind: "FEE", externalRef: waiverRef(fee.id) } },
        select: { id: true },
      });
      if (already) throw new AppError("CONFLICT", "This fee has already been waived");
      await assertCurrentVersion(tx, invoice, input.expectedVersion);
      const waiverEntryId = await bookFeeWaiver(tx, {
        organizationId: input.organizationId,
        invoiceId: invoice.id,
        fee,
        actor: options.actor,
        reason: input.reason,
        customerText: input.customerText ?? null,
      });
      const sums = await getLedgerSums(tx, invoice.id);
      const status = deriveInvoiceStatus({
        kind: invoice.kind,
        status: invoice.status,
        dueDate: invoice.dueDate,
        sums,
        today: options.today ?? todayInSweden(),
      });
      const version = await saveInvoiceChange(tx, invoice.id, { status });
      return {
        invoiceId: invoice.id,
        version,
        status,
        waivedOre: fee.amountOre,
        waiverEntryId,
        balanceOre: balanceOre(sums),
      };
    }, QUEUED_TRANSACTION);
  } catch (error) {
    // The invoice lock makes a double waiver see the first one; the unique key is the backstop.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This fee has already been waived");
    }
    throw error;
  }
}

/**
 * Books the waiver of one fee inside the caller's transaction (which holds the invoice's lock):
 * the opposite FEE entry, the customer's timeline entry and the staff's record of why. Used by
 * the agent's waiver and by the credit note that takes back the whole invoice (a fee for
 * reminding of a debt that is credited away has nothing left to stand on).
 */
export async function bookFeeWaiver(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    invoiceId: string;
    fee: { id: string; amountOre: number; currency: string };
    actor: Actor;
    reason: string;
    customerText: string | null;
    occurredAt?: Date;
  },
): Promise<string> {
  const { fee } = options;
  const waiver = await tx.ledgerEntry.create({
    data: {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      kind: "FEE",
      amountOre: -fee.amountOre,
      currency: fee.currency,
      externalRef: waiverRef(fee.id),
      memo: "waiver",
      ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
    },
    select: { id: true },
  });
  const actor = actorFields(options.actor);
  await recordInvoiceEvent(tx, {
    organizationId: options.organizationId,
    invoiceId: options.invoiceId,
    type: "FEE_WAIVED",
    visibility: "CUSTOMER",
    ...actor,
    customerText: options.customerText,
    data: { amountOre: fee.amountOre },
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  await recordInvoiceEvent(tx, {
    organizationId: options.organizationId,
    invoiceId: options.invoiceId,
    type: "FEE_WAIVER_BOOKED",
    visibility: "STAFF",
    ...actor,
    data: {
      feeEntryId: fee.id,
      waiverEntryId: waiver.id,
      amountOre: fee.amountOre,
      reason: options.reason,
    },
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  return waiver.id;
}
