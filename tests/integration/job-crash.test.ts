import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { type Database, openDatabase } from "@/lib/db/database";
import { startJobEngine } from "@/lib/jobs/job-engine";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { createTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";

/**
 * Killing a process in the middle of a job loses nothing: the job's run expires and another
 * process runs it again. On the embedded database (a data folder that the second process opens
 * after the first died) and on PostgreSQL (a schema both processes share).
 */
const children: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function startWorker(mode: "hang" | "work", env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/job-crash-worker.ts"], {
    env: { ...process.env, MODE: mode, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return child;
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readSignal = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

describe(`a job whose process dies (${testDatabaseKind})`, () => {
  it("is run again by another process and done once", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "nota-job-crash-"));
    folders.push(folder);
    const signalFile = path.join(folder, "signal");
    let database: Database;
    let env: Record<string, string>;
    let closeTestDatabase: () => Promise<void> = async () => {};
    if (testDatabaseKind === "postgresql") {
      const test = await createTestDatabase();
      database = test;
      closeTestDatabase = () => test.close();
      env = { TEST_JOB_DATABASE_URL: test.url!, SIGNAL_FILE: signalFile };
    } else {
      database = await openDatabase({ kind: "pglite", dataDir: folder });
      env = { TEST_JOB_DATA_DIR: folder, SIGNAL_FILE: signalFile };
    }
    // An invoice due long ago, and the job that will mark it overdue: a run expires after 2 s and
    // is tried again 1 s later (the queue itself waits longer).
    const { organizationId, customerId } = await createOrganizationWithCustomer(database.prisma);
    const invoice = await createIssuedInvoice(database.prisma, {
      organizationId,
      customerId,
      issueDate: parseCalendarDate("2020-01-01"),
      dueDate: parseCalendarDate("2020-01-31"),
    });
    const writer = await startJobEngine({
      database,
      databaseSchema: "schema" in database ? (database.schema as string | undefined) : undefined,
    });
    const jobId = await writer.boss.send(
      "invoices.mark-overdue",
      {},
      { expireInSeconds: 2, retryDelay: 1, retryBackoff: false },
    );
    expect(jobId).toBeTruthy();
    await writer.stop();
    // The embedded database serves one process: this one lets go before the workers start.
    if (testDatabaseKind === "pglite") await database.close();

    const doomed = startWorker("hang", env);
    await waitFor("the first worker to take the job", () =>
      readSignal(signalFile) === "started" ? true : undefined,
    );
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));

    const survivor = startWorker("work", env);
    const done = await waitFor("the job to be run again", () => {
      const signal = readSignal(signalFile);
      return signal?.startsWith("{")
        ? (JSON.parse(signal) as { done: { marked: number } })
        : undefined;
    });
    expect(done.done.marked).toBe(1);
    survivor.kill("SIGTERM");
    await new Promise((resolve) => survivor.once("exit", resolve));

    const check =
      testDatabaseKind === "pglite"
        ? await openDatabase({ kind: "pglite", dataDir: folder })
        : database;
    const row = await check.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(row.status).toBe("OVERDUE");
    const events = await check.prisma.invoiceEvent.count({
      where: { invoiceId: invoice.id, type: "STATUS_CHANGED" },
    });
    expect(events).toBe(1);
    const reader = await startJobEngine({
      database: check,
      databaseSchema: "schema" in check ? (check.schema as string | undefined) : undefined,
    });
    const job = await reader.boss.getJobById("invoices.mark-overdue", jobId!, {
      includeArchive: true,
    });
    expect(job).toMatchObject({ state: "completed", retryCount: 1 });
    await reader.stop();
    if (testDatabaseKind === "pglite") await check.close();
    await closeTestDatabase();
  }, 120_000);
});
