import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * pg-boss talks to the database through `{ executeSql(text, values) }` (its `db` option), so one
 * job engine serves PostgreSQL and the embedded PGlite alike, and a job can be written inside a
 * domain transaction through that transaction's own connection: it exists only if the change
 * commits.
 */
export type JobDb = PgBoss.Db;

export function jobDbForPool(pool: pg.Pool): JobDb {
  return {
    async executeSql(text, values) {
      const result = await pool.query(text, values ?? []);
      return { rows: result.rows };
    },
  };
}

export function jobDbForPglite(pglite: PGlite): JobDb {
  return {
    async executeSql(text, values) {
      // pg-boss sends its multi-statement scripts (schema, locked maintenance) without values;
      // PGlite's query() takes one statement, exec() a script and answers per statement.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    },
  };
}

/** A domain transaction as pg-boss's connection: jobs written here commit or vanish with it. */
export function jobDbForTransaction(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">): JobDb {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? []));
      return { rows };
    },
  };
}
