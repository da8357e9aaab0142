import { monitorEventLoopDelay } from "node:perf_hooks";
import { queriesSent } from "@/lib/db/query-count";

export const dynamic = "force-dynamic";

// The event loop's delay since the last `?reset=1` (started with this route's first request).
const loopDelayKey = Symbol.for("nota.bench.loop-delay");
type Holder = { [loopDelayKey]?: ReturnType<typeof monitorEventLoopDelay> };

function loopDelay() {
  const holder = globalThis as Holder;
  if (!holder[loopDelayKey]) {
    holder[loopDelayKey] = monitorEventLoopDelay({ resolution: 10 });
    holder[loopDelayKey].enable();
  }
  return holder[loopDelayKey];
}

/**
 * What the process has spent so far: CPU time (user + system, microseconds), SQL statements sent
 * (with NOTA_COUNT_QUERIES=1), the event loop's delay p99/max since the last `?reset=1`, and
 * its memory (process.memoryUsage(); after a full collection with `?gc=1` on a server started with
 * --expose-gc).
 * The benchmarks read it before and after a measured run (CPU ms and queries per view, loop lag
 * while holding idle sockets). Part of the benchmark's own build only (NOTA_BENCH_BUILD=1, see
 * next.config.ts): the production app has no such route.
 */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  // A full collection first (servers started with --expose-gc), so memory is what is held, not
  // garbage a collection would free.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (params.get("gc") === "1" && gc) gc();
  const cpu = process.cpuUsage();
  const histogram = loopDelay();
  const stats = {
    cpuMicros: cpu.user + cpu.system,
    queries: queriesSent(),
    loopDelayP99Ms: Math.round(histogram.percentile(99) / 1e4) / 100,
    loopDelayMaxMs: Math.round(histogram.max / 1e4) / 100,
    memory: process.memoryUsage(),
  };
  if (params.get("reset") === "1") histogram.reset();
  return Response.json(stats);
}
