import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseBusy, isUniqueViolation } from "@/lib/db/db-errors";
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

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => {
      throw new Error("expected the database to refuse");
    },
    (error: unknown) => error,
  );
}

describe(`database errors by meaning (${testDatabaseKind})`, () => {
  it("knows a unique violation from a model query, a raw query and plain SQL", async () => {
    await db.prisma.rateLimitBucket.create({ data: { key: "k", count: 1, resetAt: new Date() } });
    const model = await failureOf(() =>
      db.prisma.rateLimitBucket.create({ data: { key: "k", count: 1, resetAt: new Date() } }),
    );
    const raw = await failureOf(() =>
      db.prisma.$queryRawUnsafe(
        `INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES ('k', 1, now())`,
      ),
    );
    const plain = await failureOf(() =>
      db.withSql((sql) =>
        sql.query(
          `INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES ('k', 1, now())`,
        ),
      ),
    );
    for (const error of [model, raw, plain]) {
      expect(isUniqueViolation(error)).toBe(true);
      expect(isDatabaseBusy(error)).toBe(false);
    }
  });

  it("knows a transaction that ran out of time as busy, and other failures as neither", async () => {
    const expired = await failureOf(() =>
      db.prisma.$transaction(async () => new Promise((resolve) => setTimeout(resolve, 300)), {
        timeout: 100,
      }),
    );
    expect(isDatabaseBusy(expired)).toBe(true);
    const missing = await failureOf(() => db.prisma.$queryRawUnsafe(`SELECT * FROM "NoSuchTable"`));
    expect(isDatabaseBusy(missing)).toBe(false);
    expect(isUniqueViolation(missing)).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key"))).toBe(false);
  });

  it.skipIf(testDatabaseKind !== "postgresql")(
    "knows a statement timeout as busy (PostgreSQL)",
    async () => {
      const timedOut = await failureOf(() =>
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 50");
          await tx.$queryRawUnsafe("SELECT pg_sleep(1)");
        }),
      );
      expect(isDatabaseBusy(timedOut)).toBe(true);
    },
  );
});
