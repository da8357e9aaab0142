import PgBoss from "pg-boss";
import type { Database, Db } from "@/lib/db/database";
import type { Prisma } from "@/lib/db/generated/client";
import { jobDbForTransaction } from "@/lib/db/job-db";
import { AppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";
import { JOB_QUEUES, type JobPayload, QUEUE_NAMES, type QueueName } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The process's job engine: pg-boss 10 (11+ needs Node 22) on the product's own database, through
 * its `db` option, so PostgreSQL and the embedded PGlite take one code path. Jobs are rows: each
 * runs exactly once across processes (pg-boss locks it with SKIP LOCKED), is retried with backoff
 * when it fails, and is retried when the process running it dies (its run expires). Stopping
 * drains: no new jobs are taken and running ones are waited for.
 */
export type JobHandlers = { [Q in QueueName]: (payload: JobPayload<Q>) => Promise<unknown> };

export interface JobEngine {
  boss: PgBoss;
  /** pg-boss's schema (per database schema, so parallel test schemas never share jobs). */
  schema: string;
  stop(): Promise<void>;
}

const log = createLogger("jobs");
// The engines this process runs, newest last (tests start one beside the usual writer); jobs
// are written through the newest. On globalThis: server.ts and Next's bundle load this twice.
const engineKey = Symbol.for("nota.job-engines");
type Holder = { [engineKey]?: JobEngine[] };
const engines = (): JobEngine[] => {
  const holder = globalThis as Holder;
  holder[engineKey] ??= [];
  return holder[engineKey];
};

export function jobSchemaFor(databaseSchema: string | undefined): string {
  return databaseSchema ? `${databaseSchema}_jobs` : "pgboss";
}

export async function startJobEngine(options: {
  database: Pick<Database, "jobDb">;
  /** The database schema of `?schema=` (pg-boss then lives beside it). */
  databaseSchema?: string;
  /** Without handlers the engine only writes jobs (scripts, the seed). */
  handlers?: Partial<JobHandlers>;
  /** Whether this process runs the schedules (every process may: pg-boss sends each tick once). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  /** How often expired runs are found and retried (default every 30 s). */
  maintenanceIntervalSeconds?: number;
}): Promise<JobEngine> {
  const schema = jobSchemaFor(options.databaseSchema);
  // What is under way through this engine: its statements and its handlers. pg-boss's graceful
  // stop waits for jobs it has handed out, not for a fetch already in flight — whose job then runs
  // after "stopped" (against a closed database). Stopping waits for these to reach zero.
  let statementsInFlight = 0;
  let handlersInFlight = 0;
  const jobDb = options.database.jobDb;
  const countedDb: typeof jobDb = {
    async executeSql(text, values) {
      statementsInFlight += 1;
      try {
        return await jobDb.executeSql(text, values);
      } finally {
        statementsInFlight -= 1;
      }
    },
  };
  const boss = new PgBoss({
    db: countedDb,
    schema,
    supervise: Boolean(options.handlers),
    schedule: options.schedule ?? Boolean(options.handlers),
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    // Completed jobs are kept a week for the admin's view, then deleted.
    archiveCompletedAfterSeconds: 24 * 60 * 60,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => log.error("job engine error", { error }));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    const queue = JOB_QUEUES[name];
    if (!(await boss.getQueue(name))) {
      await boss.createQueue(name, { name, policy: queue.policy, ...queue.options });
    }
  }
  for (const name of QUEUE_NAMES) {
    const handler = options.handlers?.[name] as
      | ((payload: unknown) => Promise<unknown>)
      | undefined;
    if (!handler) continue;
    await boss.work(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
      async ([job]) => {
        if (!job) return;
        handlersInFlight += 1;
        try {
          return await handler(parseInput(JOB_QUEUES[name].payload, job.data, `${name} job`));
        } catch (error) {
          // The failure is recorded on the job (and retried by its policy); the log says why.
          log.warn("job failed", {
            queue: name,
            jobId: job.id,
            problem: errorReply(error, { queue: name }),
          });
          throw error;
        } finally {
          handlersInFlight -= 1;
        }
      },
    );
    if ("schedule" in JOB_QUEUES[name] && options.schedule !== false) {
      const { cron, tz } = (JOB_QUEUES[name] as { schedule: { cron: string; tz: string } })
        .schedule;
      await boss.schedule(name, cron, {}, { tz });
    }
  }
  const engine: JobEngine = {
    boss,
    schema,
    async stop() {
      const running = engines();
      const index = running.indexOf(engine);
      if (index >= 0) running.splice(index, 1);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      // Idle twice in a row, 50 ms apart: a fetch that returned a job has handed it over by then.
      const until = Date.now() + 10_000;
      for (let idle = 0; idle < 2 && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        idle = statementsInFlight === 0 && handlersInFlight === 0 ? idle + 1 : 0;
      }
    },
  };
  engines().push(engine);
  return engine;
}

/**
 * Runs `work` where jobs can be written: through the process's engine, or a writer-only engine
 * started for it and stopped after (the seed and other scripts, which run no workers: the
 * server's workers take the jobs when it starts).
 */
export async function withJobWriter<T>(
  database: Pick<Database, "jobDb">,
  databaseSchema: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (getJobEngine()) return work();
  const engine = await startJobEngine({ database, databaseSchema, schedule: false });
  try {
    return await work();
  } finally {
    await engine.stop();
  }
}

export function getJobEngine(): JobEngine | null {
  return engines().at(-1) ?? null;
}

/**
 * Writes a job. Given a transaction, through that transaction's own connection: the job exists if
 * and only if the change that asks for it commits.
 */
export async function enqueueJob<Q extends QueueName>(
  db: Db | Prisma.TransactionClient,
  queue: Q,
  payload: JobPayload<Q>,
  options: { startAfter?: Date | number; singletonKey?: string } = {},
): Promise<string | null> {
  const engine = getJobEngine();
  if (!engine) {
    throw new AppError("CONFIGURATION", `No job engine is running to take the ${queue} job`);
  }
  const data = parseInput(JOB_QUEUES[queue].payload, payload, `${queue} job`);
  return engine.boss.send(queue, data, {
    ...options,
    db: jobDbForTransaction(db),
  });
}

/**
 * Writes many jobs of one queue in one statement (an invoice run's deliveries and webhooks), on
 * the same terms as enqueueJob: through the transaction, parsed, with the queue's retry policy.
 */
export async function enqueueJobs<Q extends QueueName>(
  db: Db | Prisma.TransactionClient,
  queue: Q,
  payloads: Array<JobPayload<Q>>,
): Promise<void> {
  if (payloads.length === 0) return;
  const engine = getJobEngine();
  if (!engine) {
    throw new AppError("CONFIGURATION", `No job engine is running to take the ${queue} jobs`);
  }
  const { options } = JOB_QUEUES[queue];
  await engine.boss.insert(
    payloads.map((payload) => ({
      name: queue,
      data: parseInput(JOB_QUEUES[queue].payload, payload, `${queue} job`) as object,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelay,
      retryBackoff: options.retryBackoff,
      expireInSeconds: options.expireInSeconds,
    })),
    { db: jobDbForTransaction(db) },
  );
}
