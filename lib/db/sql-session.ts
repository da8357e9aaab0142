import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The little SQL surface the migration runner and schema checks need, over either PGlite or a
 * PostgreSQL connection, so they run before (and without) Prisma Client.
 */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script that may hold several statements. */
  exec(sql: string): Promise<void>;
}

export interface SqlConnection extends SqlSession {
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Serialises migration runs across processes (PostgreSQL advisory lock; PGlite is one process). */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
}

function pgliteSession(db: PGlite | Transaction): SqlSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    ...pgliteSession(db),
    transaction: (fn) => db.transaction((tx) => fn(pgliteSession(tx))),
    withMigrationLock: (fn) => fn(),
  };
}

// The same lock key `prisma migrate deploy` takes, so our runner and Prisma's never interleave.
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

export function pgConnection(client: pg.Client): SqlConnection {
  const session: SqlSession = {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
  return {
    ...session,
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const value = await fn(session);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async withMigrationLock(fn) {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]);
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]);
      }
    },
  };
}
