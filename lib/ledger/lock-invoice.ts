import type { Prisma } from "@/lib/db/generated/client";

/**
 * Every transaction that writes an invoice's ledger takes this row lock first. Balance and status
 * are derived from the ledger inside the transaction; without the lock, two writers on PostgreSQL
 * (a card and a Swish payment, two credits) would each derive from a ledger that lacks the other's
 * entry and commit a stale status or a second credit. (PGlite runs one transaction at a time.)
 */
export async function lockInvoiceForLedger(
  tx: Prisma.TransactionClient,
  invoiceId: string,
): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "id" = ${invoiceId} FOR UPDATE`;
}
