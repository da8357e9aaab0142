import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "@/lib/job-handlers/job-handlers";
import { getJobEngine } from "@/lib/jobs/job-engine";
import { requestReceivablesRefresh } from "@/lib/jobs/receivables-refresh";
import { createReceivablesStory } from "@/tests/helpers/receivables-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** The organisations with a refresh waiting (pg-boss's job rows, as /admin/jobs reads them). */
async function waitingRefreshes(): Promise<string[]> {
  const { schema } = getJobEngine()!;
  const rows = await database.prisma.$queryRawUnsafe<Array<{ organizationId: string }>>(
    `SELECT data->>'organizationId' AS "organizationId" FROM "${schema}".job
      WHERE name = 'receivables.refresh' AND state = 'created' ORDER BY 1`,
  );
  return rows.map((row) => row.organizationId);
}

describe("the receivables refresh job", () => {
  it("is asked for once per organisation while one waits", async () => {
    const { organizationId } = await createReceivablesStory(database.prisma);
    expect(await requestReceivablesRefresh(database.prisma, organizationId)).not.toBeNull();
    expect(await requestReceivablesRefresh(database.prisma, organizationId)).toBeNull();
    expect(await waitingRefreshes()).toEqual([organizationId]);
  });

  it("each morning asks for one refresh per organisation, and for one recomputes its figures", async () => {
    const handlers = jobHandlers(async () => database.prisma);
    const organizations = await database.prisma.organization.count();
    expect(await handlers["receivables.refresh"]({})).toEqual({ organizations });
    expect((await waitingRefreshes()).length).toBe(organizations);
    const { organizationId } = await createReceivablesStory(database.prisma);
    const summary = await handlers["receivables.refresh"]({ organizationId, full: true });
    expect(summary).toMatchObject({ full: true, segments: 3 });
    expect(
      await database.prisma.receivablesDaily.count({ where: { organizationId } }),
    ).toBeGreaterThan(0);
  });
});
