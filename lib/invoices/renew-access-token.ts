import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { createInvoiceLink, revokeInvoiceLinks } from "@/lib/invoices/invoice-links";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/**
 * Replaces an invoice's links with one new link: every old one stops working at once (a leaked
 * link is shut this way). Returns the new token, the only time it is known.
 */
export async function renewAccessToken(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  actor: Actor;
}): Promise<string> {
  return options.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({
      where: {
        id: options.invoiceId,
        organizationId: options.organizationId,
        status: { not: "DRAFT" },
      },
      select: { id: true },
    });
    if (!invoice) throw new AppError("NOT_FOUND", "No such issued invoice");
    await revokeInvoiceLinks(tx, invoice.id);
    const token = await createInvoiceLink(tx, {
      invoiceId: invoice.id,
      organizationId: options.organizationId,
      purpose: "RENEWED",
    });
    await recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      type: "ACCESS_LINK_RENEWED",
      visibility: "STAFF",
      ...actorFields(options.actor),
    });
    return token;
  });
}
