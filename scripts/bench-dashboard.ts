import os from "node:os";
import pg from "pg";
import { formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { loadReceivablesDashboard } from "@/lib/receivables/dashboard";
import { receivablesFilter, receivablesQuerySchema } from "@/lib/receivables/receivables-query";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { benchBaseUrl, print, round, withScratchSchema } from "./bench-postgres";

/**
 * `npm run bench:dashboard`: the receivables dashboard on PostgreSQL with BENCH_INVOICES invoices
 * (default 1,000,000) of a tenth as many customers, issued evenly over the two years up to
 * BENCH_TODAY, written directly with INSERT … SELECT generate_series (issuing is not what is
 * measured): most paid on time, some late after a reminder and its fee (a tenth of those fees
 * waived), some unpaid through final reminder and handover with collection fee and interest, some
 * paid in half, credited or refunded; reminders as CollectionAction rows (the reminder step split
 * between variants A and B, each with its CollectionOutcome), chats on one invoice in twenty, and
 * contracts of which one in seven has ended.
 *
 * Measured: the full refresh (the first run), the daily rolling refresh (the last 180 issue days),
 * and the dashboard's read for a year by month — all customers, one segment, businesses — and by
 * week, each BENCH_RUNS times (p50/p95). References in the same run: a primary-key lookup and a
 * plain `SELECT count(*)` over the organisation's invoices. One JSON line per figure; never fails
 * for slowness. DATABASE_URL / TEST_DATABASE_URL (default the machine's `test` database), in a
 * scratch schema dropped unless BENCH_KEEP=1.
 */
const count = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const today = parseCalendarDate(process.env.BENCH_TODAY ?? "2026-12-14");
const SPAN_DAYS = 730;
const SEGMENTS = ["privat", "student", "senior", "företag"];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function repeated(work: () => Promise<unknown>) {
  await work(); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), runs };
}

