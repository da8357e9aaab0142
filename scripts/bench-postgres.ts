import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "@/lib/db/database";
import { type JobEngine, startJobEngine } from "@/lib/jobs/job-engine";

/**
 * What the PostgreSQL benchmarks share: the server they measure on (DATABASE_URL /
 * TEST_DATABASE_URL, default the machine's `test` database), a scratch schema of their own with
 * the product's migrations and a job engine, dropped after unless BENCH_KEEP=1, and one JSON line
 * per figure.
 */
export const benchBaseUrl =
  process.env.DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/test";

export const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
export const print = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchBaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work` on a fresh, migrated scratch schema (and its job engine), then drops it. */
export async function withScratchSchema(
  prefix: string,
  work: (scratch: { schema: string; database: Database; engine: JobEngine }) => Promise<void>,
): Promise<void> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE SCHEMA "${schema}"`);
  const url = new URL(benchBaseUrl);
  url.searchParams.set("schema", schema);
  const database = await openDatabase({ kind: "postgresql", url: url.toString() });
  const engine = await startJobEngine({ database, databaseSchema: schema });
  try {
    await work({ schema, database, engine });
  } finally {
    await engine.stop();
    await database.close();
    if (!process.env.BENCH_KEEP) {
      await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
      await adminQuery(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`).catch(() => {});
    } else {
      console.error(`kept schema ${schema}`);
    }
  }
}
