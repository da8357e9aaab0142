import type { Db } from "@/lib/db/database";

/** Recent invoices of one organisation, for the consoles' overview (narrow select). */
export async function listRecentInvoices(db: Db, organizationId: string, take = 20) {
  return db.invoice.findMany({
    where: { organizationId, status: { not: "DRAFT" } },
    orderBy: [{ issueDate: "desc" }, { number: "desc" }],
    take,
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      issueDate: true,
      dueDate: true,
      totalOre: true,
      customer: { select: { name: true } },
    },
  });
}

export async function countInvoicesByStatus(db: Db, organizationId: string) {
  const groups = await db.invoice.groupBy({
    by: ["status"],
    where: { organizationId, kind: "INVOICE" },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
}
