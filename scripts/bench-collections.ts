import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { loadCollectionInvoices } from "@/lib/collections/load-cases";
import {
  evaluateInvoices,
  evaluationContext,
  forecastTotals,
  RUN_CHUNK,
  runCollections,
} from "@/lib/collections/run";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { generateOcr } from "@/lib/references/ocr";
import { benchBaseUrl, print, round, withScratchSchema } from "./bench-postgres";

/**
 * `npm run bench:collections`: BENCH_INVOICES (default 100,000) unpaid invoices of 10,000
 * customers on PostgreSQL under three policies (businesses; loyal customers, chosen by tenure and
 * payment history; the default with interest), due over 75 days around today, with the steps
 * their policies took before today already on record (written from the engine's own plan). Then,
 * measured: the day's run — every invoice read, its policy chosen, planned, and the steps due
 * today taken with their charges, timeline events, webhooks and send jobs — and the 30-day dry run.
 * The reference, in the same run: a plain `SELECT count(*)` over the same rows. One JSON line per
 * figure; never fails for slowness. Uses DATABASE_URL / TEST_DATABASE_URL (default the machine's
 * `test` database) in a scratch schema, dropped unless BENCH_KEEP=1.
 */
const count = Number(process.env.BENCH_INVOICES ?? 100_000);
const today = parseCalendarDate(process.env.BENCH_TODAY ?? "2026-12-14");
const day = formatCalendarDate;

