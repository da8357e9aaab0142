import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_MIGRATIONS_DIR,
  type MigrationFile,
  migrate,
  migrationChecksum,
  readMigrations,
} from "@/lib/db/migrate";
import { pgConnection, pgliteConnection, type SqlConnection } from "@/lib/db/sql-session";
import { AppError } from "@/lib/errors/app-error";

/**
 * The migration runner against blank databases: on PGlite a private schema in one in-memory
 * instance per file (a fresh PGlite costs ~3 s), on PostgreSQL (TEST_DATABASE_URL) a private
 * schema per test, dropped afterwards.
 */

const baseUrl = process.env.TEST_DATABASE_URL;
let pglite: PGlite | undefined;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  if (!baseUrl) pglite = await PGlite.create();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await pglite?.close();
});

async function pgClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: baseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

/** A connection to an empty schema of its own. */
async function blankDatabase(): Promise<SqlConnection> {
  const schema = `nota_migrate_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (pglite) {
    await pglite.exec(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
    return pgliteConnection(pglite);
  }
  const admin = await pgClient("public");
  await admin.query(`CREATE SCHEMA "${schema}"`);
  cleanups.push(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  return pgConnection(await pgClient(schema));
}

function fakeMigration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: migrationChecksum(sql) };
}

async function tablesIn(sql: SqlConnection): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

async function recordedNames(sql: SqlConnection): Promise<string[]> {
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

async function migrationError(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => new Error("expected the migration run to fail"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("MIGRATION");
  return error as AppError;
}

const first = fakeMigration(
  "20260101000000_first",
  `CREATE TABLE "First" ("id" INTEGER PRIMARY KEY);`,
);
const second = fakeMigration(
  "20260102000000_second",
  `CREATE TABLE "Second" ("id" INTEGER PRIMARY KEY);`,
);

describe(`migrate (${baseUrl ? "postgresql" : "pglite"})`, () => {
  it("applies every migration to an empty database and records it as prisma migrate deploy does", async () => {
    const sql = await blankDatabase();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const report = await migrate(sql, { migrations });

    expect(report).toEqual({
      applied: migrations.map((m) => m.name),
      alreadyApplied: [],
      unknownInDatabase: [],
    });
    expect(await tablesIn(sql)).toEqual(
      expect.arrayContaining(["Invoice", "LedgerEntry", "_prisma_migrations"]),
    );
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT * FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows).toHaveLength(migrations.length);
    for (const [index, row] of rows.entries()) {
      const name = migrations[index]?.name ?? "";
      const file = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql"));
      expect(row).toEqual({
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        checksum: createHash("sha256").update(file).digest("hex"),
        migration_name: name,
        started_at: expect.any(Date),
        finished_at: expect.any(Date),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect((row.finished_at as Date).getTime()).toBeGreaterThanOrEqual(
        (row.started_at as Date).getTime(),
      );
    }
  });

  it("applies nothing when run again", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [first, second] });
    const before = await sql.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    const report = await migrate(sql, { migrations: [first, second] });

    expect(report).toEqual({
      applied: [],
      alreadyApplied: [first.name, second.name],
      unknownInDatabase: [],
    });
    expect(await sql.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).toEqual(
      before,
    );
  });

  it("applies only the new migration when one is added", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [first] });

    const report = await migrate(sql, { migrations: [first, second] });

    expect(report).toEqual({
      applied: [second.name],
      alreadyApplied: [first.name],
      unknownInDatabase: [],
    });
    expect(await tablesIn(sql)).toEqual(["First", "Second", "_prisma_migrations"]);
  });

  it("reports migrations recorded in the database but missing on disk", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [first, second] });

    const report = await migrate(sql, { migrations: [first] });

    expect(report).toEqual({
      applied: [],
      alreadyApplied: [first.name],
      unknownInDatabase: [second.name],
    });
  });

  it("refuses an applied migration whose SQL changed, and applies nothing after it", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [first] });
    const tampered = fakeMigration(
      first.name,
      `${first.sql}\nALTER TABLE "First" ADD COLUMN "x" TEXT;`,
    );

    const error = await migrationError(migrate(sql, { migrations: [tampered, second] }));

    expect(error.message).toContain(first.name);
    expect(error.message).toMatch(/changed after it was applied/);
    expect(await tablesIn(sql)).toEqual(["First", "_prisma_migrations"]);
    expect(await recordedNames(sql)).toEqual([first.name]);
  });

  it("rolls a failing migration back completely and names it", async () => {
    const sql = await blankDatabase();
    const broken = fakeMigration(
      "20260102000000_broken",
      `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);
       CREATE INDEX "Half_id_idx" ON "Half"("id");
       ALTER TABLE "Nowhere" ADD COLUMN "x" TEXT;`,
    );
    const later = fakeMigration("20260103000000_later", `CREATE TABLE "Later" ("id" INTEGER);`);

    const error = await migrationError(migrate(sql, { migrations: [first, broken, later] }));

    expect(error.message).toMatch(/Migration 20260102000000_broken failed and was rolled back/);
    expect(error.message).toMatch(/Nowhere/);
    // The migration before it stays applied; the broken one and everything after left no trace.
    expect(await tablesIn(sql)).toEqual(["First", "_prisma_migrations"]);
    expect(await recordedNames(sql)).toEqual([first.name]);

    const fixed = fakeMigration(broken.name, `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);`);
    const report = await migrate(sql, { migrations: [first, fixed, later] });
    expect(report.applied).toEqual([fixed.name, later.name]);
  });

  it("refuses a migration that another tool started but never finished", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [] });
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, now(), 0)`,
      [first.checksum, first.name],
    );

    const error = await migrationError(migrate(sql, { migrations: [first, second] }));

    expect(error.message).toContain(first.name);
    expect(error.message).toMatch(/started but never finished/);
    expect(await tablesIn(sql)).toEqual(["_prisma_migrations"]);
  });

  it("applies again a migration that was marked rolled back (prisma migrate resolve --rolled-back)", async () => {
    const sql = await blankDatabase();
    await migrate(sql, { migrations: [] });
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, rolled_back_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000002', 'old', $1, now() - interval '1 hour', now(), 0)`,
      [first.name],
    );

    const report = await migrate(sql, { migrations: [first] });

    expect(report.applied).toEqual([first.name]);
    expect(await tablesIn(sql)).toEqual(["First", "_prisma_migrations"]);
  });

  it.skipIf(!baseUrl)(
    "lets two runners race on one fresh schema and applies each migration once",
    async () => {
      const schema = `nota_migrate_race_${process.pid}_${randomBytes(4).toString("hex")}`;
      const admin = await pgClient("public");
      await admin.query(`CREATE SCHEMA "${schema}"`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      });
      const migrations = await readMigrations();
      const [a, b] = [pgConnection(await pgClient(schema)), pgConnection(await pgClient(schema))];

      const reports = await Promise.all([migrate(a, { migrations }), migrate(b, { migrations })]);

      const names = migrations.map((m) => m.name);
      expect(reports.map((r) => r.applied).sort()).toEqual([[], names].sort());
      expect(reports.map((r) => r.alreadyApplied).sort()).toEqual([[], names].sort());
      const rows = await a.query<{ migration_name: string; finished_at: Date | null }>(
        `SELECT migration_name, finished_at FROM "_prisma_migrations"`,
      );
      expect(rows.map((r) => r.migration_name).sort()).toEqual([...names].sort());
      expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    },
  );
});
