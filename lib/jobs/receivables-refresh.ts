import type { Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJob } from "@/lib/jobs/job-engine";

/**
 * Asks for a refresh of an organisation's receivables figures (the daily tick's, or a person's
 * "refresh now"). One waiting and one running per organisation: asking again meanwhile is a no-op.
 */
export async function requestReceivablesRefresh(
  db: Db | Prisma.TransactionClient,
  organizationId: string,
  options: { full?: boolean } = {},
): Promise<string | null> {
  return enqueueJob(
    db,
    "receivables.refresh",
    { organizationId, ...(options.full ? { full: true } : {}) },
    { singletonKey: organizationId },
  );
}
