import type { Db } from "@/lib/db/database";
import { balanceOre, isPartlyPaid } from "@/lib/ledger/invoice-status";
import { getLedgerSums } from "@/lib/ledger/ledger-queries";
import { computeInvoiceTotals } from "./totals";

/** Everything the customer's invoice page shows, read with narrow selects. */
export async function getCustomerInvoiceView(db: Db, invoiceId: string) {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      kind: true,
      number: true,
      ocr: true,
      status: true,
      issueDate: true,
      dueDate: true,
      periodStart: true,
      periodEnd: true,
      currency: true,
      netOre: true,
      vatOre: true,
      roundingOre: true,
      totalOre: true,
      version: true,
      lines: { orderBy: { position: "asc" } },
      customer: {
        select: {
          name: true,
          addressLine1: true,
          addressLine2: true,
          postalCode: true,
          city: true,
          locale: true,
        },
      },
      organization: {
        select: {
          name: true,
          orgNumber: true,
          vatNumber: true,
          hasFSkatt: true,
          addressLine1: true,
          addressLine2: true,
          postalCode: true,
          city: true,
          bankgiro: true,
          plusgiro: true,
          swishNumber: true,
          brandColor: true,
          roundToWholeKrona: true,
        },
      },
      events: {
        where: { visibility: "CUSTOMER" },
        orderBy: { occurredAt: "asc" },
        select: { id: true, type: true, occurredAt: true, customerText: true, data: true },
      },
    },
  });
  if (!invoice) return null;
  const sums = await getLedgerSums(db, invoice.id);
  const totals = computeInvoiceTotals(invoice.lines, {
    roundToWholeKrona: invoice.organization.roundToWholeKrona,
  });
  return {
    invoice,
    totals,
    balanceOre: balanceOre(sums),
    isPartlyPaid: isPartlyPaid(invoice.status, sums),
  };
}

export type CustomerInvoiceView = NonNullable<Awaited<ReturnType<typeof getCustomerInvoiceView>>>;
