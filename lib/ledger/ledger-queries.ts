import type { Prisma } from "@/lib/db/generated/client";
import { type LedgerSums, sumLedger } from "./invoice-status";

type Reader = Pick<Prisma.TransactionClient, "ledgerEntry">;

export async function getLedgerSums(db: Reader, invoiceId: string): Promise<LedgerSums> {
  const groups = await db.ledgerEntry.groupBy({
    by: ["kind"],
    where: { invoiceId },
    _sum: { amountOre: true },
  });
  return sumLedger(groups.map((g) => ({ kind: g.kind, amountOre: g._sum.amountOre ?? 0 })));
}
