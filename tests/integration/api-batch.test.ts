import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { API_OPERATIONS } from "@/lib/api/operations";
import { setDatabase } from "@/lib/db/client";
import { loadLinkPage } from "@/lib/invoice-page/page-request";
import { api } from "@/tests/helpers/api-client";
import { createOrganization } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * An invoice run through POST /api/v1/invoices/batch: a thousand invoices, some already there,
 * some twice in the run, some wrong — each answered on its own — and the rows it writes are the
 * rows the single POST writes for the same invoice.
 */
process.env.NEXTAUTH_SECRET ??= "api-batch-test-secret-0123456789abcdef0123";
process.env.APP_URL ??= "http://nota.test";

let database: TestDatabase;
let key: string;
let organizationId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  organizationId = (await createOrganization(database.prisma)).id;
  key = (
    await createApiKey({
      db: database.prisma,
      organizationId,
      input: {
        name: "ERP",
        mode: "TEST",
        scopes: ["invoices:write", "invoices:read", "customers:write", "usage:write"],
      },
    })
  ).key;
  for (const n of [1, 2, 3]) {
    const made = await api("POST", "/api/v1/customers", {
      key,
      body: {
        externalId: `B-${n}`,
        name: `Kund ${n}`,
        email: n === 3 ? undefined : `kund${n}@example.se`,
        address: { line1: "Gatan 1", postalCode: "11122", city: "Stockholm" },
      },
    });
    expect(made.status).toBe(201);
  }
});
afterAll(async () => database?.close());

function invoiceFor(n: number, overrides: Record<string, unknown> = {}) {
  return {
    customer: { externalId: `B-${(n % 3) + 1}` },
    externalId: `RUN-${n}`,
    periodStart: "2026-11-01",
    periodEnd: "2026-11-30",
    issue: true,
    delivery: "auto",
    lines: [
      {
        kind: "USAGE",
        description: "Elförbrukning",
        quantity: "412.5",
        unit: "kWh",
        unitPriceOre: "118.25",
        vatRate: 25,
      },
      {
        kind: "USAGE",
        description: "Energiskatt",
        quantity: "412.5",
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
        // Each invoice its own month of readings (readings are the customer's, one per day).
        points: Array.from({ length: 28 }, (_, d) => ({
          at: new Date(Date.UTC(2000 + Math.floor(n / 12), n % 12, d + 1))
            .toISOString()
            .slice(0, 10),
          quantity: String(10 + ((n + d) % 7)),
        })),
      },
    ],
    ...overrides,
  };
}

