import type { Prisma } from "@/lib/db/generated/client";
import { type LedgerSums, sumLedger } from "@/lib/ledger/invoice-status";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

/** The ledger of one invoice summed per kind (plain SQL: it runs on every page view). */
export async function getLedgerSums(db: Reader, invoiceId: string): Promise<LedgerSums> {
  const rows = await db.$queryRaw<
    Array<{ kind: Parameters<typeof sumLedger>[0][number]["kind"]; total: bigint | number }>
  >`
    SELECT "kind"::text AS kind, SUM("amountOre") AS total FROM "LedgerEntry"
    WHERE "invoiceId" = ${invoiceId} GROUP BY "kind"`;
  return sumLedger(rows.map((row) => ({ kind: row.kind, amountOre: Number(row.total) })));
}
