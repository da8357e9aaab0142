import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { JobEngine } from "@/lib/jobs/job-engine";
import { QUEUE_NAMES, type QueueName } from "@/lib/jobs/queues";

/**
 * What an admin sees of the background work (/admin/jobs): per queue how many jobs wait, run,
 * are being retried, failed or finished, and the latest jobs that failed or are being retried —
 * their organisation's and the system's, never another organisation's.
 */
export interface QueueStatus {
  queue: QueueName;
  waiting: number;
  active: number;
  retrying: number;
  failed: number;
  completed: number;
}

export interface JobSummary {
  id: string;
  queue: QueueName;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  attempts: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** Why the last run failed, as the worker reported it. */
  lastError: string | null;
  /** Whose job it is: null for system-wide work. */
  organizationId: string | null;
}

const stateCounts = (schema: string) => `
  SELECT name, state, count(*)::int AS count FROM ${schema}.job
   WHERE name = ANY($1::text[]) AND ($2::text IS NULL OR data->>'organizationId' IS NULL
         OR data->>'organizationId' = $2::text)
   GROUP BY name, state`;

export async function loadQueueStatus(
  engine: JobEngine,
  organizationId: string | null,
): Promise<QueueStatus[]> {
  const { rows } = await engine.boss
    .getDb()
    .executeSql(stateCounts(engine.schema), [QUEUE_NAMES, organizationId]);
  return QUEUE_NAMES.map((queue) => {
    const count = (state: string) =>
      (rows as Array<{ name: string; state: string; count: number }>)
        .filter((row) => row.name === queue && row.state === state)
        .reduce((sum, row) => sum + row.count, 0);
    return {
      queue,
      waiting: count("created"),
      active: count("active"),
      retrying: count("retry"),
      failed: count("failed"),
      completed: count("completed"),
    };
  });
}

interface JobRow {
  id: string;
  name: QueueName;
  state: JobSummary["state"];
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
  organization_id: string | null;
}

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const message = (output as { message?: unknown }).message;
  return typeof message === "string" ? message.slice(0, 500) : null;
}

export async function listTroubledJobs(
  engine: JobEngine,
  organizationId: string,
  limit = 50,
): Promise<JobSummary[]> {
  const { rows } = await engine.boss.getDb().executeSql(
    `SELECT id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, output,
            data->>'organizationId' AS organization_id
       FROM ${engine.schema}.job
      WHERE name = ANY($1::text[]) AND state IN ('retry', 'failed')
        AND (data->>'organizationId' IS NULL OR data->>'organizationId' = $2::text)
      ORDER BY created_on DESC LIMIT $3`,
    [QUEUE_NAMES, organizationId, limit],
  );
  return (rows as JobRow[]).map((row) => ({
    id: row.id,
    queue: row.name,
    state: row.state,
    attempts: row.retry_count + 1,
    retryLimit: row.retry_limit,
    createdOn: new Date(row.created_on),
    startedOn: row.started_on ? new Date(row.started_on) : null,
    completedOn: row.completed_on ? new Date(row.completed_on) : null,
    lastError: errorOf(row.output),
    organizationId: row.organization_id,
  }));
}

export const retryJobInputSchema = z.object({
  queue: z.enum(QUEUE_NAMES as [QueueName, ...QueueName[]]),
  jobId: z.uuid(),
});

/** Tries a failed job again, if it is the admin's organisation's (or the system's). */
export async function retryFailedJob(
  engine: JobEngine,
  organizationId: string,
  input: z.output<typeof retryJobInputSchema>,
): Promise<void> {
  const { rows } = await engine.boss.getDb().executeSql(
    `SELECT state, data->>'organizationId' AS organization_id FROM ${engine.schema}.job
      WHERE name = $1 AND id = $2::uuid`,
    [input.queue, input.jobId],
  );
  const job = rows[0] as { state: string; organization_id: string | null } | undefined;
  if (!job || (job.organization_id !== null && job.organization_id !== organizationId)) {
    throw new AppError("NOT_FOUND", "No such job");
  }
  if (job.state !== "failed") throw new AppError("CONFLICT", "Only a failed job can be retried");
  await engine.boss.retry(input.queue, input.jobId);
}
