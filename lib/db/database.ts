import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/db/generated/client";
import { type JobDb, jobDbForPglite, jobDbForPool } from "@/lib/db/job-db";
import { type MigrationReport, migrate } from "@/lib/db/migrate";
import { countQueries, queryLogOption } from "@/lib/db/query-count";
import { pgConnection, pgliteConnection, type SqlConnection } from "@/lib/db/sql-session";
import { statementName } from "@/lib/db/statement-names";
import { AppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgresql";
  migration: MigrationReport | null;
  /** Raw SQL outside Prisma (schema checks, maintenance). */
  withSql<T>(fn: (sql: SqlConnection) => Promise<T>): Promise<T>;
  /** The job engine's connection (pg-boss's `db` option), on the same database. */
  jobDb: JobDb;
  close(): Promise<void>;
}

export type OpenDatabaseOptions =
  | { kind: "pglite"; dataDir?: string; pglite?: PGlite; migrate?: boolean }
  | {
      kind: "postgresql";
      url: string;
      migrate?: boolean;
      /** Named (prepared) statements, parsed and planned once per connection (default on). */
      preparedStatements?: boolean;
    };

/**
 * Splits Prisma's `?schema=` convention off a PostgreSQL URL: pg does not know it, so the schema
 * becomes the connection's search_path and the Prisma adapter's schema.
 */
export function parsePostgresUrl(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new AppError(
      "CONFIGURATION",
      `DATABASE_URL: schema "${schema}" is not a plain identifier`,
    );
  }
  return { connectionString: parsed.toString(), schema };
}

/**
 * How long PostgreSQL may take: to answer a connection (start-up then fails within seconds,
 * naming DATABASE_URL), to run one statement of a request, and to sit idle inside a transaction
 * (a stuck client must not hold row locks for ever). Migrations have no statement limit.
 */
const log = createLogger("database");

export const POSTGRES_TIMEOUTS = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
} as const;

function pgClientConfig(url: string): pg.ClientConfig {
  const { connectionString, schema } = parsePostgresUrl(url);
  return {
    connectionString,
    options: schema ? `-c search_path=${schema}` : undefined,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS.idleInTransactionMs,
  };
}

/** Where a DATABASE_URL points, without its password: for messages. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the configured server";
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.kind === "pglite" ? openPglite(options) : openPostgres(options);
}

async function openPostgres(options: {
  url: string;
  migrate?: boolean;
  preparedStatements?: boolean;
}): Promise<Database> {
  const config = pgClientConfig(options.url);
  const { schema } = parsePostgresUrl(options.url);
  let migration: MigrationReport | null = null;
  const withSql = async <T>(fn: (sql: SqlConnection) => Promise<T>) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      return await fn(pgConnection(client));
    } finally {
      await client.end();
    }
  };
  // One connection first, so a database that does not answer stops start-up within seconds with
  // a message naming the setting, instead of hanging or failing the first request.
  try {
    // A server that accepts the connection and then says nothing is as dead as one that refuses.
    const probe = new pg.Client({ ...config, query_timeout: POSTGRES_TIMEOUTS.connectMs });
    try {
      await probe.connect();
      await probe.query("SELECT 1");
    } finally {
      await probe.end().catch(() => {});
    }
  } catch (error) {
    throw new AppError(
      "CONFIGURATION",
      `DATABASE_URL: no connection to PostgreSQL at ${describeTarget(options.url)} within ${POSTGRES_TIMEOUTS.connectMs / 1000} s (${safeReason(error, options.url)}). Check that it is running and reachable, and the URL's host, port, user and password.`,
    );
  }
  if (options.migrate !== false) {
    migration = await withSql((sql) => migrate(sql));
  }
  const pool = new pg.Pool({
    ...config,
    max: 10,
    statement_timeout: POSTGRES_TIMEOUTS.statementMs,
    // The client's own limit a little beyond the server's: a server that stops answering
    // altogether (statement_timeout never fires) cannot hold a pooled connection for ever.
    query_timeout: POSTGRES_TIMEOUTS.statementMs + 5_000,
  });
  // An idle pooled connection that breaks (the server restarted) must not crash the process.
  pool.on("error", (error) => log.warn("an idle database connection failed", { error }));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, {
      ...(schema ? { schema } : {}),
      ...(options.preparedStatements === false ? {} : { statementNameGenerator: statementName }),
    }),
    ...queryLogOption(),
  });
  countQueries(prisma);
  return {
    prisma,
    kind: "postgresql",
    migration,
    withSql,
    jobDb: jobDbForPool(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/** The driver's reason, never carrying the URL's password. */
function safeReason(error: unknown, url: string): string {
  let reason = error instanceof Error ? error.message : String(error);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) reason = reason.split(password).join("***");
  } catch {}
  return reason.slice(0, 200);
}

/**
 * PGlite is a single-process database: two processes writing one data directory would corrupt it,
 * so the directory is claimed with a pid file and a second process is refused in plain words.
 */
function claimDataDir(dir: string): () => void {
  const lockFile = path.join(dir, "nota.pid");
  try {
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new AppError(
        "CONFIGURATION",
        `DATA_DIR ${dir} is in use by another Nota process (pid ${holder}). The embedded database ` +
          "serves one process; stop that one, choose another DATA_DIR, or set DATABASE_URL to run several.",
      );
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function openPglite(options: {
  dataDir?: string;
  pglite?: PGlite;
  migrate?: boolean;
}): Promise<Database> {
  let release = () => {};
  let pglite = options.pglite;
  if (!pglite) {
    const dir = path.resolve(options.dataDir ?? "./data", "pglite");
    mkdirSync(dir, { recursive: true });
    release = claimDataDir(path.dirname(dir));
    pglite = new PGlite(dir);
  }
  await pglite.waitReady;
  const connection = pgliteConnection(pglite);
  const migration = options.migrate === false ? null : await migrate(connection);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), ...queryLogOption() });
  countQueries(prisma);
  const instance = pglite;
  return {
    prisma,
    kind: "pglite",
    migration,
    withSql: (fn) => fn(connection),
    jobDb: jobDbForPglite(instance),
    async close() {
      await prisma.$disconnect();
      if (!instance.closed) await instance.close();
      release();
    },
  };
}
