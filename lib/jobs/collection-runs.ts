import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJob } from "@/lib/jobs/job-engine";

/**
 * Asks for a collection run: of the whole organisation (the morning's), or of the invoices an
 * event touched (a payment, a credit, a respite, a dispute, a plan), in the event's transaction.
 * One waiting and one running per organisation or invoice set: asking again meanwhile is a no-op.
 */
export async function requestCollectionRun(
  db: Db | Prisma.TransactionClient,
  organizationId: string,
  invoiceIds?: readonly string[],
): Promise<void> {
  const ids = invoiceIds ? [...new Set(invoiceIds)].sort() : undefined;
  if (ids && ids.length === 0) return;
  for (let start = 0; start < (ids?.length ?? 1); start += 1000) {
    const chunk = ids?.slice(start, start + 1000);
    await enqueueJob(
      db,
      "collections.run",
      { organizationId, ...(chunk ? { invoiceIds: chunk } : {}) },
      {
        singletonKey: chunk
          ? `${organizationId}:${chunk.length === 1 ? chunk[0] : hashIds(chunk)}`
          : organizationId,
      },
    );
  }
}

function hashIds(ids: readonly string[]): string {
  return createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 32);
}
