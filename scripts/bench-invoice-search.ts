import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "@/lib/db/database";
import {
  DEFAULT_INVOICE_SEARCH,
  type InvoiceSearchParams,
  searchInvoices,
} from "@/lib/invoices/invoice-search";

/**
 * `npm run bench:invoice-search`: the agent console's invoice search on 100,000 invoices, each
 * query's p50/p95 against a primary-key lookup of one invoice (through Prisma, so both include
 * the same client and round-trip overhead) measured in the same run, interleaved (see
 * ../shared/docs/performance.md). Prints one JSON line per figure. Not a test: never fails for
 * slowness. The data goes into a scratch schema of DATABASE_URL / TEST_DATABASE_URL (PostgreSQL)
 * or a scratch PGlite in a temp dir; ./data is never touched.
 *
 * Options (env): BENCH_RUNS (default 30 per query), BENCH_INVOICES (default 100000),
 * BENCH_KEEP=1 keeps the scratch schema or directory for EXPLAIN sessions (its name is printed).
 */
const runs = Number(process.env.BENCH_RUNS ?? 30);
const invoiceCount = Number(process.env.BENCH_INVOICES ?? 100_000);
const customerCount = Math.max(1, Math.round(invoiceCount / 10));
// A neighbour organisation, so every plan has to scope by organisation to be fast.
const neighbourInvoices = Math.round(invoiceCount / 10);
const baseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