async function main() {
  await withScratchSchema("bench_dash", async ({ schema, database }) => {
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
    const plan = await db.plan.create({
      data: { organizationId, code: "EL", name: "Elavtal", kind: "ENERGY", monthlyFeeOre: 3_900 },
    });
    const policy = await db.collectionPolicy.create({
      data: {
        organizationId,
        name: "Standard",
        position: 0,
        isDefault: true,
        targeting: { all: [] },
        chargeInterest: true,
        steps: {
          create: [
            {
              position: 0,
              kind: "REMINDER",
              offsetDays: 10,
              chargeFee: true,
              experimentMode: "SPLIT",
              variants: {
                create: [
                  { key: "A", name: "Vänlig", weight: 50, tone: "FRIENDLY" },
                  { key: "B", name: "Bestämd", weight: 50, tone: "FIRM" },
                ],
              },
            },
            { position: 1, kind: "FINAL_REMINDER", anchor: "PREVIOUS_STEP", offsetDays: 14 },
            {
              position: 2,
              kind: "COLLECTION_HANDOVER",
              anchor: "PREVIOUS_STEP",
              offsetDays: 14,
              channel: "LETTER",
              chargeFee: true,
            },
          ],
        },
      },
      select: { id: true, steps: { select: { id: true, kind: true } } },
    });
    const step = (kind: string) => policy.steps.find((s) => s.kind === kind)!.id;

    const customers = Math.max(1, Math.round(count / 10));
    const client = new pg.Client({ connectionString: benchBaseUrl });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    const seeded = performance.now();
    const run = (sql: string, params: unknown[] = []) => client.query(sql, params);
    await run(
      `INSERT INTO "Customer" ("id", "organizationId", "customerNumber", "name", "addressLine1",
         "postalCode", "city", "customerSince", "segment", "isBusiness", "updatedAt")
       SELECT 'c0000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0'), $1, 'K' || c, 'Kund ' || c,
              'Gatan 1', '11122', 'Stockholm', DATE '2012-01-01' + (c * 37 % 5000),
              CASE WHEN c % 10 = 0 THEN 'företag' WHEN c % 10 = 1 THEN NULL
                   ELSE ($3::text[])[1 + c % 3] END,
              c % 10 = 0, now()
         FROM generate_series(0, $2::int - 1) AS c`,
      [organizationId, customers, SEGMENTS.slice(0, 3)],
    );
    // One contract per customer; one in seven ended within the two years.
    await run(
      `INSERT INTO "Contract" ("id", "organizationId", "customerId", "planId", "startsOn", "endsOn")
       SELECT gen_random_uuid()::text, $1, 'c0000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0'),
              $2, DATE '2012-01-01' + (c * 37 % 5000),
              CASE WHEN c % 7 = 0 THEN $4::date - (c * 13 % ${SPAN_DAYS}) END
         FROM generate_series(0, $3::int - 1) AS c`,
      [organizationId, plan.id, customers, formatCalendarDate(today)],
    );
    // The invoices' facts: class h (0–99) decides what happens to each; days after today never do.
    await run(
      `CREATE TEMP TABLE f AS
       SELECT g AS i, '00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0') AS id,
              'c0000000-0000-4000-8000-' || lpad(to_hex(g % $2::int), 12, '0') AS customer,
              $3::date - ${SPAN_DAYS} + (g::bigint * ${SPAN_DAYS} / $1::int)::int AS issue,
              5000 + (g::bigint * 7919 % 295000)::int AS total,
              (g::bigint * 2654435761 % 100)::int AS h
         FROM generate_series(0, $1::int - 1) AS g`,
      [count, customers, formatCalendarDate(today)],
    );
    await run(`ALTER TABLE f ADD COLUMN due date, ADD COLUMN pay_day date, ADD COLUMN pay_ore int,
                 ADD COLUMN reminder date, ADD COLUMN final date, ADD COLUMN handover date`);
    await run(
      `UPDATE f SET due = issue + 30,
         pay_day = CASE WHEN h < 60 THEN issue + 5 + i % 25
                        WHEN h < 80 THEN issue + 45 + i % 25
                        WHEN h < 88 THEN NULL
                        WHEN h < 92 THEN issue + 20
                        WHEN h < 95 THEN NULL
                        WHEN h < 97 THEN issue + 10
                        ELSE issue + 31 + i % 9 END,
         pay_ore = CASE WHEN h >= 60 AND h < 80 AND i % 10 <> 0 THEN total + 6000
                        WHEN h >= 88 AND h < 92 THEN total / 2
                        ELSE total END,
         reminder = CASE WHEN h >= 60 AND h < 92 THEN issue + 40 END,
         final = CASE WHEN h >= 80 AND h < 92 THEN issue + 54 END,
         handover = CASE WHEN h >= 80 AND h < 88 THEN issue + 68 END`,
    );
    await run(
      `UPDATE f SET pay_day = CASE WHEN pay_day < $1::date THEN pay_day END,
                    reminder = CASE WHEN reminder < $1::date THEN reminder END,
                    final = CASE WHEN final < $1::date THEN final END,
                    handover = CASE WHEN handover < $1::date THEN handover END`,
      [formatCalendarDate(today)],
    );
    await run(
      `INSERT INTO "Invoice" ("id", "organizationId", "customerId", "number", "status", "issueDate",
         "dueDate", "periodStart", "periodEnd", "totalOre", "netOre", "vatOre", "version",
         "handedOverAt", "updatedAt")
       SELECT id, $1, customer, i + 1,
              (CASE WHEN h >= 92 AND h < 95 THEN 'CREDITED'
                    WHEN pay_day IS NOT NULL AND pay_ore >= total THEN 'PAID'
                    WHEN due < $2::date THEN 'OVERDUE' ELSE 'OPEN' END)::"InvoiceStatus",
              issue, due, issue - 30, issue - 1, total, total * 4 / 5, total / 5, 2,
              handover::timestamp + interval '9 hours', now()
         FROM f`,
      [organizationId, formatCalendarDate(today)],
    );
    await run(
      `INSERT INTO "LedgerEntry" ("id", "organizationId", "invoiceId", "kind", "amountOre",
         "externalRef", "occurredAt")
       SELECT gen_random_uuid()::text, $1, id, 'INVOICE_ISSUED'::"LedgerEntryKind", total, NULL, issue::timestamp FROM f
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'PAYMENT'::"LedgerEntryKind", -pay_ore, 'bench-pay-' || id,
              pay_day::timestamp + interval '10 hours' FROM f WHERE pay_day IS NOT NULL
       UNION ALL
       SELECT 'fee00000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), $1, id, 'FEE'::"LedgerEntryKind", 6000,
              'reminder-fee:' || id, reminder::timestamp + interval '6 hours'
         FROM f WHERE reminder IS NOT NULL
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'FEE'::"LedgerEntryKind", -6000,
              'waive:fee00000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'),
              reminder::timestamp + interval '1 day 6 hours'
         FROM f WHERE reminder IS NOT NULL AND h >= 60 AND h < 80 AND i % 10 = 0
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'FEE'::"LedgerEntryKind", 18000, 'collection-fee:' || id,
              handover::timestamp + interval '6 hours' FROM f WHERE handover IS NOT NULL
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'FEE'::"LedgerEntryKind", 500 + total / 100,
              'interest:' || id || ':' || $2, handover::timestamp + interval '6 hours'
         FROM f WHERE handover IS NOT NULL
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'CREDIT'::"LedgerEntryKind", -total, 'credit-note:' || id,
              (issue + 10)::timestamp FROM f WHERE h >= 92 AND h < 95 AND issue + 10 < $3::date
       UNION ALL
       SELECT gen_random_uuid()::text, $1, id, 'REFUND'::"LedgerEntryKind", total / 5, 'bench-refund-' || id,
              (issue + 20)::timestamp FROM f
        WHERE h >= 95 AND h < 97 AND pay_day IS NOT NULL AND issue + 20 < $3::date`,
      [organizationId, step("COLLECTION_HANDOVER"), formatCalendarDate(today)],
    );
    const actionColumns = `("id", "organizationId", "invoiceId", "policyId", "stepId", "kind",
      "channel", "plannedFor", "performedOn", "amountDueOre", "feeOre", "reason", "sendStatus",
      "variantKey")`;
    for (const [kind, column, fee, variant] of [
      ["REMINDER", "reminder", 6000, true],
      ["FINAL_REMINDER", "final", 0, false],
      ["COLLECTION_HANDOVER", "handover", 18000, false],
    ] as const) {
      await run(
        `INSERT INTO "CollectionAction" ${actionColumns}
         SELECT gen_random_uuid()::text, $1, id, $2, $3, $4::"CollectionStepKind", 'EMAIL',
                ${column}, ${column}, total, $5, 'bench', 'SENT',
                CASE WHEN $6::boolean THEN (CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END) END
           FROM f WHERE ${column} IS NOT NULL`,
        [organizationId, policy.id, step(kind), kind, fee, variant],
      );
    }
    // What became of each reminder, as the outcome job would have written it.
    await run(
      `INSERT INTO "CollectionOutcome" ("actionId", "organizationId", "invoiceId", "policyId",
         "stepId", "variantKey", "band", "performedOn", "paidWithin14", "reachedNextStep",
         "supportContacts14d", "churned90d", "feeOre", "reward", "final", "updatedAt")
       SELECT a."id", $1, a."invoiceId", a."policyId", a."stepId", a."variantKey",
              CASE WHEN c."isBusiness" THEN 'business' ELSE 'consumer' END, a."performedOn",
              CASE WHEN f.pay_day IS NOT NULL AND f.pay_day <= a."performedOn" + 14 THEN true
                   WHEN a."performedOn" + 14 <= $2::date THEN false END,
              f.final IS NOT NULL, (f.i % 20 = 0)::int,
              CASE WHEN a."performedOn" + 90 <= $2::date THEN f.i % 13 = 0 END, 6000,
              CASE WHEN a."performedOn" + 90 <= $2::date
                   THEN (CASE WHEN f.pay_day IS NOT NULL THEN 0.8 ELSE 0.1 END)
                        - (CASE WHEN a."variantKey" = 'B' THEN 0.05 ELSE 0 END) END,
              a."performedOn" + 90 <= $2::date, now()
         FROM "CollectionAction" a JOIN f ON f.id = a."invoiceId"
         JOIN "Customer" c ON c."id" = f.customer
        WHERE a."kind" = 'REMINDER'`,
      [organizationId, formatCalendarDate(today)],
    );
    // Chats on one invoice in twenty: one to three customer messages and support's answer.
    await run(
      `INSERT INTO "Conversation" ("id", "organizationId", "invoiceId", "customerId", "lastSeq",
         "updatedAt")
       SELECT 'a0000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'), $1, id, customer, 4, now()
         FROM f WHERE i % 20 = 0`,
      [organizationId],
    );
    await run(
      `INSERT INTO "ChatMessage" ("id", "organizationId", "conversationId", "seq", "authorType",
         "body", "createdAt")
       SELECT gen_random_uuid()::text, $1, 'a0000000-0000-4000-8000-' || lpad(to_hex(f.i), 12, '0'),
              s, (CASE WHEN s <= 1 + f.i % 3 THEN 'CUSTOMER' ELSE 'STAFF' END)::"ChatAuthorType",
              'Fråga om fakturan', f.issue::timestamp + make_interval(days => 3, hours => s)
         FROM f CROSS JOIN generate_series(1, 4) AS s WHERE f.i % 20 = 0`,
      [organizationId],
    );
    const counts = (
      await run(
        `SELECT (SELECT count(*) FROM "LedgerEntry")::int AS ledger,
                (SELECT count(*) FROM "CollectionAction")::int AS actions,
                (SELECT count(*) FROM "ChatMessage")::int AS messages,
                (SELECT count(*) FROM "CollectionOutcome")::int AS outcomes`,
      )
    ).rows[0] as Record<string, number>;
    await run("DROP TABLE f");
    await run("ANALYZE");
    const conditions = {
      database: "postgresql",
      machineCores: os.cpus().length,
      today: formatCalendarDate(today),
      data: `${count} invoices of ${customers} customers over ${SPAN_DAYS} days; ${counts.ledger} ledger entries, ${counts.actions} collection steps (${counts.outcomes} with outcomes), ${counts.messages} chat messages`,
      seedSeconds: round((performance.now() - seeded) / 1000),
    };

    // References, in the same run: a primary-key lookup and counting the invoices.
    const anInvoice = "00000000-0000-4000-8000-000000000001";
    const pkLookup = await repeated(() =>
      db.invoice.findUnique({ where: { id: anInvoice }, select: { id: true, totalOre: true } }),
    );
    print({ figure: "reference: a primary-key lookup (Prisma)", ...pkLookup, ...conditions });
    const counted = await timed(() =>
      run(`SELECT count(*)::int AS n FROM "Invoice" WHERE "organizationId" = $1`, [organizationId]),
    );
    print({
      figure: "reference: SELECT count(*) over the organisation's invoices",
      rows: counted.result.rows[0].n,
      seconds: round(counted.ms / 1000, 3),
    });

    const now = new Date(`${formatCalendarDate(today)}T05:00:00Z`);
    const full = await timed(() => refreshReceivables(db, { organizationId, now, full: true }));
    print({
      figure: "full refresh (first run): every issue day recomputed",
      ...full.result,
      seconds: round(full.ms / 1000),
      invoicesPerSecond: Math.round(count / (full.ms / 1000)),
      vsCount: Math.round(full.ms / counted.ms),
    });
    const daily = await timed(() => refreshReceivables(db, { organizationId, now }));
    print({
      figure: "daily refresh: the last 180 issue days",
      ...daily.result,
      seconds: round(daily.ms / 1000),
      vsCount: Math.round(daily.ms / counted.ms),
    });
    const storedRows = await db.receivablesDaily.count({ where: { organizationId } });

    const year = (query: Record<string, string>) =>
      receivablesFilter(
        receivablesQuerySchema.parse({
          from: formatCalendarDate(
            new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth() + 1, 1)),
          ),
          to: formatCalendarDate(today),
          ...query,
        }),
        today,
      );
    for (const [name, query] of [
      ["a year by month, everyone", { period: "month" }],
      ["a year by month, segment 'student'", { period: "month", segment: "student" }],
      ["a year by month, businesses", { period: "month", kind: "business" }],
      ["a year by week, everyone", { period: "week" }],
    ] as const) {
      const filter = year(query);
      let periods = 0;
      let invoices = 0;
      const timing = await repeated(async () => {
        const dashboard = await loadReceivablesDashboard(db, { organizationId, filter, today });
        periods = dashboard.periods.length;
        invoices = dashboard.total.invoices;
      });
      print({
        figure: `dashboard read: ${name}`,
        periods,
        invoices,
        storedRows,
        ...timing,
        goalP95Ms: 300,
        p95VsPrimaryKeyLookup: round(timing.p95Ms / pkLookup.p95Ms, 1),
      });
    }
    await client.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
