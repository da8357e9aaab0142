import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { type Database, openDatabase } from "@/lib/db/database";
import { startJobEngine } from "@/lib/jobs/job-engine";
import { newWebhookMessageId } from "@/lib/webhooks/outbox";
import { generateWebhookSecret, verifyWebhook } from "@/lib/webhooks/signing";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { createTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";

/**
 * Killing a process in the middle of a job loses nothing: the job's run expires and another
 * process runs it again — an overdue run, and a webhook's try cut off while the receiver had it. On the embedded database (a data folder that the second process opens
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

/** A database the test and its worker processes share, and the workers' environment. */
async function crashWorld() {
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
  return { folder, signalFile, database, env, closeTestDatabase };
}

const schemaOf = (database: Database) =>
  "schema" in database ? (database.schema as string | undefined) : undefined;

describe(`a job whose process dies (${testDatabaseKind})`, () => {
  it("is run again by another process and done once", async () => {
    const { folder, signalFile, database, env, closeTestDatabase } = await crashWorld();
    // An invoice due long ago, and the job that will mark it overdue: a run expires after 2 s and
    // is tried again 1 s later (the queue itself waits longer).
    const { organizationId, customerId } = await createOrganizationWithCustomer(database.prisma);
    const invoice = await createIssuedInvoice(database.prisma, {
      organizationId,
      customerId,
      issueDate: parseCalendarDate("2020-01-01"),
      dueDate: parseCalendarDate("2020-01-31"),
    });
    const writer = await startJobEngine({ database, databaseSchema: schemaOf(database) });
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
    const reader = await startJobEngine({ database: check, databaseSchema: schemaOf(check) });
    const job = await reader.boss.getJobById("invoices.mark-overdue", jobId!, {
      includeArchive: true,
    });
    expect(job).toMatchObject({ state: "completed", retryCount: 1 });
    await reader.stop();
    if (testDatabaseKind === "pglite") await check.close();
    await closeTestDatabase();
  }, 120_000);

  it("a webhook's try cut off by a killed process is made again by another, signed the same, and recorded once", async () => {
    // The receiver holds the first request unanswered (the sender is killed while it waits) and
    // answers the next at once.
    const received: Array<{ id: string; timestamp: string; signature: string; body: string }> = [];
    let hold = true;
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({
          id: String(request.headers["webhook-id"]),
          timestamp: String(request.headers["webhook-timestamp"]),
          signature: String(request.headers["webhook-signature"]),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        if (!hold) response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;

    const { folder, database, env, closeTestDatabase } = await crashWorld();
    const { organizationId } = await createOrganizationWithCustomer(database.prisma);
    const secret = generateWebhookSecret();
    const endpoint = await database.prisma.webhookEndpoint.create({
      data: {
        organizationId,
        url: `http://127.0.0.1:${port}/hook`,
        events: ["webhook.test"],
        secret,
      },
    });
    const eventId = newWebhookMessageId();
    await database.prisma.webhookEvent.create({
      data: {
        id: eventId,
        organizationId,
        type: "webhook.test",
        payload: { type: "webhook.test", timestamp: new Date().toISOString(), data: { n: 1 } },
      },
    });
    const delivery = await database.prisma.webhookDelivery.create({
      data: { organizationId, eventId, endpointId: endpoint.id },
    });
    // The try's run expires 2 s after the process died, and is taken again 1 s later.
    const writer = await startJobEngine({ database, databaseSchema: schemaOf(database) });
    const jobId = await writer.boss.send(
      "webhooks.deliver",
      { organizationId, deliveryId: delivery.id },
      { expireInSeconds: 2, retryDelay: 1, retryBackoff: false },
    );
    expect(jobId).toBeTruthy();
    await writer.stop();
    if (testDatabaseKind === "pglite") await database.close();

    const workerEnv = { ...env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" };
    const doomed = startWorker("work", workerEnv);
    await waitFor("the first try to reach the receiver", () =>
      received.length === 1 ? true : undefined,
    );
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    hold = false;

    const survivor = startWorker("work", workerEnv);
    await waitFor("the try to be made again", () => (received.length >= 2 ? true : undefined));
    survivor.kill("SIGTERM");
    await new Promise((resolve) => survivor.once("exit", resolve));
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));

    // The same event twice (the receiver deduplicates on webhook-id), each signed as the spec says.
    expect(received).toHaveLength(2);
    expect(received.map((request) => request.id)).toEqual([eventId, eventId]);
    expect(received[1]!.body).toBe(received[0]!.body);
    for (const request of received) expect(verifyWebhook(secret, request, request.body)).toBe(true);

    const check =
      testDatabaseKind === "pglite"
        ? await openDatabase({ kind: "pglite", dataDir: folder })
        : database;
    const row = await check.prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: delivery.id },
    });
    // The killed try was never recorded; the one that answered is, once.
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 204 });
    const reader = await startJobEngine({ database: check, databaseSchema: schemaOf(check) });
    const job = await reader.boss.getJobById("webhooks.deliver", jobId!, { includeArchive: true });
    expect(job).toMatchObject({ state: "completed", retryCount: 1 });
    await reader.stop();
    if (testDatabaseKind === "pglite") await check.close();
    await closeTestDatabase();
  }, 120_000);
});
