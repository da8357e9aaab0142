import type { Socket } from "socket.io-client";
import { eachLimited, sleep } from "./latency-stats";
import { roundTrips } from "./paced-senders";
import { residentKb, type ServerProcess } from "./server-cluster";

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/**
 * Connects `perProcess` idle customer sockets to every process and reports each process's
 * resident memory (VmRSS) before and after, and its resync round trip p99 before and after on a
 * fresh connection (how promptly it still answers while holding them). Returns the sockets so the
 * caller closes them.
 */
export async function measureIdleSockets(options: {
  servers: ServerProcess[];
  perProcess: number;
  connect: (server: ServerProcess, index: number) => Promise<Socket>;
}) {
  const { servers, perProcess, connect } = options;
  const responsiveness = async (server: ServerProcess) => {
    const probe = await connect(server, 0);
    const p99 = (await roundTrips(probe, "chat:sync", { afterSeq: 1_000_000 }, 40)).p99;
    probe.disconnect();
    return p99;
  };
  const before: Array<{ rssKb: number; syncP99: number }> = [];
  for (const server of servers) {
    before.push({ rssKb: residentKb(server.child.pid!), syncP99: await responsiveness(server) });
  }
  const sockets: Socket[] = [];
  const started = performance.now();
  const idle = servers.flatMap((server) =>
    Array.from({ length: perProcess }, (_, index) => ({ server, index })),
  );
  await eachLimited(idle, 100, async ({ server, index }) => {
    sockets.push(await connect(server, index));
  });
  const connectSeconds = (performance.now() - started) / 1000;
  // Let connection bursts (presence broadcasts, buffers) settle before reading memory.
  await sleep(5000);
  const figures: Array<Record<string, unknown>> = [];
  for (const [index, server] of servers.entries()) {
    const rssKb = residentKb(server.child.pid!);
    figures.push({
      figure: `idle sockets, process ${String.fromCharCode(65 + index)}`,
      sockets: perProcess,
      rssBeforeMb: mb(before[index]!.rssKb),
      rssAfterMb: mb(rssKb),
      kbPerSocket: Math.round((rssKb - before[index]!.rssKb) / perProcess),
      syncRoundTripP99Before: before[index]!.syncP99,
      syncRoundTripP99After: await responsiveness(server),
      connectsPerSecondBothProcesses: Math.round(idle.length / connectSeconds),
      goal: "≥ 10,000 idle with RSS ≤ 600 MB",
    });
  }
  return { figures, sockets };
}
