import type { Db } from "@/lib/db/database";

export async function countInvoicesByStatus(db: Db, organizationId: string) {
  const groups = await db.invoice.groupBy({
    by: ["status"],
    where: { organizationId, kind: "INVOICE" },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
}
