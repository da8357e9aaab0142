import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobEngine, startJobEngine } from "@/lib/jobs/job-engine";
import { listTroubledJobs, loadQueueStatus, retryFailedJob } from "@/lib/jobs/job-status";
import { expectAppError } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

let db: TestDatabase;
let engine: JobEngine;
const runs: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  engine = await startJobEngine({
    database: db,
    databaseSchema: db.schema,
    schedule: false,
    pollingIntervalSeconds: 0.5,
    handlers: {
      "chat.reply-email": async ({ organizationId }) => {
        runs.push(organizationId);
        throw new Error("SMTP said 451: try later");
      },
    },
  });
});
afterAll(async () => {
  await engine?.stop();
  await db?.close();
});

const ours = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const theirs = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const messageId = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

async function failedJob(organizationId: string) {
  const id = (await engine.boss.send(
    "chat.reply-email",
    { organizationId, messageId },
    { retryLimit: 0 },
  ))!;
  const end = Date.now() + 15_000;
  while ((await engine.boss.getJobById("chat.reply-email", id))?.state !== "failed") {
    if (Date.now() > end) throw new Error("the job did not fail");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return id;
}

describe(`what an admin sees of the jobs (${testDatabaseKind})`, () => {
  it("shows their organisation's failed jobs with the error, never another's, and retries only theirs", async () => {
    const mine = await failedJob(ours);
    const other = await failedJob(theirs);

    const troubled = await listTroubledJobs(engine, ours);
    expect(troubled.map((job) => job.id)).toEqual([mine]);
    expect(troubled[0]).toMatchObject({
      queue: "chat.reply-email",
      state: "failed",
      attempts: 1,
      organizationId: ours,
    });
    expect(troubled[0]!.lastError).toContain("SMTP said 451");
    const status = await loadQueueStatus(engine, ours);
    expect(status.find((queue) => queue.queue === "chat.reply-email")).toMatchObject({ failed: 1 });

    await expectAppError(
      retryFailedJob(engine, ours, { queue: "chat.reply-email", jobId: other }),
      "NOT_FOUND",
    );
    expect(runs.filter((run) => run === ours)).toHaveLength(1);
    await retryFailedJob(engine, ours, { queue: "chat.reply-email", jobId: mine });
    // Run again (and, the mail server still refusing, failed again).
    const end = Date.now() + 15_000;
    while (runs.filter((run) => run === ours).length < 2) {
      if (Date.now() > end) throw new Error("the retried job did not run");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(runs.filter((run) => run === theirs)).toHaveLength(1);
    expect((await engine.boss.getJobById("chat.reply-email", other))?.state).toBe("failed");
  });
});
