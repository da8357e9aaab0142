import type { Db } from "@/lib/db/database";
import { getJobEngine } from "@/lib/jobs/job-engine";
import type { QueueName } from "@/lib/jobs/queues";

/** The jobs waiting in a queue, as pg-boss stored them (the writer-only engine runs none). */
export async function queuedJobs(
  db: Db,
  queue: QueueName,
): Promise<Array<{ data: Record<string, unknown>; singletonKey: string | null }>> {
  const engine = getJobEngine();
  if (!engine) throw new Error("no job engine: open the database with createTestDatabase()");
  const rows = await db.$queryRawUnsafe<
    Array<{ data: Record<string, unknown>; singleton_key: string | null }>
  >(
    `SELECT data, singleton_key FROM "${engine.schema}".job WHERE name = $1 ORDER BY created_on`,
    queue,
  );
  return rows.map((row) => ({ data: row.data, singletonKey: row.singleton_key }));
}