describe(`the invoice run (${testDatabaseKind})`, () => {
  it("answers a thousand invoices one by one: created, duplicate or refused with its problem", async () => {
    const earlier = await api("POST", "/api/v1/invoices", { key, body: invoiceFor(0) });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    const items: unknown[] = Array.from({ length: 1000 }, (_, n) => invoiceFor(n));
    items[10] = invoiceFor(10, {
      lines: [{ description: "Fel", quantity: "1", unit: "st", unitPriceOre: "100", vatRate: 7 }],
    });
    items[20] = invoiceFor(20, { customer: { externalId: "NOBODY" } });
    items[30] = invoiceFor(5); // RUN-5 twice in the run
    items[40] = { ...invoiceFor(40), surprise: true };
    items[50] = invoiceFor(50, { delivery: "sms" }); // B-3 (50 % 3 + 1 = 3) has no phone

    const run = await api("POST", "/api/v1/invoices/batch", { key, body: items });
    expect(run.status, JSON.stringify(run.body).slice(0, 500)).toBe(200);
    const answer = API_OPERATIONS.batchInvoices.responses[0]!.schema.safeParse(run.body);
    expect(answer.success).toBe(true);
    expect(run.body).toMatchObject({ created: 994, duplicates: 2, refused: 4 });
    const results = run.body.results as Array<{
      index: number;
      status: string;
      problem?: { param?: string; code: string };
      number?: number;
    }>;
    expect(results.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(results[0]).toMatchObject({ status: "duplicate", id: earlier.body.id });
    expect(results[30]).toMatchObject({ status: "duplicate" });
    expect(results[10]).toMatchObject({
      status: "refused",
      problem: { code: "BAD_INPUT", param: "/10/lines/0/vatRate" },
    });
    expect(results[20]).toMatchObject({
      status: "refused",
      problem: { code: "NOT_FOUND", param: "/20/customer" },
    });
    expect(results[40]).toMatchObject({ status: "refused", problem: { code: "BAD_INPUT" } });
    expect(results[50]).toMatchObject({ status: "refused", problem: { param: "/50/delivery" } });
    // The numbers are one gap-free block after the earlier invoice.
    const numbers = results
      .filter((r) => r.status === "created")
      .map((r) => r.number!)
      .sort((a, b) => a - b);
    expect(numbers[0]).toBe(earlier.body.number + 1);
    expect(numbers.at(-1)! - numbers[0]!).toBe(numbers.length - 1);
    expect(await database.prisma.invoice.count({ where: { organizationId } })).toBe(995);
    // Deliveries planned for those with an address (B-3 has none: auto sends nothing).
    const deliveries = await database.prisma.invoiceDelivery.count({ where: { organizationId } });
    expect(deliveries).toBe(
      results.filter((r, i) => r.status === "created" && i % 3 !== 2).length + 1,
    );
    expect((await queuedJobs(database.prisma, "invoices.deliver")).length).toBe(deliveries);

    // Sent again (a retried run): every one is a duplicate, nothing new.
    const again = await api("POST", "/api/v1/invoices/batch", {
      key,
      rawBody: items
        .slice(0, 5)
        .map((item) => JSON.stringify(item))
        .join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(again.body).toMatchObject({ created: 0, duplicates: 5, refused: 0 });
  }, 120_000);

  it("writes the same rows as the single POST for the same invoice", async () => {
    const single = await api("POST", "/api/v1/invoices", {
      key,
      body: invoiceFor(2001, { externalId: "SAME-1" }),
    });
    const run = await api("POST", "/api/v1/invoices/batch", {
      key,
      body: [invoiceFor(2001, { externalId: "SAME-2", usage: undefined })],
    });
    expect(run.body.created).toBe(1);
    const load = (externalId: string) =>
      database.prisma.invoice.findFirstOrThrow({
        where: { organizationId, externalId },
        include: {
          lines: { orderBy: { position: "asc" } },
          ledgerEntries: true,
          events: { orderBy: { type: "asc" } },
          links: true,
          deliveries: true,
        },
      });
    const a = await load("SAME-1");
    const b = await load("SAME-2");
    const strip = (row: typeof a) => ({
      ...row,
      id: undefined,
      externalId: undefined,
      number: undefined,
      ocr: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      lines: row.lines.map(({ id: _, invoiceId: __, ...line }) => line),
      ledgerEntries: row.ledgerEntries.map(
        ({ id: _, invoiceId: __, occurredAt: ___, ...entry }) => entry,
      ),
      events: row.events.map(({ id: _, invoiceId: __, occurredAt: ___, data, ...event }) => ({
        ...event,
        data: { ...(data as object), number: undefined },
      })),
      links: row.links.map(({ purpose, revokedAt, expiresAt }) => ({
        purpose,
        revokedAt,
        expiresAt,
      })),
      deliveries: row.deliveries.map(({ channel, recipient, status }) => ({
        channel,
        recipient,
        status,
      })),
    });
    expect(strip(b)).toEqual(strip(a));
    expect(b.number).toBe(a.number! + 1);
    expect(single.body.totalOre).toBe(b.totalOre);
  });

  it("serves the customer's page with the usage the run sent", async () => {
    const run = await api("POST", "/api/v1/invoices/batch", {
      key,
      body: [
        invoiceFor(3001, {
          externalId: "HOURLY-1",
          usage: [
            {
              unit: "kWh",
              resolution: "hour",
              points: Array.from({ length: 48 }, (_, h) => ({
                at: new Date(Date.UTC(2026, 9, 1, h)).toISOString(),
                quantity: (0.4 + (h % 24) / 40).toFixed(3),
              })),
            },
          ],
        }),
      ],
    });
    expect(run.body.created).toBe(1);
    const token = (run.body.results[0].customerUrl as string).split("/").at(-1)!;
    const page = await loadLinkPage({ headers: new Headers(), token });
    expect(page?.data.invoice.number).toBe(run.body.results[0].number);
    const readings = await database.prisma.usageReading.count({
      where: { invoiceId: run.body.results[0].id, resolution: "HOUR" },
    });
    expect(readings).toBe(48);
  });
});
