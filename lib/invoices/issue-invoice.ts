import { addDays, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { QUEUED_TRANSACTION } from "@/lib/db/transactions";
import { AppError } from "@/lib/errors/app-error";
import { needsBuyerVatNumber } from "@/lib/i18n/vat-exemption-reasons";
import { createInvoiceLink } from "@/lib/invoices/invoice-links";
import {
  type IssuedSnapshot,
  snapshotJson,
  takeIssuedSnapshot,
} from "@/lib/invoices/issued-snapshot";
import { staleVersionError } from "@/lib/invoices/latest-change";
import { assertTotalsFitColumns, computeInvoiceTotals } from "@/lib/invoices/totals";
import { generateOcr } from "@/lib/references/ocr";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Takes the organisation's next invoice number inside the caller's transaction. The UPDATE locks
 * the series row until commit, so concurrent issuers queue; a rollback gives the number back.
 * That is what keeps the series gap-free (ML 2023:200 ch. 17 wants a unique, sequential series).
 */
export async function takeNextInvoiceNumber(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<number> {
  return (await takeNextInvoiceNumbers(tx, organizationId, 1))[0]!;
}

/** `count` consecutive numbers at once (an invoice run), on the same terms as one. */
export async function takeNextInvoiceNumbers(
  tx: Prisma.TransactionClient,
  organizationId: string,
  count: number,
): Promise<number[]> {
  await tx.$executeRaw`INSERT INTO "InvoiceNumberSeries" ("organizationId", "lastNumber")
    VALUES (${organizationId}, 0) ON CONFLICT ("organizationId") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    UPDATE "InvoiceNumberSeries" SET "lastNumber" = "lastNumber" + ${count}
    WHERE "organizationId" = ${organizationId} RETURNING "lastNumber"`;
  const row = rows[0];
  if (!row) throw new Error("invoice number series row vanished inside its transaction");
  const last = Number(row.lastNumber);
  return Array.from({ length: count }, (_, index) => last - count + 1 + index);
}

/**
 * A 0 % line under reverse charge (the buyer accounts for the VAT) or an intra-EU supply of goods
 * makes the buyer's VAT number a required item of the invoice (ML 2023:200 17 kap. 24 §;
 * directive 2006/112/EC art. 226.4). The page and PDF print the buyer's VAT number for a business
 * customer, so without one on record the invoice would be deficient the moment it is issued:
 * refuse it before a number is taken, and say what to fix.
 */
export function assertBuyerVatNumberWhereNeeded(
  lines: ReadonlyArray<{ position: number; vatRate: number; vatExemptionReason: string | null }>,
  buyer: IssuedSnapshot["buyer"],
): void {
  if (buyer.isBusiness && buyer.vatNumber?.trim()) return;
  const line = [...lines]
    .sort((a, b) => a.position - b.position)
    .find(
      (candidate) => candidate.vatRate === 0 && needsBuyerVatNumber(candidate.vatExemptionReason),
    );
  if (!line) return;
  throw new AppError(
    "BAD_INPUT",
    `The line "${line.vatExemptionReason}" at 0 % VAT needs the buyer's VAT number on the invoice (ML 17 kap. 24 §), but customer ${buyer.customerNumber} is not a business with a VAT number on record: add the customer's VAT number, or change the line's VAT, before issuing`,
    { field: "vatNumber", position: line.position, customerNumber: buyer.customerNumber },
  );
}

export interface IssuedInvoice {
  id: string;
  number: number;
  ocr: string;
  totalOre: number;
  version: number;
  /** The link secret: returned once, never stored. */
  accessToken: string;
}

/**
 * Issues a DRAFT: assigns number and OCR, freezes the totals computed from its lines, opens the
 * ledger with the amount owed, creates the customer's link secret and writes the timeline event —
 * all in one transaction.
 */
export interface IssueInvoiceOptions {
  invoiceId: string;
  organizationId: string;
  actor: Actor;
  expectedVersion?: number;
  issueDate?: Date;
  /** Defaults to the due date the draft asks for, else the organisation's payment terms. */
  dueDate?: Date;
  /** When the issuing happened (for back-dated imports); defaults to now. */
  issuedAt?: Date;
}

export async function issueInvoice(
  options: IssueInvoiceOptions & { db: Db },
): Promise<IssuedInvoice> {
  return options.db.$transaction(
    (tx) => issueInvoiceInTransaction(tx, options),
    QUEUED_TRANSACTION,
  );
}

/** The same, inside the caller's transaction (creating and issuing in one, as API v1 does). */
export async function issueInvoiceInTransaction(
  tx: Prisma.TransactionClient,
  options: IssueInvoiceOptions,
): Promise<IssuedInvoice> {
  const { invoiceId, organizationId } = options;
  const invoice = await tx.invoice.findFirst({
    where: { id: invoiceId, organizationId },
    include: { lines: true, organization: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice in this organisation");
  if (invoice.status !== "DRAFT") {
    throw new AppError("CONFLICT", "Only a draft can be issued; this invoice is already issued");
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== invoice.version) {
    throw await staleVersionError(tx, invoice);
  }
  if (invoice.lines.length === 0) {
    throw new AppError("BAD_INPUT", "An invoice needs at least one line before it is issued");
  }
  const totals = computeInvoiceTotals(invoice.lines, {
    roundToWholeKrona: invoice.organization.roundToWholeKrona,
  });
  assertTotalsFitColumns(totals);
  if (totals.totalOre <= 0) {
    throw new AppError(
      "BAD_INPUT",
      "An invoice must be for a positive amount; issue a credit note instead",
    );
  }
  const issueDate = options.issueDate ?? todayInSweden();
  const dueDate =
    options.dueDate ?? invoice.dueDate ?? addDays(issueDate, invoice.organization.paymentTermsDays);
  if (dueDate < issueDate) throw new AppError("BAD_INPUT", "The due date is before the issue date");

  // The seller, the buyer and the totals as they are now: what the page and PDF show for ever.
  const snapshot = await takeIssuedSnapshot(tx, {
    organizationId,
    customerId: invoice.customerId,
    totals,
  });
  assertBuyerVatNumberWhereNeeded(invoice.lines, snapshot.buyer);
  const number = await takeNextInvoiceNumber(tx, organizationId);
  const ocr = generateOcr(number);
  // Guarded on the version so two issuers racing on the same draft cannot both win.
  const updated = await tx.invoice.updateMany({
    where: { id: invoiceId, version: invoice.version, status: "DRAFT" },
    data: {
      status: "OPEN",
      number,
      ocr,
      issueDate,
      dueDate,
      netOre: totals.netOre,
      vatOre: totals.vatOre,
      roundingOre: totals.roundingOre,
      totalOre: totals.totalOre,
      issuedSnapshot: snapshotJson(snapshot),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) {
    throw new AppError(
      "STALE_VERSION",
      "The invoice was changed while it was being issued; reload it",
    );
  }
  const accessToken = await createInvoiceLink(tx, {
    invoiceId,
    organizationId,
    purpose: "ISSUED",
  });
  await tx.ledgerEntry.create({
    data: {
      organizationId,
      invoiceId,
      kind: "INVOICE_ISSUED",
      amountOre: totals.totalOre,
      currency: invoice.currency,
      occurredAt: issueDate,
    },
  });
  await recordInvoiceEvent(tx, {
    organizationId,
    invoiceId,
    type: "ISSUED",
    visibility: "CUSTOMER",
    ...actorFields(options.actor),
    data: { number, totalOre: totals.totalOre },
    occurredAt: options.issuedAt ?? new Date(),
  });
  return {
    id: invoiceId,
    number,
    ocr,
    totalOre: totals.totalOre,
    version: invoice.version + 1,
    accessToken,
  };
}
