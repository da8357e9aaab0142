import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { sleep } from "./latency-stats";
import { roundTrips } from "./paced-senders";
import { residentKb, type ServerProcess } from "./server-cluster";

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Sockets one client process holds: well under the usual open-file limits. */
const SOCKETS_PER_WORKER = 4000;

interface LoopStats {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  memory: NodeJS.MemoryUsage;
}

/** The server's event-loop delay since the last reset (bench build's /bench/stats). */
async function loopStats(server: ServerProcess, reset = false): Promise<LoopStats> {
  // gc=1: memory as held after a full collection (the servers run with --expose-gc).
  const response = await fetch(`${server.url}/bench/stats?gc=1${reset ? "&reset=1" : ""}`);
  return (await response.json()) as LoopStats;
}

interface Worker {
  child: ChildProcess;
  answer: Promise<{ connected: number; failed: number; firstError: string | null }>;
}

/** A client process (idle-socket-worker.ts) holding `tokens.length` sockets to `url`. */
function startWorker(url: string, tokens: string[]): Worker {
  const child = fork(path.join(import.meta.dirname, "idle-socket-worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const answer = new Promise<Awaited<Worker["answer"]>>((resolve, reject) => {
    child.once("message", (message) => resolve(message as Awaited<Worker["answer"]>));
    child.once("exit", (code) => reject(new Error(`an idle-socket client exited (${code})`)));
  });
  child.send({ url, tokens });
  return { child, answer };
}

/**
 * Connects `perProcess` idle customer sockets to every process and reports each process's
 * resident memory (VmRSS) before and after, its event-loop delay p99 while it holds them, and its
 * resync round trip p99 before and after on a fresh connection (how promptly it still answers).
 * The sockets live in client processes of their own (SOCKETS_PER_WORKER each), so the bench is
 * never stopped by its own file limit; `close()` ends them.
 */
export async function measureIdleSockets(options: {
  servers: ServerProcess[];
  perProcess: number;
  /** The link the index-th socket of a process opens. */
  tokenFor: (index: number) => string;
  /** One socket for the responsiveness probe. */
  connect: (server: ServerProcess) => Promise<Socket>;
  /** How long to hold them idle while the loop delay is measured (ms). */
  holdMs?: number;
}) {
  const { servers, perProcess } = options;
  const responsiveness = async (server: ServerProcess) => {
    const probe = await options.connect(server);
    const p99 = (await roundTrips(probe, "chat:sync", { afterSeq: 1_000_000 }, 40)).p99;
    probe.disconnect();
    return p99;
  };
  const before: Array<{ rssKb: number; syncP99: number; heapUsed: number }> = [];
  for (const server of servers) {
    const syncP99 = await responsiveness(server);
    const { memory } = await loopStats(server);
    before.push({ rssKb: residentKb(server.child.pid!), syncP99, heapUsed: memory.heapUsed });
  }
  const started = performance.now();
  const workers: Worker[] = [];
  for (const server of servers) {
    for (let from = 0; from < perProcess; from += SOCKETS_PER_WORKER) {
      const count = Math.min(SOCKETS_PER_WORKER, perProcess - from);
      const tokens = Array.from({ length: count }, (_, i) => options.tokenFor(from + i));
      workers.push(startWorker(server.url, tokens));
    }
  }
  const close = async () => {
    await Promise.all(
      workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.send("close");
          }),
      ),
    );
  };
  const answers = await Promise.all(workers.map((worker) => worker.answer)).catch(async (error) => {
    await close();
    throw error;
  });
  const connected = answers.reduce((sum, a) => sum + a.connected, 0);
  const failed = answers.reduce((sum, a) => sum + a.failed, 0);
  const connectSeconds = (performance.now() - started) / 1000;
  // Let connection bursts (presence broadcasts, buffers) settle, then hold them idle.
  await sleep(5000);
  for (const server of servers) await loopStats(server, true);
  await sleep(options.holdMs ?? 10_000);
  const figures: Array<Record<string, unknown>> = [];
  for (const [index, server] of servers.entries()) {
    const loop = await loopStats(server);
    const rssKb = residentKb(server.child.pid!);
    figures.push({
      figure: `idle sockets, process ${String.fromCharCode(65 + index)}`,
      sockets: perProcess,
      rssBeforeMb: mb(before[index]!.rssKb),
      rssAfterMb: mb(rssKb),
      addedMb: mb(rssKb - before[index]!.rssKb),
      kbPerSocket: Math.round((rssKb - before[index]!.rssKb) / perProcess),
      // Of which the JavaScript heap in use (the rest: sockets' native buffers, heap not yet
      // returned, the allocator's own).
      heapUsedAddedMb: mb((loop.memory.heapUsed - before[index]!.heapUsed) / 1024),
      loopDelayP99Ms: loop.loopDelayP99Ms,
      loopDelayMaxMs: loop.loopDelayMaxMs,
      syncRoundTripP99Before: before[index]!.syncP99,
      syncRoundTripP99After: await responsiveness(server),
      connectsPerSecondBothProcesses: Math.round(connected / connectSeconds),
      failedToConnect: failed,
      ...(answers.find((a) => a.firstError)
        ? { firstError: answers.find((a) => a.firstError)!.firstError }
        : {}),
      goal: "10,000 idle adding ≤ 250 MB (≤ 25 KB each), loop delay p99 ≤ 50 ms",
    });
  }
  return { figures, close };
}
