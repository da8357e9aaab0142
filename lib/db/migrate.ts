import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlConnection } from "@/lib/db/sql-session";
import { AppError } from "@/lib/errors/app-error";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (the Prisma CLI's schema engine
 * cannot be downloaded on our machines, but where it can, the usual commands see the same history).
 * Each migration runs in its own transaction, so a failing one leaves nothing behind.
 */

export const DEFAULT_MIGRATIONS_DIR = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "prisma",
  "migrations",
);

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
  /** Recorded in the database but missing here (a newer deploy ran against this database). */
  unknownInDatabase: string[];
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// Prisma's own definition of its bookkeeping table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

export async function migrate(
  connection: SqlConnection,
  options: { migrations?: MigrationFile[]; dir?: string } = {},
): Promise<MigrationReport> {
  const migrations = options.migrations ?? (await readMigrations(options.dir));
  return connection.withMigrationLock(async () => {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const report: MigrationReport = {
      applied: [],
      alreadyApplied: [],
      unknownInDatabase: rows
        .map((row) => row.migration_name)
        .filter((name) => !migrations.some((m) => m.name === name)),
    };

    for (const migration of migrations) {
      const row = recorded.get(migration.name);
      if (row && !row.finished_at) {
        throw new AppError(
          "MIGRATION",
          `Migration ${migration.name} was started but never finished (recorded by another tool). ` +
            "Repair the database by hand, then mark it rolled back in _prisma_migrations.",
        );
      }
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new AppError(
            "MIGRATION",
            `Migration ${migration.name} has been changed after it was applied to this database ` +
              `(checksum ${row.checksum.slice(0, 12)}… applied, ${migration.checksum.slice(0, 12)}… on disk). ` +
              "Restore the original migration.sql and put the change in a new migration.",
          );
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await connection.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        try {
          await tx.exec(migration.sql);
        } catch (error) {
          throw new AppError(
            "MIGRATION",
            `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          );
        }
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
      });
      report.applied.push(migration.name);
    }
    return report;
  });
}
