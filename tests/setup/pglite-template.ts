import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate, migrationChecksum, readMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-session";

/**
 * A fresh PGlite costs ~2 s and a lot of memory to initialise, so it is done once per set of
 * migrations: the migrated data directory is dumped to a tarball that every test file loads.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const migrations = await readMigrations();
  const key = migrationChecksum(migrations.map((m) => m.checksum).join(":")).slice(0, 16);
  const dir = path.join(os.tmpdir(), "nota-test-templates");
  const file = path.join(dir, `pglite-${key}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const db = new PGlite();
  await migrate(pgliteConnection(db), { migrations });
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
