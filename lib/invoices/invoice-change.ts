import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { staleVersionError } from "@/lib/invoices/latest-change";
import { lockInvoiceForLedger } from "@/lib/ledger/lock-invoice";

/**
 * The common start and end of a live change an agent makes to an invoice (edit a draft, credit,
 * respite, waive a fee): every such write names the version it was based on, so an agent who
 * acted on an old screen is refused instead of silently overwriting a colleague's change.
 */
export const expectedVersionSchema = z
  .number({ error: "expectedVersion must be the version of the invoice you are looking at" })
  .int()
  .positive();

export const reasonSchema = z
  .string()
  .trim()
  .min(3, "give a reason of at least 3 characters")
  .max(500);

export const customerTextSchema = z.string().trim().min(1).max(500).optional();

/**
 * Locks the invoice row and reads it inside the caller's transaction. The lock comes first so that
 * balance and status derived afterwards cannot race another writer of the same invoice; an invoice
 * of another organisation is answered exactly like a missing one, so ids never leak across tenants.
 */
export async function lockInvoiceForChange(
  tx: Prisma.TransactionClient,
  target: { invoiceId: string; organizationId: string; expectedVersion?: number },
  /**
   * Who is refused when the version is stale: staff (and the biller's API) are told who changed
   * the invoice and what they did; a customer only that it changed — the timeline's staff names
   * and staff-only events are never theirs to read.
   */
  refused: "staff" | "customer" = "staff",
) {
  await lockInvoiceForLedger(tx, target.invoiceId);
  const invoice = await tx.invoice.findUnique({
    where: { id: target.invoiceId },
    include: { organization: { select: { roundToWholeKrona: true } } },
  });
  if (!invoice || invoice.organizationId !== target.organizationId) {
    throw new AppError("NOT_FOUND", "No such invoice");
  }
  if (target.expectedVersion !== undefined) {
    if (refused === "customer") assertVersion(invoice, target.expectedVersion);
    else await assertCurrentVersion(tx, invoice, target.expectedVersion);
  }
  return invoice;
}

/**
 * Refuses a write based on another version than the invoice's current one, saying who changed it
 * meanwhile and what they did (read from the timeline; see staleVersionError).
 */
export async function assertCurrentVersion(
  db: Pick<Prisma.TransactionClient, "invoiceEvent" | "staffUser">,
  invoice: { id: string; version: number },
  expectedVersion: number,
): Promise<void> {
  if (expectedVersion !== invoice.version) throw await staleVersionError(db, invoice);
}

/** Refuses a write based on another version than the invoice's current one. */
export function assertVersion(invoice: { version: number }, expectedVersion: number): void {
  if (expectedVersion !== invoice.version) {
    throw new AppError("STALE_VERSION", "The invoice was changed by someone else; reload it", {
      currentVersion: invoice.version,
    });
  }
}

/** Writes the change and bumps the version by one; returns the new version. */
export async function saveInvoiceChange(
  tx: Prisma.TransactionClient,
  invoiceId: string,
  data: Omit<Prisma.InvoiceUpdateInput, "version">,
): Promise<number> {
  const updated = await tx.invoice.update({
    where: { id: invoiceId },
    data: { ...data, version: { increment: 1 } },
    select: { version: true },
  });
  return updated.version;
}
