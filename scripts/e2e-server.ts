import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The server Playwright tests run against: the production build on its own port with a fresh
 * DATA_DIR seeded with the demo data, so every run starts from the same known state. It also
 * writes what the showcase invoices hold according to the database (expected.json), so the
 * browser tests check the page against the data, not against itself, and serves the fixtures
 * through which each test makes its own data (tests/helpers/e2e-fixture-server.ts).
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? "test-results/e2e-data");
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;

const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/demo/seed-demo");
const { seedClock } = await import("@/lib/demo/seed-clock");
const { saveDemoLinks } = await import("@/lib/demo/demo-links");
const { loadInvoicePage } = await import("@/lib/invoice-page/load-invoice-page");
const database = await getDatabase();
const { withJobWriter } = await import("@/lib/jobs/job-engine");
const { parsePostgresUrl } = await import("@/lib/db/database");
const databaseUrl = process.env.DATABASE_URL;
// The seed writes jobs (collection messages and letters); the server's workers take them.
const result = await withJobWriter(
  database,
  databaseUrl ? parsePostgresUrl(databaseUrl).schema : undefined,
  () => seedDemo({ db: database.prisma, now: seedClock() }),
);
saveDemoLinks(dataDir, result.links);

const expected = [];
for (const link of result.links) {
  const data = await loadInvoicePage(database.prisma, link.invoiceId);
  if (!data) throw new Error(`showcase invoice ${link.invoiceId} did not load`);
  expected.push({
    token: link.token,
    invoiceId: link.invoiceId,
    kind: link.kind,
    organization: data.organization.name,
    customerName: data.customer.name,
    customerLocale: data.customer.locale,
    number: data.invoice.number,
    ocr: data.invoice.ocr,
    bankgiro: data.organization.bankgiro,
    totalOre: data.totals.totalOre,
    roundingOre: data.totals.roundingOre,
    amountDueOre: data.amountDueOre,
    vatGroups: data.totals.vatGroups,
    lineNetOre: data.lines.map((line) => line.netOre),
    usageTotalMilli: data.usage?.current.totalMilli ?? null,
    usagePoints: data.usage?.points.length ?? 0,
    usageResolution: data.usage?.resolution ?? null,
    eventTypes: data.events.map((event) => event.type),
    otherInvoices: data.otherInvoices.length,
  });
}
writeFileSync(path.join(dataDir, "expected.json"), JSON.stringify(expected, null, 2));
// For the tests that watch the server's own memory (the body-limit load test).
writeFileSync(path.join(dataDir, "server.pid"), String(process.pid));
await closeDatabase();
await import("../server");
// After the server: it opens the database this shares (the embedded one serves one process).
const { startFixtureServer } = await import("../tests/helpers/e2e-fixture-server");
const { getDb } = await import("@/lib/db/client");
await startFixtureServer({ db: getDb, port: Number(process.env.E2E_FIXTURE_PORT ?? 3218) });
