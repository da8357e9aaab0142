import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Ends the open pause a dispute or a payment plan caused: steps may run again from `today` (the
 * pause's endedOn is the first day they may), never from before the pause began.
 */
export async function endPause(
  tx: Prisma.TransactionClient,
  sourceId: string,
  today: Date,
): Promise<number> {
  return tx.$executeRaw`
    UPDATE "CollectionPause" SET "endedOn" = GREATEST(${formatCalendarDate(today)}::date, "startedOn")
     WHERE "sourceId" = ${sourceId} AND "endedOn" IS NULL`;
}
