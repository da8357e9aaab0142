import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, getJobEngine, type JobEngine, startJobEngine } from "@/lib/jobs/job-engine";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const VIEW = {
  organizationId: "11111111-1111-4111-8111-111111111111",
  deviceClass: "MOBILE" as const,
  visitorHash: "v",
  viewedAt: "2026-12-01T10:00:00.000Z",
};

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function engineWith(
  handlers: Parameters<typeof startJobEngine>[0]["handlers"],
): Promise<JobEngine> {
  return startJobEngine({
    database: db,
    databaseSchema: db.schema,
    handlers,
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
}

describe(`the job engine (${testDatabaseKind})`, () => {
  it("writes a job in the domain's transaction: it exists if and only if the change commits", async () => {
    const ran: string[] = [];
    const engine = await engineWith({
      "invoices.record-view": async (view) => {
        ran.push(view.invoiceId);
      },
    });
    const committed = "22222222-2222-4222-8222-222222222222";
    const rolledBack = "33333333-3333-4333-8333-333333333333";
    await db.prisma.$transaction(async (tx) => {
      await enqueueJob(tx, "invoices.record-view", { ...VIEW, invoiceId: committed });
    });
    await db.prisma
      .$transaction(async (tx) => {
        await enqueueJob(tx, "invoices.record-view", { ...VIEW, invoiceId: rolledBack });
        throw new Error("the change fails");
      })
      .catch(() => {});
    await until(async () => ran.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ran).toEqual([committed]);
    await engine.stop();
  });

  it("refuses a job whose payload does not fit its queue, before it is written", async () => {
    await expect(
      enqueueJob(db.prisma, "invoices.record-view", { ...VIEW, invoiceId: "not-an-id" }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("retries a failing job and records each failure on it", async () => {
    let tries = 0;
    const engine = await engineWith({
      "invoices.mark-overdue": async () => {
        tries += 1;
        if (tries < 3) throw new Error(`busy, try ${tries}`);
        return { marked: 0 };
      },
    });
    const id = await engine.boss.send(
      "invoices.mark-overdue",
      {},
      { retryDelay: 0, retryBackoff: false },
    );
    await until(
      async () =>
        (await engine.boss.getJobById("invoices.mark-overdue", id!))?.state === "completed",
    );
    const job = await engine.boss.getJobById("invoices.mark-overdue", id!);
    expect(job).toMatchObject({ state: "completed", retryCount: 2 });
    expect(tries).toBe(3);
    await engine.stop();
  });

  it("drains on stop: a running job finishes before the engine lets go", async () => {
    let finished = false;
    let started = false;
    const engine = await engineWith({
      "invoices.mark-overdue": async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 800));
        finished = true;
        return { marked: 0 };
      },
    });
    const id = await engine.boss.send("invoices.mark-overdue", {});
    await until(async () => started);
    await engine.stop();
    expect(finished).toBe(true);
    expect(getJobEngine()).not.toBe(engine);
    // Another engine (the next process) sees it done, not left half-run.
    const next = await engineWith({});
    expect((await next.boss.getJobById("invoices.mark-overdue", id!))?.state).toBe("completed");
    await next.stop();
  });
});
