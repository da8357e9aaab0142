import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { generateAccessToken, hashAccessToken } from "@/lib/invoices/access-token";
import { type Actor, actorFields } from "@/lib/timeline/actor";
import { recordInvoiceEvent } from "@/lib/timeline/invoice-events";

/** Replaces an invoice's link secret: the old link stops working at once. Returns the new token. */
export async function renewAccessToken(options: {
  db: Db;
  invoiceId: string;
  organizationId: string;
  actor: Actor;
}): Promise<string> {
  const token = generateAccessToken();
  await options.db.$transaction(async (tx) => {
    const updated = await tx.invoice.updateMany({
      where: {
        id: options.invoiceId,
        organizationId: options.organizationId,
        status: { not: "DRAFT" },
      },
      data: { accessTokenHash: hashAccessToken(token) },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "No such issued invoice");
    await recordInvoiceEvent(tx, {
      organizationId: options.organizationId,
      invoiceId: options.invoiceId,
      type: "ACCESS_LINK_RENEWED",
      visibility: "STAFF",
      ...actorFields(options.actor),
    });
  });
  return token;
}
