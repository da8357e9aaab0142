import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The real server.ts as a separate process: configuration errors, health, and a clean SIGTERM.
 * Needs the production build (npm test builds before this stage); with TEST_DATABASE_URL and
 * TEST_REDIS_URL set it runs on PostgreSQL + Redis, as the CI's second pass does.
 */
const hasBuild = existsSync(path.resolve(".next", "BUILD_ID"));
const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups) await cleanup();
});

function startServer(env: Record<string, string>) {
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitForHealth(port: number, exited: Promise<number | null>) {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  for (let attempt = 0; attempt < 120 && !done; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return (await response.json()) as Record<string, string>;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy");
}

const freePort = () => 40_000 + Math.floor(Math.random() * 20_000);

describe("server.ts as a process", () => {
  it("refuses to start on a bad setting, naming the variable and what it expects", async () => {
    const { output, exited } = startServer({ PORT: "not-a-port" });
    expect(await exited).toBe(1);
    const text = output.join("");
    expect(text).toContain("PORT");
    expect(text).toContain("expected a port number");
  });

  it("refuses a DATABASE_URL that is not PostgreSQL without echoing it", async () => {
    const { output, exited } = startServer({ DATABASE_URL: "mysql://user:hunter2@db/nota" });
    expect(await exited).toBe(1);
    const text = output.join("");
    expect(text).toContain("DATABASE_URL");
    expect(text).not.toContain("hunter2");
  });

  it.skipIf(!hasBuild)(
    "serves health on the embedded database and stops cleanly on SIGTERM",
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-server-"));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const port = freePort();
      const { child, exited, output } = startServer({ PORT: String(port), DATA_DIR: dataDir });
      const health = await waitForHealth(port, exited);
      expect(health).toMatchObject({ status: "ok", database: "pglite", realtime: "local" });
      expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(existsSync(path.join(dataDir, "nota.pid"))).toBe(true);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output.join("")).toContain("SIGTERM: shutting down");
      // The data directory is released for the next process.
      expect(existsSync(path.join(dataDir, "nota.pid"))).toBe(false);
    },
    90_000,
  );

  it.skipIf(!hasBuild || !databaseUrl || !redisUrl)(
    "runs on PostgreSQL + Redis and stops cleanly on SIGTERM",
    async () => {
      const schema = `nota_server_${randomBytes(4).toString("hex")}`;
      const url = new URL(databaseUrl!);
      url.searchParams.set("schema", schema);
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      });
      const port = freePort();
      const { child, exited } = startServer({
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl!,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      });
      const health = await waitForHealth(port, exited);
      expect(health).toMatchObject({ status: "ok", database: "postgresql", realtime: "redis" });
      const tables = await admin.query(
        `SELECT count(*)::int AS n FROM "${schema}"."_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(tables.rows[0].n).toBeGreaterThan(0);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
    90_000,
  );
});
