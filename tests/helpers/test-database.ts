import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "@/lib/db/database";
import { jobSchemaFor, startJobEngine } from "@/lib/jobs/job-engine";
import { loadTemplate } from "../setup/pglite-template";

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the migrated template, or,
 * when TEST_DATABASE_URL is set, a schema of its own on that PostgreSQL server (dropped afterwards)
 * so parallel runs never collide.
 */
export interface TestDatabase extends Database {
  /** The URL (with ?schema=) when on PostgreSQL, for tests that open more connections. */
  url?: string;
  schema?: string;
}

export const testDatabaseKind: "pglite" | "postgresql" = process.env.TEST_DATABASE_URL
  ? "postgresql"
  : "pglite";

/**
 * Each test database comes with a job engine that writes jobs (domain functions enqueue work in
 * their transactions) but runs none; a test that wants them run starts its own with handlers.
 */
async function withJobWriter(database: TestDatabase): Promise<TestDatabase> {
  const engine = await startJobEngine({ database, databaseSchema: database.schema });
  return {
    ...database,
    async close() {
      await engine.stop();
      await database.close();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const pglite = new PGlite({ loadDataDir: loadTemplate(inject("pgliteTemplate")) });
    return withJobWriter(await openDatabase({ kind: "pglite", pglite }));
  }
  const schema = `nota_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const database = await openDatabase({ kind: "postgresql", url: url.toString() });
  return withJobWriter({
    ...database,
    url: url.toString(),
    schema,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await cleanup.query(`DROP SCHEMA IF EXISTS "${jobSchemaFor(schema)}" CASCADE`);
      await cleanup.end();
    },
  });
}
