import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { jobDbForPglite } from "@/lib/db/job-db";
import { migrate, migrationChecksum, readMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-session";
import { jobSchemaFor } from "@/lib/jobs/job-engine";

const PG_BOSS_VERSION = JSON.parse(
  readFileSync(path.resolve("node_modules/pg-boss/package.json"), "utf8"),
).version as string;

/**
 * A fresh PGlite costs ~2 s and a lot of memory to initialise, so it is done once per set of
 * migrations: the migrated data directory is dumped to a tarball that every test file loads.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const migrations = await readMigrations();
  // The job engine's own schema is installed too (its version is part of the key).
  const key = migrationChecksum(
    [...migrations.map((m) => m.checksum), `pg-boss@${PG_BOSS_VERSION}`].join(":"),
  ).slice(0, 16);
  const dir = path.join(os.tmpdir(), "nota-test-templates");
  const file = path.join(dir, `pglite-${key}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const db = new PGlite();
  await migrate(pgliteConnection(db), { migrations });
  const boss = new PgBoss({ db: jobDbForPglite(db), schema: jobSchemaFor(undefined) });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  const dump = await db.dumpDataDir("none");
  await db.close();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  renameSync(temporary, file);
  return file;
}

export function loadTemplate(file: string): Blob {
  return new Blob([readFileSync(file)]);
}
