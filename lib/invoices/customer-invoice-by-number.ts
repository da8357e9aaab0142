import type { Db } from "@/lib/db/database";

/**
 * A link speaks for its customer's invoices at that organisation: the invoice with `number` of the
 * same customer and organisation as `linkInvoiceId`, or null. Used by the page, the payment API
 * and the socket handshake, so all three allow exactly the same invoices.
 */
export async function findCustomerInvoiceByNumber(
  db: Db,
  linkInvoiceId: string,
  number: number,
): Promise<string | null> {
  const owner = await db.invoice.findUnique({
    where: { id: linkInvoiceId },
    select: { customerId: true, organizationId: true },
  });
  if (!owner) return null;
  const invoice = await db.invoice.findFirst({
    where: { ...owner, number, kind: "INVOICE", status: { not: "DRAFT" } },
    select: { id: true },
  });
  return invoice?.id ?? null;
}
