import { type SelectedBlock, selectBlocksForInvoice } from "@/lib/content/blocks/select-blocks";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";

/**
 * The block as this invoice's page shows it now, chosen again on the server: a customer can only
 * act on (and be counted for) a block their page really shows, with the variant the server chose.
 */
export async function findShownBlock(
  db: Db,
  options: { invoiceId: string; blockId: string; now?: Date },
): Promise<{
  block: SelectedBlock;
  invoice: { id: string; organizationId: string; customerId: string };
}> {
  const invoice = await db.invoice.findUnique({
    where: { id: options.invoiceId },
    select: {
      id: true,
      organizationId: true,
      customerId: true,
      customer: { select: { locale: true } },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice");
  const blocks = await selectBlocksForInvoice(db, {
    invoice,
    locale: invoice.customer.locale,
    now: options.now,
  });
  const block = blocks.find((candidate) => candidate.blockId === options.blockId);
  if (!block) throw new AppError("NOT_FOUND", "This content is not shown on this invoice");
  return {
    block,
    invoice: {
      id: invoice.id,
      organizationId: invoice.organizationId,
      customerId: invoice.customerId,
    },
  };
}
