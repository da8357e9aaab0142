import { type Database, type Db, openDatabase } from "@/lib/db/database";
import { getEnv } from "@/lib/env";

/**
 * The process's one database. server.ts and Next's server bundle load this module separately, so
 * the instance lives on globalThis: a second PGlite on the same directory would corrupt it.
 */
const holderKey = Symbol.for("nota.database");
type Holder = { [holderKey]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[holderKey]) {
    const env = getEnv();
    holder[holderKey] = env.DATABASE_URL
      ? openDatabase({
          kind: "postgresql",
          url: env.DATABASE_URL,
          preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== "off",
        })
      : openDatabase({ kind: "pglite", dataDir: env.DATA_DIR });
    // A failed open must not be cached: the next caller gets the error again, not a dead promise.
    holder[holderKey].catch(() => {
      delete holder[holderKey];
    });
  }
  return holder[holderKey];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[holderKey];
  delete holder[holderKey];
  if (pending) await (await pending).close();
}

/** Installs an already opened database as the process's one (tests, scripts). */
export function setDatabase(database: Database): void {
  (globalThis as Holder)[holderKey] = Promise.resolve(database);
}
