import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import { importBankFile } from "@/lib/bank-files/import-bank-file";
import { receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import { generateOcr } from "@/lib/references/ocr";
import { generateCamt054 } from "@/tests/helpers/bank-file-generator";
import { benchBaseUrl, print, round, withScratchSchema } from "./bench-postgres";

/**
 * `npm run bench:bank-import`: a camt.054 with BENCH_PAYMENTS payments (default 100,000) against as
 * many open invoices on PostgreSQL, received, checked, matched by OCR and booked — the import job's
 * own code, in this process — and, in the same run, the reference: parsing the file alone. Prints
 * one JSON line per figure; never fails for slowness. Uses DATABASE_URL / TEST_DATABASE_URL
 * (default the machine's `test` database) in a scratch schema, dropped unless BENCH_KEEP=1.
 */
const count = Number(process.env.BENCH_PAYMENTS ?? 100_000);

async function main() {
  await withScratchSchema("bench_bank", async ({ schema, database }) => {
    const organization = await database.prisma.organization.create({
      data: {
        slug: schema,
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
    const customers = Math.max(1, Math.round(count / 10));
    // The invoices, open and unpaid: rows written directly (their issuing is not what is measured).
    const client = new pg.Client({ connectionString: benchBaseUrl });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(
      `INSERT INTO "Customer" ("id", "organizationId", "customerNumber", "name", "addressLine1", "postalCode", "city", "customerSince", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'K' || c, 'Kund ' || c, 'Gatan 1', '11122', 'Stockholm', DATE '2020-01-01', now()
       FROM generate_series(1, $2::int) AS c`,
      [organization.id, customers],
    );
    const customerIds = (
      await client.query<{ id: string }>(`SELECT id FROM "Customer" ORDER BY "customerNumber"`)
    ).rows.map((r) => r.id);
    const invoices = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      number: i + 1,
      ocr: generateOcr(i + 1),
      totalOre: 10_000 + (i % 90_000),
      customerId: customerIds[i % customerIds.length]!,
    }));
    for (let start = 0; start < count; start += 20_000) {
      const chunk = invoices.slice(start, start + 20_000);
      await client.query(
        `INSERT INTO "Invoice" ("id", "organizationId", "customerId", "number", "ocr", "status", "issueDate", "dueDate", "periodStart", "periodEnd", "totalOre", "netOre", "vatOre", "version", "updatedAt")
         SELECT r.id, $1, r.customer, r.number, r.ocr, 'OPEN', DATE '2026-11-30', DATE '2026-12-31', DATE '2026-11-01', DATE '2026-11-30', r.total, r.total * 4 / 5, r.total / 5, 2, now()
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[]) AS r(id, customer, number, ocr, total)`,
        [
          organization.id,
          chunk.map((i) => i.id),
          chunk.map((i) => i.customerId),
          chunk.map((i) => i.number),
          chunk.map((i) => i.ocr),
          chunk.map((i) => i.totalOre),
        ],
      );
      await client.query(
        `INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "occurredAt")
         SELECT gen_random_uuid()::text, $1, r.id, 'INVOICE_ISSUED', r.total, DATE '2026-11-30'
         FROM unnest($2::text[], $3::int[]) AS r(id, total)`,
        [organization.id, chunk.map((i) => i.id), chunk.map((i) => i.totalOre)],
      );
    }
    await client.query(`ANALYZE`);
    await client.end();

    const file = generateCamt054(
      invoices.map((invoice, i) => ({
        amountOre: invoice.totalOre,
        reference: { kind: "structured" as const, value: invoice.ocr },
        payerName: `Kund ${i % customers}`,
        bookingDate: "2026-12-11",
      })),
      { account: { bankgiro: "50501055" }, version: "02", transactionsPerEntry: 1 },
    );
    const conditions = {
      database: "postgresql",
      machineCores: os.cpus().length,
      data: `camt.054.001.02, ${count} payments (${(file.bytes.length / 1_048_576).toFixed(1)} MiB) against ${count} open invoices of ${customers} customers, each paid in full by its OCR`,
    };

    // The reference: reading the file, nothing else.
    const parseStarted = performance.now();
    const parsed = parseBankFile("CAMT054", new Uint8Array(file.bytes));
    const parseSeconds = (performance.now() - parseStarted) / 1000;
    print({
      figure: "reference: parsing the file alone",
      payments: parsed.entries.length,
      seconds: round(parseSeconds),
      ...conditions,
    });

    const started = performance.now();
    const received = await receiveBankFile({
      db: database.prisma,
      organizationId: organization.id,
      source: "API",
      fileName: file.fileName,
      bytes: new Uint8Array(file.bytes),
    });
    const receivedSeconds = (performance.now() - started) / 1000;
    const result = await importBankFile({
      db: database.prisma,
      organizationId: organization.id,
      bankFileId: received.id,
    });
    const seconds = (performance.now() - started) / 1000;
    const paid = await database.prisma.invoice.count({
      where: { organizationId: organization.id, status: "PAID" },
    });
    print({
      figure: "bank-file import: received, checked, matched and booked",
      status: result.status,
      booked: result.report?.booked,
      unmatched: result.report?.unmatched,
      invoicesPaid: paid,
      seconds: round(seconds),
      receiveSeconds: round(receivedSeconds),
      paymentsPerSecond: Math.round(count / seconds),
      goalSeconds: 60,
      ...conditions,
    });
    print({
      figure: "import vs parsing alone",
      ratio: round(seconds / parseSeconds),
      importSeconds: round(seconds),
      parseSeconds: round(parseSeconds),
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