async function main() {
  await withScratchSchema("bench_coll", async ({ schema, database }) => {
    const db = database.prisma;
    const organization = await db.organization.create({
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
        reminderFeeOre: 6_000,
      },
    });
    const organizationId = organization.id;
    await db.collectionPolicy.create({
      data: {
        organizationId,
        name: "Företag",
        position: 0,
        targeting: { fact: "isBusiness", op: "eq", value: true },
        feeMinimumAmountDueOre: 0,
        chargeInterest: true,
        interestMinimumOre: 100,
        agencyName: "Inkasso AB",
        agencyContact: "08-123 45 67",
        steps: {
          create: [
            { position: 0, kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 5, chargeFee: true },
            {
              position: 1,
              kind: "FINAL_REMINDER",
              anchor: "PREVIOUS_STEP",
              offsetDays: 10,
              chargeFee: true,
            },
            {
              position: 2,
              kind: "COLLECTION_HANDOVER",
              anchor: "PREVIOUS_STEP",
              offsetDays: 10,
              channel: "LETTER",
              chargeFee: true,
            },
          ],
        },
      },
    });
    await db.collectionPolicy.create({
      data: {
        organizationId,
        name: "Trogna kunder",
        position: 1,
        targeting: {
          all: [
            { fact: "tenureMonths", op: "gte", value: 60 },
            { fact: "overdueInvoices12m", op: "lte", value: 1 },
          ],
        },
        steps: {
          create: [
            { position: 0, kind: "COURTESY", anchor: "DUE_DATE", offsetDays: -2, tone: "FRIENDLY" },
            { position: 1, kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 10, tone: "FRIENDLY" },
            { position: 2, kind: "FINAL_REMINDER", anchor: "PREVIOUS_STEP", offsetDays: 21 },
          ],
        },
      },
    });
    await db.collectionPolicy.create({
      data: {
        organizationId,
        name: "Standard",
        position: 2,
        isDefault: true,
        targeting: { all: [] },
        chargeInterest: true,
        interestMinimumOre: 500,
        agencyName: "Inkasso AB",
        agencyContact: "08-123 45 67",
        steps: {
          create: [
            { position: 0, kind: "COURTESY", anchor: "DUE_DATE", offsetDays: -3, tone: "FRIENDLY" },
            { position: 1, kind: "REMINDER", anchor: "DUE_DATE", offsetDays: 8, chargeFee: true },
            {
              position: 2,
              kind: "FINAL_REMINDER",
              anchor: "PREVIOUS_STEP",
              offsetDays: 14,
              channel: "SMS",
              chargeFee: true,
            },
            {
              position: 3,
              kind: "COLLECTION_HANDOVER",
              anchor: "PREVIOUS_STEP",
              offsetDays: 14,
              channel: "LETTER",
              chargeFee: true,
            },
          ],
        },
      },
    });

    // The invoices and their customers: rows written directly (issuing is not what is measured).
    const customers = Math.max(1, Math.round(count / 10));
    const client = new pg.Client({ connectionString: benchBaseUrl });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(
      `INSERT INTO "Customer" ("id", "organizationId", "customerNumber", "name", "email", "phone",
         "addressLine1", "postalCode", "city", "customerSince", "isBusiness", "segment",
         "reminderFeeAgreedOn", "reminderFeeAgreementSource", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'K' || c, 'Kund ' || c, 'kund' || c || '@example.se',
         CASE WHEN c % 3 = 0 THEN '+4670' || lpad(c::text, 7, '0') END,
         'Gatan 1', '11122', 'Stockholm', DATE '2010-01-01' + (c * 37 % 5800), c % 10 = 0,
         (ARRAY['privat', 'student', 'senior'])[1 + c % 3],
         CASE WHEN c % 5 < 3 THEN DATE '2010-01-01' + (c * 37 % 5800) END,
         CASE WHEN c % 5 < 3 THEN 'Allmänna villkor' END, now()
       FROM generate_series(1, $2::int) AS c`,
      [organizationId, customers],
    );
    const customerIds = (
      await client.query<{ id: string }>(`SELECT id FROM "Customer" ORDER BY "customerNumber"`)
    ).rows.map((r) => r.id);
    const invoices = Array.from({ length: count }, (_, i) => {
      const dueDate = addDays(today, -45 + (i % 75));
      return {
        id: randomUUID(),
        number: i + 1,
        ocr: generateOcr(i + 1),
        totalOre: 5_000 + ((i * 7919) % 295_000),
        customerId: customerIds[i % customerIds.length]!,
        dueDate: day(dueDate),
        issueDate: day(addDays(dueDate, -30)),
        status: dueDate < today ? "OVERDUE" : "OPEN",
        // One in ten has paid part of it.
        paidOre: i % 10 === 0 ? 2_000 : 0,
      };
    });
    for (let start = 0; start < count; start += 20_000) {
      const chunk = invoices.slice(start, start + 20_000);
      await client.query(
        `INSERT INTO "Invoice" ("id", "organizationId", "customerId", "number", "ocr", "status", "issueDate", "dueDate", "periodStart", "periodEnd", "totalOre", "netOre", "vatOre", "version", "updatedAt")
         SELECT r.id, $1, r.customer, r.number, r.ocr, r.status::"InvoiceStatus", r.issue, r.due, r.issue - 30, r.issue - 1, r.total, r.total * 4 / 5, r.total / 5, 2, now()
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::date[], $9::date[]) AS r(id, customer, number, ocr, total, status, issue, due)`,
        [
          organizationId,
          chunk.map((i) => i.id),
          chunk.map((i) => i.customerId),
          chunk.map((i) => i.number),
          chunk.map((i) => i.ocr),
          chunk.map((i) => i.totalOre),
          chunk.map((i) => i.status),
          chunk.map((i) => i.issueDate),
          chunk.map((i) => i.dueDate),
        ],
      );
      await client.query(
        `INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "externalRef", "occurredAt")
         SELECT gen_random_uuid()::text, $1, r.id, 'INVOICE_ISSUED'::"LedgerEntryKind", r.total, NULL, r.issue::timestamp + interval '8 hours'
         FROM unnest($2::text[], $3::int[], $4::date[]) AS r(id, total, issue)
         UNION ALL
         SELECT gen_random_uuid()::text, $1, r.id, 'PAYMENT'::"LedgerEntryKind", -r.paid, 'bench-part-' || r.id, r.issue::timestamp + interval '10 days'
         FROM unnest($2::text[], $5::int[], $4::date[]) AS r(id, paid, issue) WHERE r.paid > 0`,
        [
          organizationId,
          chunk.map((i) => i.id),
          chunk.map((i) => i.totalOre),
          chunk.map((i) => i.issueDate),
          chunk.map((i) => i.paidOre),
        ],
      );
    }

    // The steps taken before today, as the engine planned them 60 days ago (the forecast equals
    // the run, so this is the history the daily runs would have written).
    const historyFrom = addDays(today, -60);
    const context = await evaluationContext(db, organizationId, historyFrom);
    let afterId: string | null = null;
    let historySteps = 0;
    for (;;) {
      const chunk = await loadCollectionInvoices(db, { organizationId, afterId, limit: RUN_CHUNK });
      if (chunk.length === 0) break;
      const rows: unknown[][] = [];
      const fees: unknown[][] = [];
      for (const entry of await evaluateInvoices(db, context, chunk)) {
        for (const step of entry.plan.steps) {
          if (!step.date || step.date >= today) break;
          const id = randomUUID();
          const invoiceId = entry.invoice.collectionCase.invoiceId;
          rows.push([
            id,
            invoiceId,
            entry.policy.terms.id,
            step.stepId,
            step.kind,
            step.channel,
            day(step.date),
            step.amountDueOre,
            step.feeOre,
            step.feeKind,
            step.interestOre,
            step.interestThrough ? day(step.interestThrough) : null,
          ]);
          if (step.feeKind) {
            fees.push([
              invoiceId,
              step.feeOre,
              step.feeKind === "collection-fee"
                ? `collection-fee:${invoiceId}`
                : `reminder-fee:${invoiceId}`,
              step.feeKind === "late-payment-compensation"
                ? "late payment compensation"
                : step.feeKind.replace("-", " "),
              day(step.date),
            ]);
          }
          if (step.interestOre > 0) {
            fees.push([
              invoiceId,
              step.interestOre,
              `interest:${invoiceId}:${step.stepId}`,
              "interest",
              day(step.date),
            ]);
          }
          if (step.kind === "COLLECTION_HANDOVER") break;
        }
      }
      historySteps += rows.length;
      const col = (k: number) => rows.map((r) => r[k]);
      if (rows.length > 0) {
        await client.query(
          `INSERT INTO "CollectionAction" ("id", "organizationId", "invoiceId", "policyId", "stepId", "kind", "channel", "plannedFor", "performedOn", "amountDueOre", "feeOre", "feeKind", "interestOre", "interestThrough", "reason", "sendStatus")
           SELECT r.id, $1, r.invoice, r.policy, r.step, r.kind::"CollectionStepKind", r.channel::"CollectionChannel", r.d, r.d, r.due, r.fee, r.fee_kind, r.interest, r.through, 'history', 'SENT'
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::int[], $10::int[], $11::text[], $12::int[], $13::date[])
             AS r(id, invoice, policy, step, kind, channel, d, due, fee, fee_kind, interest, through)`,
          [organizationId, ...Array.from({ length: 12 }, (_, k) => col(k))],
        );
      }
      if (fees.length > 0) {
        const f = (k: number) => fees.map((r) => r[k]);
        await client.query(
          `INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre", "externalRef", "memo", "occurredAt")
           SELECT gen_random_uuid()::text, $1, r.invoice, 'FEE', r.amount, r.ref, r.memo, r.d::timestamp + interval '6 hours'
           FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::date[]) AS r(invoice, amount, ref, memo, d)`,
          [organizationId, f(0), f(1), f(2), f(3), f(4)],
        );
      }
      afterId = chunk.at(-1)!.collectionCase.invoiceId;
    }
    await client.query(
      `UPDATE "Invoice" SET "handedOverAt" = now() WHERE "id" IN (SELECT "invoiceId" FROM "CollectionAction" WHERE "kind" = 'COLLECTION_HANDOVER')`,
    );
    await client.query(`ANALYZE`);

    const conditions = {
      database: "postgresql",
      machineCores: os.cpus().length,
      today: day(today),
      data: `${count} unpaid invoices of ${customers} customers (one in ten a business), due ${day(addDays(today, -45))}..${day(addDays(today, 29))}, in 3 policies, ${historySteps} earlier steps on record`,
    };

    // The reference: counting the same rows.
    const countStarted = performance.now();
    const counted = await client.query<{ count: string }>(
      `SELECT count(*) FROM "Invoice" WHERE "organizationId" = $1 AND "kind" = 'INVOICE' AND "status" IN ('OPEN', 'OVERDUE') AND "handedOverAt" IS NULL`,
      [organizationId],
    );
    const countSeconds = (performance.now() - countStarted) / 1000;
    print({
      figure: "reference: SELECT count(*) over the same rows",
      rows: Number(counted.rows[0]!.count),
      seconds: round(countSeconds, 4),
      ...conditions,
    });

    const started = performance.now();
    const summary = await runCollections({ db, organizationId, today });
    const seconds = (performance.now() - started) / 1000;
    print({
      figure: "the day's collection run: every invoice evaluated, today's steps taken",
      evaluated: summary.evaluated,
      performed: summary.performed,
      byKind: summary.byKind,
      feesOre: summary.feesOre,
      interestOre: summary.interestOre,
      seconds: round(seconds),
      invoicesPerSecond: Math.round(summary.evaluated / seconds),
      goalSeconds: 60,
      ...conditions,
    });
    const again = performance.now();
    const second = await runCollections({ db, organizationId, today });
    print({
      figure: "the same day's run again (nothing left to do)",
      performed: second.performed,
      seconds: round((performance.now() - again) / 1000),
    });

    const forecastStarted = performance.now();
    const forecast = await forecastTotals({
      db,
      organizationId,
      today: addDays(today, 1),
      from: addDays(today, 1),
      days: 30,
    });
    print({
      figure: "dry run: the next 30 days",
      invoices: forecast.invoices,
      steps: forecast.totals.reduce((sum, t) => sum + t.invoices, 0),
      seconds: round((performance.now() - forecastStarted) / 1000),
    });
    print({
      figure: "run vs SELECT count(*)",
      ratio: Math.round(seconds / countSeconds),
      runSeconds: round(seconds),
      countSeconds: round(countSeconds, 4),
    });
    await client.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
