import { writeFileSync } from "node:fs";
import { openDatabase } from "@/lib/db/database";
import { jobHandlers } from "@/lib/job-handlers/job-handlers";
import { startJobEngine } from "@/lib/jobs/job-engine";

/**
 * A process that runs jobs, for the crash test (tests/integration/job-crash.test.ts):
 * MODE=hang takes the overdue job and never finishes it (it is killed there); MODE=work runs the
 * real handlers and reports each finished job. The database is the test's (a PGlite data folder
 * or a PostgreSQL schema), the signal a file beside it. SIGTERM stops it the way it stops the
 * server: running jobs finish and are recorded first.
 */
const mode = process.env.MODE;
const signalFile = process.env.SIGNAL_FILE!;
const url = process.env.TEST_JOB_DATABASE_URL;
const database = url
  ? await openDatabase({ kind: "postgresql", url })
  : await openDatabase({ kind: "pglite", dataDir: process.env.TEST_JOB_DATA_DIR! });
const real = jobHandlers(async () => database.prisma);
const engine = await startJobEngine({
  database,
  databaseSchema: url ? (new URL(url).searchParams.get("schema") ?? undefined) : undefined,
  schedule: false,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  handlers: {
    ...real,
    "invoices.mark-overdue": async (payload) => {
      if (mode === "hang") {
        writeFileSync(signalFile, "started");
        await new Promise(() => {});
      }
      const result = await real["invoices.mark-overdue"](payload);
      writeFileSync(signalFile, JSON.stringify({ done: result }));
      return result;
    },
  },
});
// Stopped as the server stops: the engine drains (a finished job is marked completed before the
// process ends), then the database is closed.
process.once("SIGTERM", async () => {
  await engine.stop();
  await database.close();
  process.exit(0);
});
writeFileSync(`${signalFile}.ready`, "ready");