function print(figure: Record<string, unknown>) {
  console.log(JSON.stringify(figure));
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const FIRST_NAMES = `Anna Erik Maria Lars Karin Anders Eva Per Kristina Johan Lena Karl Sara Nils
  Ingrid Olof Elin Gustav Emma Oskar Maja Axel Astrid Hugo Linnea Ali Fatima Mohammed Sofia Jonas`;
const LAST_NAMES = `Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson
  Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Lindqvist Lindberg Magnusson Berg Lund
  Holm Sandberg Forsberg Sjöberg Wallin Engström Åberg Lindgren Nyström Öberg Hassan Yilmaz`;
const sqlArray = (words: string) =>
  `ARRAY[${words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `'${w}'`)
    .join(",")}]`;

/** One organisation's customers and invoices in two INSERT … SELECT statements. */
function organizationSql(slug: string, customers: number, invoices: number): string {
  const org = `(SELECT id FROM "Organization" WHERE slug = '${slug}')`;
  const first = sqlArray(FIRST_NAMES);
  const last = sqlArray(LAST_NAMES);
  return `
INSERT INTO "Organization" (id, slug, name, "orgNumber", "vatNumber", "addressLine1", "postalCode",
  city, "supportHours", "updatedAt")
VALUES (gen_random_uuid()::text, '${slug}', '${slug} AB', '5560360793', 'SE556036079301',
  'Storgatan 1', '111 22', 'Stockholm', '{}', now());
INSERT INTO "Customer" (id, "organizationId", "customerNumber", name, "addressLine1", "postalCode",
  city, "customerSince", "updatedAt")
SELECT gen_random_uuid()::text, ${org}, (100000 + c)::text,
  (${first})[1 + c % 30] || ' ' || (${last})[1 + (c / 30) % 32], 'Lillgatan 2', '222 33', 'Lund',
  DATE '2015-01-01' + c % 3000, now()
FROM generate_series(1, ${customers}) AS c;
-- Ten monthly runs; each customer is billed on its own day of the month. Newest month mostly
-- open, the one before partly overdue, older ones paid with a few credited; 1 in 500 a draft.
INSERT INTO "Invoice" (id, "organizationId", "customerId", number, status, "issueDate", "dueDate",
  "periodStart", "periodEnd", "netOre", "vatOre", "totalOre", "updatedAt")
SELECT gen_random_uuid()::text, ${org}, c.id, CASE WHEN s.draft THEN NULL ELSE s.g END,
  s.status::"InvoiceStatus", CASE WHEN s.draft THEN NULL ELSE s.issued END,
  CASE WHEN s.draft THEN NULL ELSE s.issued + 30 END, s.issued - 30, s.issued - 1,
  s.total * 4 / 5, s.total / 5, s.total, now()
FROM (
  SELECT g, 1 + (g - 1) % ${customers} AS customer, g % 500 = 0 AS draft,
    (date_trunc('month', current_date) - make_interval(months => 9 - (g - 1) / ${customers} % 10))::date
      + ((g - 1) % ${customers}) % 28 AS issued,
    5000 + (g * 7919) % 400000 AS total,
    CASE
      WHEN g % 500 = 0 THEN 'DRAFT'
      WHEN (g - 1) / ${customers} % 10 = 9 THEN CASE WHEN (g * 2654435761) % 1000 < 700 THEN 'OPEN' ELSE 'PAID' END
      WHEN (g - 1) / ${customers} % 10 = 8 THEN CASE WHEN (g * 2654435761) % 1000 < 60 THEN 'OVERDUE' ELSE 'PAID' END
      WHEN (g * 2654435761) % 1000 < 10 THEN 'CREDITED'
      WHEN (g * 2654435761) % 1000 < 15 THEN 'OVERDUE'
      ELSE 'PAID'
    END AS status
  FROM generate_series(1, ${invoices}) AS g
) AS s
JOIN "Customer" AS c ON c."organizationId" = ${org} AND c."customerNumber" = (100000 + s.customer)::text;`;
}

async function openScratch(): Promise<{
  database: Database;
  where: string;
  drop(): Promise<void>;
}> {
  const keep = process.env.BENCH_KEEP === "1";
  if (baseUrl) {
    const schema = `nota_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await admin(`CREATE SCHEMA "${schema}"`);
    const url = new URL(baseUrl);
    url.searchParams.set("schema", schema);
    const database = await openDatabase({ kind: "postgresql", url: url.toString() });
    return {
      database,
      where: `postgresql schema ${schema}`,
      drop: async () => (keep ? undefined : admin(`DROP SCHEMA "${schema}" CASCADE`)),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "nota-bench-search-"));
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  return {
    database,
    where: `pglite ${dir}`,
    drop: async () => (keep ? undefined : rmSync(dir, { recursive: true, force: true })),
  };
}

/**
 * Runs the query and the reference alternately, so noise from other work on the machine hits
 * both alike and the ratio stays meaningful.
 */
async function timeAgainstReference(
  query: () => Promise<unknown>,
  reference: () => Promise<unknown>,
) {
  const samples = { query: [] as number[], reference: [] as number[] };
  for (let i = 0; i < 5; i++) {
    await reference();
    await query();
  }
  for (let i = 0; i < runs; i++) {
    for (const [kind, fn] of [
      ["reference", reference],
      ["query", query],
    ] as const) {
      const started = performance.now();
      await fn();
      samples[kind].push(performance.now() - started);
    }
  }
  const summary = (values: number[]) => {
    values.sort((a, b) => a - b);
    return { p50: round2(percentile(values, 50)), p95: round2(percentile(values, 95)) };
  };
  return { query: summary(samples.query), reference: summary(samples.reference) };
}

async function main() {
  const scratch = await openScratch();
  const { database } = scratch;
  try {
    const built = performance.now();
    await database.withSql(async (sql) => {
      await sql.exec(organizationSql("bench-search", customerCount, invoiceCount));
      await sql.exec(
        organizationSql("bench-neighbour", Math.round(customerCount / 10), neighbourInvoices),
      );
      // As after autovacuum in steady state: statistics and visibility map are current.
      await sql.exec(`VACUUM ANALYZE "Organization", "Customer", "Invoice"`);
    });
    const db = database.prisma;
    const organization = await db.organization.findUniqueOrThrow({
      where: { slug: "bench-search" },
    });
    const one = await db.invoice.findFirstOrThrow({
      where: { organizationId: organization.id, number: { gte: Math.round(invoiceCount / 2) } },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    const aCustomer = await db.customer.findFirstOrThrow({
      where: {
        organizationId: organization.id,
        customerNumber: String(100000 + Math.min(4242, customerCount)),
      },
      select: { name: true, customerNumber: true },
    });
    const lastName = aCustomer.name.split(" ").at(-1) ?? aCustomer.name;
    const conditions = {
      database: database.kind,
      reference: "one invoice by primary key (Prisma findUnique), alternating with the query",
      runs,
      machineCores: os.cpus().length,
      data: `${invoiceCount} invoices of ${customerCount} customers in the searched organisation (+${neighbourInvoices} in a neighbour), built in ${Math.round((performance.now() - built) / 100) / 10} s`,
    };

    const reference = () =>
      db.invoice.findUnique({
        where: { id: one.id },
        select: { id: true, number: true, status: true, totalOre: true },
      });

    const queries: Array<[string, Partial<InvoiceSearchParams>]> = [
      ["default (newest first, page 1)", {}],
      ["status OPEN + OVERDUE", { statuses: ["OPEN", "OVERDUE"] }],
      ["overdue only", { overdueOnly: true }],
      [`customer name "${lastName.toLowerCase()}"`, { customer: lastName.toLowerCase() }],
      [`customer number "${aCustomer.customerNumber}"`, { customer: aCustomer.customerNumber }],
      [
        "amount 1 000–1 500 kr, by amount ascending",
        { minOre: 100_000, maxOre: 150_000, sort: "totalOre", dir: "asc" },
      ],
      ["by amount descending", { sort: "totalOre", dir: "desc" }],
      ["by customer name", { sort: "customer", dir: "asc" }],
      ["by status", { sort: "status", dir: "asc" }],
      ["by due date", { sort: "dueDate", dir: "asc" }],
      ["one month issued, by issue date", { sort: "issueDate", dir: "asc" }],
      ["last page", { page: 999_999 }],
      ["middle page", { page: Math.round(invoiceCount / 50) }],
    ];
    // The month-range query needs real dates from the data.
    const newest = await db.invoice.findFirstOrThrow({
      where: { organizationId: organization.id, issueDate: { not: null } },
      orderBy: { issueDate: "desc" },
      select: { issueDate: true },
    });
    const monthStart = new Date(newest.issueDate!);
    monthStart.setUTCDate(1);
    const monthQuery = queries.find(([name]) => name.startsWith("one month"))!;
    monthQuery[1] = { ...monthQuery[1], issuedFrom: monthStart, issuedTo: newest.issueDate! };

    for (const [name, changes] of queries) {
      const params = { ...DEFAULT_INVOICE_SEARCH, ...changes };
      const result = await searchInvoices(db, organization.id, params);
      const timing = await timeAgainstReference(
        () => searchInvoices(db, organization.id, params),
        reference,
      );
      print({
        figure: `invoice search: ${name}`,
        p50Ms: timing.query.p50,
        p95Ms: timing.query.p95,
        referenceP50Ms: timing.reference.p50,
        referenceP95Ms: timing.reference.p95,
        ratioP50: round2(timing.query.p50 / timing.reference.p50),
        ratioP95: round2(timing.query.p95 / timing.reference.p95),
        matches: result.total,
        page: `${result.page}/${result.pageCount}`,
        rows: result.rows.length,
        ...conditions,
      });
    }
    if (process.env.BENCH_KEEP === "1") print({ kept: scratch.where });
  } finally {
    await database.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
