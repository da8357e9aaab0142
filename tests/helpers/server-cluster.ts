import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect as connectTcp, createServer } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import type { StaffRole } from "@/lib/db/generated/client";

/**
 * Real server.ts processes (and a private Redis) for the scale-out test and the realtime bench.
 * Everything started here is stopped by its own PID, never by name: other processes share the
 * machine, including the machine's own Redis on 6379.
 */

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function startServerProcess(
  env: Record<string, string>,
  /** Options for node itself (e.g. --cpu-prof, which NODE_OPTIONS may not carry). */
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const output: string[] = [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      DEMO_PAYMENTS: "off",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    port,
    url,
    child,
    output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  let done = false;
  void exited.then(() => {
    done = true;
  });
  for (let attempt = 0; attempt < 240 && !done; attempt++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`server.ts on port ${port} did not become healthy:\n${output.join("")}`);
}

/** Resident memory of a process in KiB, from /proc (Linux). */
export function residentKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

/** The staff session cookie next-auth sets after sign-in (see auth-options' jwt callback). */
export async function staffSessionCookie(
  staff: { id: string; role: StaffRole; organizationId: string },
  secret: string,
): Promise<string> {
  const token = { staffId: staff.id, role: staff.role, organizationId: staff.organizationId };
  return `next-auth.session-token=${await encode({ token, secret })}`;
}

/** A customer's socket on one process, as the invoice page opens it (websocket only). */
export function connectCustomerTo(server: { url: string }, invoiceToken: string) {
  return opened(
    connect(server.url, {
      auth: { invoiceToken, invoiceNumber: null },
      transports: ["websocket"],
      reconnection: false,
    }),
  );
}

export function connectStaffTo(server: { url: string }, cookie: string) {
  return opened(
    connect(server.url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie },
    }),
  );
}

function opened(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/**
 * An agent's live change through the HTTP API (app/api/agent/invoices/[id]/changes), as the
 * console sends it: session cookie and the site's own Origin (state-changing staff requests).
 */
export async function postAgentChange(
  server: { url: string },
  cookie: string,
  invoiceId: string,
  change: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/agent/invoices/${invoiceId}/changes`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify(change),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const newAuthSecret = () => randomBytes(32).toString("hex");

/** A scratch schema on a PostgreSQL server: its URL (with ?schema=) and a way to drop it. */
export async function createScratchSchema(baseUrl: string, prefix: string) {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  return {
    schema,
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await cleanup.end();
    },
  };
}

/**
 * A Redis of our own on a free port, so stopping it never touches the machine's shared one.
 * No persistence: a restart starts empty, the harshest case for the socket.io adapter.
 */
export async function startPrivateRedis(binary = "/usr/bin/redis-server") {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      binary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await answersPing(port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  // SIGKILL, as a crash or a lost host would: no goodbye to the clients connected to it.
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, start, stop };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(String(data).startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
