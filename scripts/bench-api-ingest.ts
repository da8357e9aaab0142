import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createApiKey } from "@/lib/api/api-keys";
import { API_SCOPES } from "@/lib/api/scopes";
import { openDatabase } from "@/lib/db/database";
import { generateAccessToken, hashAccessToken } from "@/lib/invoices/access-token";
import { computeInvoiceTotals } from "@/lib/invoices/totals";
import { generateOcr } from "@/lib/references/ocr";
import { buildIfNeeded } from "./next-build";

/**
 * `npm run bench:api-ingest`: an invoice run through API v1 on PostgreSQL — BENCH_INVOICES
 * invoices (default 100,000; 3 lines and 31 daily usage points each) posted to
 * POST /api/v1/invoices/batch in runs of 1,000 over HTTP to the production server — and, in the
 * same run, the reference: the same rows (invoices, lines, usage, links, ledger entries, timeline
 * events) written with one COPY per table. Prints one JSON line per figure; never fails for
 * slowness. Uses DATABASE_URL / TEST_DATABASE_URL (default the machine's `test` database), each
 * side in a scratch schema of its own, dropped afterwards unless BENCH_KEEP=1.
 */
const invoiceCount = Number(process.env.BENCH_INVOICES ?? 100_000);
const batchSize = 1000;
const customerCount = Math.max(1, Math.round(invoiceCount / 10));
const port = Number(process.env.BENCH_PORT ?? 3293);
const base = `http://127.0.0.1:${port}`;
const baseUrl =
  process.env.DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/test";

function print(figure: Record<string, unknown>) {
  console.log(JSON.stringify(figure));
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

function schemaUrl(schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Months of 31 days, so each invoice's 31 daily readings stay inside its own month.
const LONG_MONTHS = [0, 2, 4, 6, 7, 9, 11];

/** The n-th invoice of the run: its customer, month and readings (each customer a month apart). */
function invoiceItem(n: number) {
  const customer = n % customerCount;
  const month = Math.floor(n / customerCount); // 0..9 for 100,000 over 10,000 customers
  const start = new Date(Date.UTC(2020 + Math.floor(month / 7), LONG_MONTHS[month % 7]!, 1));
  const day = (d: number) => new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const kwh = 300 + (n % 400);
  return {
    customer: { externalId: `BENCH-C-${customer}` },
    externalId: `BENCH-I-${n}`,
    periodStart: day(0),
    periodEnd: day(30),
    issue: true,
    delivery: "none",
    lines: [
      {
        kind: "USAGE",
        description: "Elförbrukning",
        quantity: `${kwh}.5`,
        unit: "kWh",
        unitPriceOre: "118.25",
        vatRate: 25,
      },
      {
        kind: "USAGE",
        description: "Energiskatt",
        quantity: `${kwh}.5`,
        unit: "kWh",
        unitPriceOre: "43.9",
        vatRate: 25,
      },
      {
        kind: "SUBSCRIPTION",
        description: "Fast avgift",
        quantity: "1",
        unit: "mån",
        unitPriceOre: "3900",
        vatRate: 25,
      },
    ],
    usage: [
      {
        unit: "kWh",
        resolution: "day",
        points: Array.from({ length: 31 }, (_, d) => ({
          at: day(d),
          quantity: String(8 + ((n + d) % 9)),
        })),
      },
    ],
  };
}

async function prepare(schema: string) {
  await adminQuery(`CREATE SCHEMA "${schema}"`);
  const database = await openDatabase({ kind: "postgresql", url: schemaUrl(schema) });
  const organization = await database.prisma.organization.create({
    data: {
      slug: `bench-${schema}`,
      name: "Bench Energi AB",
      orgNumber: "556036-0793",
      vatNumber: "SE556036079301",
      addressLine1: "Storgatan 1",
      postalCode: "111 22",
      city: "Stockholm",
      bankgiro: "5050-1055",
      supportHours: {},
    },
  });
  for (let start = 0; start < customerCount; start += 5000) {
    await database.prisma.customer.createMany({
      data: Array.from({ length: Math.min(5000, customerCount - start) }, (_, i) => ({
        organizationId: organization.id,
        externalId: `BENCH-C-${start + i}`,
        customerNumber: `BENCH-C-${start + i}`,
        name: `Kund ${start + i}`,
        addressLine1: "Lillgatan 2",
        postalCode: "222 33",
        city: "Lund",
        customerSince: new Date("2020-01-01T00:00:00Z"),
      })),
    });
  }
  return { database, organizationId: organization.id };
}

async function waitForHealth(server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("the server stopped");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not come up");
}

/**
 * The API side: runs of 1,000 over HTTP, BENCH_CONCURRENCY at a time (default 2: an ERP sending
 * its run over two connections; runs queue only for the invoice number series, at their end).
 */
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
async function ingest(key: string) {
  const post = async (items: unknown[]) => {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/invoices/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(items),
    });
    const body = (await response.json()) as { created: number; refused: number };
    if (response.status !== 200 || body.refused > 0) {
      throw new Error(`batch answered ${response.status}: ${JSON.stringify(body).slice(0, 400)}`);
    }
    return { ms: performance.now() - started, created: body.created };
  };
  // Warm-up (compiles the route, fills caches): its invoices are not counted.
  await post(
    Array.from({ length: 20 }, (_, i) => ({ ...invoiceItem(i), externalId: `WARM-${i}` })),
  );
  const latencies: number[] = [];
  let created = 0;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += batchSize;
      if (start >= invoiceCount) return;
      const items = Array.from({ length: Math.min(batchSize, invoiceCount - start) }, (_, i) =>
        invoiceItem(start + i),
      );
      const answer = await post(items);
      latencies.push(answer.ms);
      created += answer.created;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, created, latencies };
}

