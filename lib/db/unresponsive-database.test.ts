import { createServer, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, POSTGRES_TIMEOUTS } from "@/lib/db/database";
import { PrismaClient } from "@/lib/db/generated/client";
import { databaseAnswers, HEALTH_TIMEOUT_MS } from "@/lib/db/health";
import { isAppError } from "@/lib/errors/app-error";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * A PostgreSQL server that does not answer: it accepts the connection and then says nothing (a
 * hung server, a firewall that swallows packets after the handshake). Start-up must fail within
 * seconds naming DATABASE_URL, and the health check must answer 503 rather than hang with it.
 */
let silent: Server;
let port: number;
const held: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    held.push(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const since = (started: number) => performance.now() - started;

describe("a database that does not answer", () => {
  it("stops start-up within 15 s with a message naming DATABASE_URL, never its password", async () => {
    const started = performance.now();
    const error = await openDatabase({
      kind: "postgresql",
      url: `postgresql://nota:hemligt-l%C3%B6senord@127.0.0.1:${port}/nota`,
    }).then(
      () => new Error("expected the database not to open"),
      (caught: unknown) => caught,
    );
    const elapsed = since(started);
    expect(isAppError(error) && error.code).toBe("CONFIGURATION");
    const message = (error as Error).message;
    expect(message).toMatch(/^DATABASE_URL: no connection to PostgreSQL at 127\.0\.0\.1:\d+\/nota/);
    expect(message).not.toContain("hemligt");
    expect(elapsed).toBeGreaterThanOrEqual(POSTGRES_TIMEOUTS.connectMs - 100);
    expect(elapsed).toBeLessThan(15_000);
  }, 20_000);

  it("says the same at once when nothing listens at all", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await openDatabase({
      kind: "postgresql",
      url: `postgresql://nota@127.0.0.1:${freePort}/nota`,
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^DATABASE_URL: .*ECONNREFUSED/);
  });

  it("makes the health check answer within 2 s that the database is unavailable", async () => {
    // The real driver and Prisma, pointed at the silent server: every query waits for an answer.
    const pool = new pg.Pool({
      connectionString: `postgresql://nota@127.0.0.1:${port}/nota`,
      connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    });
    pool.on("error", () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const hanging = { kind: "postgresql", prisma } as unknown as Database;
    try {
      const started = performance.now();
      const answer = await databaseAnswers(async () => hanging);
      expect(answer.ok).toBe(false);
      expect(since(started)).toBeGreaterThanOrEqual(HEALTH_TIMEOUT_MS - 50);
      expect(since(started)).toBeLessThan(2_000);
      // A database that never even opens is the same.
      const never = await databaseAnswers(() => new Promise<Database>(() => {}), 100);
      expect(never.ok).toBe(false);
    } finally {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
    }
  }, 20_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)("a PostgreSQL session", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("has statement and idle-in-transaction timeouts", async () => {
    const [statement] = await db.prisma.$queryRaw<
      Array<{ statement_timeout: string }>
    >`SHOW statement_timeout`;
    const [idle] = await db.prisma.$queryRaw<
      Array<{ idle_in_transaction_session_timeout: string }>
    >`SHOW idle_in_transaction_session_timeout`;
    expect(statement!.statement_timeout).toBe(`${POSTGRES_TIMEOUTS.statementMs / 1000}s`);
    expect(idle!.idle_in_transaction_session_timeout).toBe(
      `${POSTGRES_TIMEOUTS.idleInTransactionMs / 60_000}min`,
    );
    expect((await databaseAnswers(async () => db)).ok).toBe(true);
  });
});
