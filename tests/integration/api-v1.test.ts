import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { API_OPERATIONS } from "@/lib/api/operations";
import { setDatabase } from "@/lib/db/client";
import { loadLinkPage } from "@/lib/invoice-page/page-request";
import { api } from "@/tests/helpers/api-client";
import { createOrganization } from "@/tests/helpers/fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * API v1 as an integrator meets it, through the real route handlers on the real database: the
 * exchange from the README, idempotent replays, another organisation's ids, scopes, rate limits
 * and bad input. Every answer is checked against its operation's documented schema.
 */
process.env.NEXTAUTH_SECRET ??= "api-v1-test-secret-0123456789abcdef0123";
process.env.APP_URL ??= "http://nota.test";

let database: TestDatabase;
let key: string;
let otherKey: string;
let readOnlyKey: string;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  const organization = await createOrganization(database.prisma);
  const other = await createOrganization(database.prisma);
  const all = [
    "invoices:write",
    "invoices:read",
    "customers:write",
    "usage:write",
    "payments:write",
    "webhooks:manage",
  ] as const;
  key = (
    await createApiKey({
      db: database.prisma,
      organizationId: organization.id,
      input: { name: "ERP", mode: "TEST", scopes: [...all] },
    })
  ).key;
  otherKey = (
    await createApiKey({
      db: database.prisma,
      organizationId: other.id,
      input: { name: "Other ERP", mode: "TEST", scopes: [...all] },
    })
  ).key;
  readOnlyKey = (
    await createApiKey({
      db: database.prisma,
      organizationId: organization.id,
      input: { name: "Reports", mode: "LIVE", scopes: ["invoices:read"] },
    })
  ).key;
});
afterAll(async () => database?.close());

/** The answer must be what the operation documents. */
function documented(operation: keyof typeof API_OPERATIONS, status: number, body: unknown) {
  const answer = API_OPERATIONS[operation].responses.find((r) => r.status === status);
  expect(answer, `${operation} documents ${status}`).toBeDefined();
  if (answer && "schema" in answer && answer.schema) {
    const parsed = answer.schema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
  }
}

const CUSTOMER = {
  externalId: "C-1",
  name: "Łukasz Wiśniewski",
  email: "lukasz@example.se",
  locale: "sv",
  address: { line1: "Śląska gatan 3", postalCode: "41301", city: "Göteborg" },
};

const INVOICE = {
  customer: { externalId: "C-1" },
  externalId: "INV-1",
  periodStart: "2026-11-01",
  periodEnd: "2026-11-30",
  dueDate: "2026-12-31",
  issue: true,
  delivery: "none",
  lines: [
    {
      description: "Elförbrukning",
      quantity: "412.5",
      unit: "kWh",
      unitPriceOre: "118.25",
      vatRate: 25,
    },
    {
      description: "Energiskatt",
      quantity: "412.5",
      unit: "kWh",
      unitPriceOre: "43.9",
      vatRate: 25,
    },
  ],
};

