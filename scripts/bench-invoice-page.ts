import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { createScratchSchema } from "@/tests/helpers/server-cluster";
import { buildIfNeeded } from "./next-build";

/**
 * `npm run bench:invoice-page`: throughput and latency of the customer invoice page against a
 * trivial dynamic reference page measured in the same run on the same server (see
 * ../shared/docs/performance.md), plus the first-load JavaScript of both. Prints one JSON line per
 * figure. Needs the production build (`npm run build`). Not a test: it never fails for slowness.
 *
 * Each measured run is bracketed by the bench build's /bench/stats, so the server's CPU time and
 * SQL statements per view are printed beside throughput and latency (queries are counted with
 * NOTA_COUNT_QUERIES=1, on for both pages alike).
 *
 * Options (env): BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 10), BENCH_PORT,
 * BENCH_DATABASES (default "pglite,postgresql": both, one after the other, in one run),
 * DATABASE_URL (the PostgreSQL server to make a scratch schema on; default the local
 * postgresql://postgres@127.0.0.1:5432/test, skipped with a line saying so when none answers),
 * BENCH_SERVER_NODE_ARGS (Node options for the server only, e.g. --cpu-prof).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3291);
const base = `http://127.0.0.1:${port}`;

function print(figure: Record<string, unknown>) {
  console.log(JSON.stringify(figure));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitForHealth(child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

interface ServerStats {
  cpuMicros: number;
  queries: number;
}

async function serverStats(): Promise<ServerStats> {
  return (await (await fetch(`${base}/bench/stats`)).json()) as ServerStats;
}

/**
 * The seed leaves jobs behind (collection letters and mails, rendered and sent by the server's
 * workers): measuring while they run would charge their CPU and queries to the page. Waits until
 * the server has used under 5 % of a core for two seconds in a row (at most two minutes).
 */
async function waitUntilIdle() {
  let quiet = 0;
  for (let second = 0; second < 120 && quiet < 2; second++) {
    const before = await serverStats();
    await new Promise((r) => setTimeout(r, 1000));
    const after = await serverStats();
    quiet = after.cpuMicros - before.cpuMicros < 50_000 ? quiet + 1 : 0;
  }
}

async function load(url: string, duration: number) {
  const before = await serverStats();
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, headers: { "user-agent": "nota-bench/1 (Linux; desktop)" } },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) non2xx++;
    });
  });
  const after = await serverStats();
  latencies.sort((a, b) => a - b);
  const views = Math.max(result.requests.total, 1);
  return {
    // The stats requests themselves are two of the views' worth of noise: negligible.
    cpuMsPerView: Math.round((after.cpuMicros - before.cpuMicros) / views / 10) / 100,
    queriesPerView: Math.round(((after.queries - before.queries) / views) * 10) / 10,
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    requests: result.requests.total,
    non2xx,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** Scripts a browser loads before any interaction, gzipped, as the route table would count them. */
async function firstLoadJs(url: string) {
  const html = await (await fetch(url)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let gzipBytes = 0;
  const files: Record<string, number> = {};
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    files[src.replace(/^.*\/_next\/static\//, "")] = size;
    gzipBytes += size;
  }
  return { scripts: sources.length, gzipBytes, files };
}

/** One server on one database: the reference and the invoice page, measured in the same run. */
async function measureOn(database: { kind: "pglite" } | { kind: "postgresql"; url: string }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-bench-"));
  const scratch =
    database.kind === "postgresql"
      ? await createScratchSchema(database.url, "nota_bench_page")
      : null;
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const server = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "scripts/e2e-server.ts"],
    {
      env: {
        ...inherited,
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        NOTA_BENCH_BUILD: "1",
        NOTA_COUNT_QUERIES: "1",
        // One load generator on one address: the per-address link limit would only measure 404s.
        INVOICE_LINK_RATE_LIMIT: "100000000",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await waitForHealth(server);
    await waitUntilIdle();
    const expected = JSON.parse(
      readFileSync(path.join(dataDir, "expected.json"), "utf8"),
    ) as Array<{
      token: string;
      kind: string;
      organization: string;
      usagePoints: number;
      usageResolution: string | null;
      lineNetOre: number[];
    }>;
    const invoice = expected.find((e) => e.kind === "open") ?? expected[0]!;
    const pages = { reference: `${base}/bench/reference`, invoice: `${base}/i/${invoice.token}` };

    // Warm up both (the first requests compile and fill caches; the seed's jobs settle).
    await load(pages.reference, 3);
    await load(pages.invoice, 5);
    const reference = await load(pages.reference, seconds);
    const page = await load(pages.invoice, seconds);
    const conditions = {
      connections,
      seconds,
      machineCores: os.cpus().length,
      database: database.kind,
      data: `demo seed; ${invoice.organization} open invoice: ${invoice.lineNetOre.length} lines, ${invoice.usagePoints} ${invoice.usageResolution === "HOUR" ? "hourly" : "daily"} usage points`,
    };
    print({ figure: "reference page (force-dynamic static table)", ...reference, ...conditions });
    print({ figure: "customer invoice page /i/[token]", ...page, ...conditions });
    print({
      figure: `invoice page vs reference, ${database.kind}`,
      throughputRatio:
        Math.round((page.requestsPerSecond / reference.requestsPerSecond) * 100) / 100,
      goalThroughputRatio: 0.6,
      p95Ms: page.p95,
      goalP95Ms: 50,
      cpuMsPerView: page.cpuMsPerView,
      queriesPerView: page.queriesPerView,
    });
    if (database.kind !== "pglite") return;
    // The markup and scripts are the same on either database: measured once.
    const html = Buffer.from(await (await fetch(pages.invoice)).arrayBuffer());
    print({
      figure: "invoice page HTML",
      kB: Math.round(html.length / 102.4) / 10,
      gzipKb: Math.round(gzipSync(html).length / 102.4) / 10,
    });
    const referenceJs = await firstLoadJs(pages.reference);
    const invoiceJs = await firstLoadJs(pages.invoice);
    print({
      figure: "first-load JS, reference page",
      scripts: referenceJs.scripts,
      gzipKb: Math.round(referenceJs.gzipBytes / 102.4) / 10,
    });
    print({
      figure: "first-load JS, invoice page",
      scripts: invoiceJs.scripts,
      gzipKb: Math.round(invoiceJs.gzipBytes / 102.4) / 10,
      beyondReferenceKb: Math.round((invoiceJs.gzipBytes - referenceJs.gzipBytes) / 102.4) / 10,
      goalKb: 120,
      goalBeyondReferenceKb: 15,
      files: invoiceJs.files,
    });
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  // The benchmark's own build: the production build plus the reference page.
  buildIfNeeded({ bench: true });
  const kinds = (process.env.BENCH_DATABASES ?? "pglite,postgresql").split(",");
  if (kinds.includes("pglite")) await measureOn({ kind: "pglite" });
  if (kinds.includes("postgresql")) {
    const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    if (await postgresReachable(url)) await measureOn({ kind: "postgresql", url });
    else print({ figure: "postgresql", skipped: `no PostgreSQL answers at ${new URL(url).host}` });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