const tsv = (value: unknown) =>
  value === null || value === undefined
    ? "\\N"
    : String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");

/** The reference: the same rows, one COPY per table. */
async function copyReference(schema: string, organizationId: string) {
  const customers = new Map<string, string>();
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  const rows = await client.query<{ id: string; externalId: string }>(
    `SELECT id, "externalId" FROM "Customer"`,
  );
  for (const row of rows.rows) customers.set(row.externalId, row.id);
  const tables: Record<string, { columns: string[]; lines: string[] }> = {
    Invoice: {
      columns: [
        "id",
        "organizationId",
        "customerId",
        "externalId",
        "number",
        "ocr",
        "status",
        "issueDate",
        "dueDate",
        "periodStart",
        "periodEnd",
        "netOre",
        "vatOre",
        "roundingOre",
        "totalOre",
        "version",
        "issuedSnapshot",
        "updatedAt",
      ],
      lines: [],
    },
    InvoiceLine: {
      columns: [
        "id",
        "invoiceId",
        "position",
        "kind",
        "description",
        "quantityMilli",
        "unit",
        "unitPriceCentiOre",
        "vatRate",
      ],
      lines: [],
    },
    UsageReading: {
      columns: [
        "id",
        "organizationId",
        "customerId",
        "invoiceId",
        "readAt",
        "resolution",
        "quantityMilli",
        "unit",
      ],
      lines: [],
    },
    InvoiceLink: {
      columns: ["id", "organizationId", "invoiceId", "tokenHash", "purpose"],
      lines: [],
    },
    LedgerEntry: {
      columns: ["id", "organizationId", "invoiceId", "kind", "amountOre", "occurredAt"],
      lines: [],
    },
    InvoiceEvent: {
      columns: ["id", "organizationId", "invoiceId", "type", "visibility", "actorType", "data"],
      lines: [],
    },
  };
  const add = (table: string, values: unknown[]) =>
    tables[table]!.lines.push(values.map(tsv).join("\t"));
  const now = new Date().toISOString();
  for (let n = 0; n < invoiceCount; n++) {
    const item = invoiceItem(n);
    const id = randomUUID();
    const number = n + 1;
    const lines = item.lines.map((line) => ({
      quantityMilli: Math.round(Number(line.quantity) * 1000),
      unitPriceCentiOre: Math.round(Number(line.unitPriceOre) * 100),
      vatRate: line.vatRate,
    }));
    const totals = computeInvoiceTotals(lines, { roundToWholeKrona: true });
    const customerId = customers.get(item.customer.externalId)!;
    add("Invoice", [
      id,
      organizationId,
      customerId,
      item.externalId,
      number,
      generateOcr(number),
      "OPEN",
      "2026-12-01",
      "2026-12-31",
      item.periodStart,
      item.periodEnd,
      totals.netOre,
      totals.vatOre,
      totals.roundingOre,
      totals.totalOre,
      2,
      JSON.stringify({ version: 1, totals }),
      now,
    ]);
    for (const [i, line] of item.lines.entries()) {
      add("InvoiceLine", [
        randomUUID(),
        id,
        i + 1,
        line.kind,
        line.description,
        lines[i]!.quantityMilli,
        line.unit,
        lines[i]!.unitPriceCentiOre,
        25,
      ]);
    }
    for (const point of item.usage[0]!.points) {
      add("UsageReading", [
        randomUUID(),
        organizationId,
        customerId,
        id,
        point.at,
        "DAY",
        Number(point.quantity) * 1000,
        "KWH",
      ]);
    }
    add("InvoiceLink", [
      randomUUID(),
      organizationId,
      id,
      hashAccessToken(generateAccessToken()),
      "ISSUED",
    ]);
    add("LedgerEntry", [
      randomUUID(),
      organizationId,
      id,
      "INVOICE_ISSUED",
      totals.totalOre,
      "2026-12-01",
    ]);
    add("InvoiceEvent", [randomUUID(), organizationId, id, "CREATED", "STAFF", "API", "{}"]);
    add("InvoiceEvent", [
      randomUUID(),
      organizationId,
      id,
      "ISSUED",
      "CUSTOMER",
      "API",
      JSON.stringify({ number, totalOre: totals.totalOre }),
    ]);
  }
  const started = performance.now();
  for (const [table, { columns, lines }] of Object.entries(tables)) {
    const stream = client.query(
      copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
    );
    await pipeline(Readable.from([`${lines.join("\n")}\n`]), stream);
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = Object.fromEntries(
    Object.entries(tables).map(([t, { lines }]) => [t, lines.length]),
  );
  await client.end();
  return { seconds, counts };
}

async function main() {
  buildIfNeeded();
  const suffix = randomBytes(4).toString("hex");
  const ingestSchema = `bench_ingest_${suffix}`;
  const copySchema = `bench_copy_${suffix}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-bench-ingest-"));
  let server: ChildProcess | null = null;
  try {
    const side = await prepare(ingestSchema);
    const { key } = await createApiKey({
      db: side.database.prisma,
      organizationId: side.organizationId,
      input: { name: "bench", mode: "TEST", scopes: [...API_SCOPES] },
    });
    await side.database.close();
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: schemaUrl(ingestSchema),
        API_RATE_LIMIT: "1000000",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(server);
    const run = await ingest(key);
    const check = new pg.Client({ connectionString: schemaUrl(ingestSchema) });
    await check.connect();
    const counted = await check.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${ingestSchema}"."Invoice" WHERE "externalId" LIKE 'BENCH-I-%'`,
    );
    await check.end();
    const conditions = {
      database: "postgresql",
      machineCores: os.cpus().length,
      data: `${invoiceCount} invoices over ${customerCount} customers, 3 lines and 31 daily usage points each, issued, delivery none`,
    };
    print({
      figure: "API v1 invoice run (POST /api/v1/invoices/batch, 1,000 per request, over HTTP)",
      invoices: run.created,
      invoicesInDatabase: Number(counted.rows[0]!.n),
      batches: run.latencies.length,
      concurrentRequests: concurrency,
      seconds: round(run.seconds, 2),
      invoicesPerSecond: Math.round(run.created / run.seconds),
      batchP50Ms: round(percentile(run.latencies, 50)),
      batchP95Ms: round(percentile(run.latencies, 95)),
      batchMaxMs: round(run.latencies.at(-1) ?? Number.NaN),
      ...conditions,
    });
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
    server = null;

    const reference = await prepare(copySchema);
    await reference.database.close();
    const copied = await copyReference(copySchema, reference.organizationId);
    print({
      figure: "reference: the same rows with one COPY per table",
      rows: copied.counts,
      seconds: round(copied.seconds, 2),
      invoicesPerSecond: Math.round(invoiceCount / copied.seconds),
      ...conditions,
    });
    print({
      figure: "API invoice run vs COPY",
      ratio: round(run.created / run.seconds / (invoiceCount / copied.seconds), 2),
      goalRatio: 0.3,
      invoicesPerSecond: Math.round(run.created / run.seconds),
      goalInvoicesPerSecond: 1000,
    });
  } finally {
    if (server) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) {
      for (const schema of [ingestSchema, copySchema]) {
        await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
        await adminQuery(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`).catch(() => {});
      }
    } else {
      console.error(`kept schemas ${ingestSchema} and ${copySchema}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
