import { latestOverdueDueDate } from "@/lib/dates/banking-days";
import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Moves OPEN invoices whose last day to pay has passed to OVERDUE, each with its timeline event.
 */
export async function markOverdueInvoices(options: { db: Db; today?: Date }): Promise<number> {
  const today = options.today ?? todayInSweden();
  return options.db.$transaction(async (tx) => {
    const due = await tx.invoice.findMany({
      where: { status: "OPEN", kind: "INVOICE", dueDate: { lte: latestOverdueDueDate(today) } },
      select: { id: true, organizationId: true, dueDate: true },
      take: 1000,
    });
    for (const invoice of due) {
      const changed = await tx.invoice.updateMany({
        where: { id: invoice.id, status: "OPEN" },
        data: { status: "OVERDUE", version: { increment: 1 } },
      });
      if (changed.count === 1) {
        await recordInvoiceEvent(tx, {
          organizationId: invoice.organizationId,
          invoiceId: invoice.id,
          type: "STATUS_CHANGED",
          visibility: "STAFF",
          data: { from: "OPEN", to: "OVERDUE" },
        });
      }
    }
    return due.length;
  });
}