describe(`API v1 (${testDatabaseKind})`, () => {
  it("takes the README's first exchange as written: a customer, then an issued invoice with its link", async () => {
    const customer = await api("POST", "/api/v1/customers", {
      key,
      body: CUSTOMER,
      headers: { "idempotency-key": "c-1" },
    });
    expect(customer.status).toBe(201);
    documented("createCustomer", 201, customer.body);
    expect(customer.body).toMatchObject({ externalId: "C-1", name: "Łukasz Wiśniewski" });

    const invoice = await api("POST", "/api/v1/invoices", {
      key,
      body: INVOICE,
      headers: { "idempotency-key": "i-1" },
    });
    expect(invoice.status, JSON.stringify(invoice.body)).toBe(201);
    documented("createInvoice", 201, invoice.body);
    // 412,5 kWh × 118,25 öre = 48 778,125 → 48 778 öre; × 43,90 öre = 18 108,75 → 18 109 öre.
    expect(invoice.body).toMatchObject({
      status: "OPEN",
      externalId: "INV-1",
      netOre: 48_778 + 18_109,
      dueDate: "2026-12-31",
      lines: [
        { quantity: "412.5", unitPriceOre: "118.25" },
        { quantity: "412.5", unitPriceOre: "43.9" },
      ],
    });
    expect(invoice.body.number).toBeGreaterThan(0);
    expect(invoice.body.ocr).toMatch(/^\d+$/);
    expect(invoice.body.totalOre).toBe(
      invoice.body.netOre + invoice.body.vatOre + invoice.body.roundingOre,
    );
    expect(invoice.body.amountDueOre).toBe(invoice.body.totalOre);
    expect(invoice.body.deliveries).toEqual([]);
    expect(invoice.body.customerUrl).toMatch(/^http:\/\/nota\.test\/i\/[A-Za-z0-9_-]{43}$/);
    expect(invoice.body.pdfUrl).toBe(`${invoice.body.customerUrl}/pdf`);

    // The link serves the customer's page of that invoice.
    const token = invoice.body.customerUrl.split("/").at(-1);
    const page = await loadLinkPage({ headers: new Headers(), token });
    expect(page?.data.invoice.number).toBe(invoice.body.number);
    expect(page?.data.customer.name).toBe("Łukasz Wiśniewski");
  });

  it("replays the first answer for the same key and body, refuses another body, and never creates twice", async () => {
    const body = { ...INVOICE, externalId: "INV-REPLAY" };
    const first = await api("POST", "/api/v1/invoices", {
      key,
      body,
      headers: { "idempotency-key": "replay-1" },
    });
    expect(first.status).toBe(201);
    const again = await api("POST", "/api/v1/invoices", {
      key,
      body,
      headers: { "idempotency-key": "replay-1" },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const other = await api("POST", "/api/v1/invoices", {
      key,
      body: { ...body, dueDate: "2027-01-15" },
      headers: { "idempotency-key": "replay-1" },
    });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    // Keys are per API key: another organisation's same key is its own.
    const theirs = await api("POST", "/api/v1/customers", {
      key: otherKey,
      body: CUSTOMER,
      headers: { "idempotency-key": "replay-1" },
    });
    expect(theirs.status).toBe(201);
    expect(await database.prisma.invoice.count({ where: { externalId: "INV-REPLAY" } })).toBe(1);
    // The kept answer holds the link's secret: it is stored sealed, never in clear.
    const kept = await database.prisma.idempotencyKey.findMany({ where: { key: "replay-1" } });
    const token = first.body.customerUrl.split("/").at(-1);
    expect(kept.length).toBeGreaterThan(0);
    for (const row of kept) expect(JSON.stringify(row.responseBody)).not.toContain(token);
  });

  it("answers concurrent requests with one key once: the rest wait (409) or get the same answer", async () => {
    const body = { ...INVOICE, externalId: "INV-RACE" };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api("POST", "/api/v1/invoices", { key, body, headers: { "idempotency-key": "race-1" } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(await database.prisma.invoice.count({ where: { externalId: "INV-RACE" } })).toBe(1);
  });

  it("keeps organisations apart, checks scopes and the key, and refuses bad input with a pointer", async () => {
    const created = await api("POST", "/api/v1/invoices", {
      key,
      body: { ...INVOICE, externalId: "INV-PRIVATE", issue: false },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("DRAFT");
    expect(created.body.customerUrl).toBeUndefined();
    const id = created.body.id;
    expect((await api("GET", `/api/v1/invoices/${id}`, { key: otherKey })).status).toBe(404);
    expect((await api("GET", `/api/v1/invoices/${id}`, { key: readOnlyKey })).status).toBe(200);
    const forbidden = await api("POST", "/api/v1/invoices", { key: readOnlyKey, body: INVOICE });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe("FORBIDDEN");
    const anonymous = await api("GET", `/api/v1/invoices/${id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await api("GET", `/api/v1/invoices/${id}`, {
      key: `nota_test_${"A".repeat(43)}`,
    });
    expect(wrong.status).toBe(401);

    const typo = await api("POST", "/api/v1/invoices", {
      key,
      body: { ...INVOICE, externalId: "INV-TYPO", dueDat: "2026-12-31" },
    });
    expect(typo.status).toBe(400);
    const zeroVat = await api("POST", "/api/v1/invoices", {
      key,
      body: {
        ...INVOICE,
        externalId: "INV-ZERO",
        lines: [{ ...INVOICE.lines[0], vatRate: 0 }],
      },
    });
    expect(zeroVat.status).toBe(400);
    expect(zeroVat.body.param).toBe("/lines/0/vatExemptionReason");
    const badPrice = await api("POST", "/api/v1/invoices", {
      key,
      body: {
        ...INVOICE,
        externalId: "INV-PRICE",
        lines: [{ ...INVOICE.lines[0], unitPriceOre: "1.234" }],
      },
    });
    expect(badPrice.status).toBe(400);
    expect(badPrice.body.param).toBe("/lines/0/unitPriceOre");
    const notJson = await api("POST", "/api/v1/invoices", { key, rawBody: "{nope" });
    expect(notJson.status).toBe(400);
    const xml = await api("POST", "/api/v1/invoices", {
      key,
      rawBody: "<x/>",
      headers: { "content-type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    const duplicate = await api("POST", "/api/v1/invoices", {
      key,
      body: { ...INVOICE, externalId: "INV-PRIVATE" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.param).toBe("/externalId");
    // Nothing of the refused requests was written.
    expect(
      await database.prisma.invoice.count({
        where: { externalId: { in: ["INV-TYPO", "INV-ZERO", "INV-PRICE"] } },
      }),
    ).toBe(0);
  });

  it("lists with cursor pages and filters, and updates and issues a draft", async () => {
    const drafts = [];
    for (const n of [1, 2, 3]) {
      const made = await api("POST", "/api/v1/invoices", {
        key,
        body: { ...INVOICE, externalId: `INV-PAGE-${n}`, issue: false },
      });
      drafts.push(made.body.id);
    }
    const first = await api("GET", "/api/v1/invoices?status=DRAFT&limit=2", { key });
    expect(first.status).toBe(200);
    documented("listInvoices", 200, first.body);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    const second = await api(
      "GET",
      `/api/v1/invoices?status=DRAFT&limit=2&starting_after=${first.body.nextStartingAfter}`,
      { key },
    );
    const seen = [...first.body.data, ...second.body.data].map((i: { id: string }) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of drafts) expect(seen).toContain(id);
    const byExternal = await api("GET", "/api/v1/invoices?external_id=INV-PAGE-2", { key });
    expect(byExternal.body.data.map((i: { id: string }) => i.id)).toEqual([drafts[1]]);

    const updated = await api("PATCH", `/api/v1/invoices/${drafts[0]}`, {
      key,
      body: {
        expectedVersion: 1,
        periodStart: "2026-11-01",
        periodEnd: "2026-11-30",
        dueDate: "2027-01-05",
        lines: [
          {
            description: "Fast avgift",
            quantity: "1",
            unit: "mån",
            unitPriceOre: "29900",
            vatRate: 25,
          },
        ],
      },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    documented("updateInvoice", 200, updated.body);
    expect(updated.body.lines).toHaveLength(1);
    expect(updated.body.version).toBe(2);
    const { periodStart, periodEnd, lines } = INVOICE;
    const stale = await api("PATCH", `/api/v1/invoices/${drafts[0]}`, {
      key,
      body: { periodStart, periodEnd, lines, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "STALE_VERSION", details: { currentVersion: 2 } });
    const issued = await api("POST", `/api/v1/invoices/${drafts[0]}/issue`, { key });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    documented("issueInvoice", 200, issued.body);
    expect(issued.body).toMatchObject({ status: "OPEN", dueDate: "2027-01-05", totalOre: 37_400 });
    expect(issued.body.customerUrl).toMatch(/\/i\//);
    const again = await api("POST", `/api/v1/invoices/${drafts[0]}/issue`, { key });
    expect(again.status).toBe(409);
  });

  it("takes a draft with hourly usage, issues it, and the customer's page shows that usage", async () => {
    // Two days of hourly readings in Swedish winter time (+01:00): 0.5 kWh at night, 1.25 by day.
    const points = Array.from({ length: 48 }, (_, index) => {
      const day = index < 24 ? "2026-11-01" : "2026-11-02";
      const hour = index % 24;
      return {
        at: `${day}T${String(hour).padStart(2, "0")}:00:00+01:00`,
        quantity: hour >= 7 && hour < 22 ? "1.25" : "0.5",
      };
    });
    const draft = await api("POST", "/api/v1/invoices", {
      key,
      body: {
        ...INVOICE,
        externalId: "INV-HOURLY",
        issue: false,
        usage: [{ unit: "kWh", resolution: "hour", points }],
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.status).toBe("DRAFT");
    const issued = await api("POST", `/api/v1/invoices/${draft.body.id}/issue`, { key });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);

    const token = issued.body.customerUrl.split("/").at(-1);
    const page = await loadLinkPage({ headers: new Headers(), token });
    const usage = page?.data.usage;
    expect(usage).toMatchObject({ unit: "KWH", resolution: "HOUR" });
    expect(usage!.points).toHaveLength(48);
    // Kept as the page reads hourly data: the Swedish wall-clock time in the UTC fields, so
    // 00:00 in Stockholm (+01:00) is the first hour of 1 November.
    expect(usage!.points[0]!.at.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(usage!.points[8]!.quantityMilli).toBe(1_250);
    // 2 days × (15 hours × 1.25 + 9 hours × 0.5) = 2 × 23.25 kWh.
    expect(usage!.current.totalMilli).toBe(46_500);
    expect(usage!.current.daysWithData).toBe(2);
    // The lines bill 412.5 kWh, not the 46.5 metered here: no line is this usage's cost.
    expect(usage!.usageCostOre).toBeNull();
  });
});
