import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { API_OPERATIONS, type ApiOperationId } from "@/lib/api/operations";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { setDatabase } from "@/lib/db/client";
import { api } from "@/tests/helpers/api-client";
import { generateCamt054 } from "@/tests/helpers/bank-file-generator";
import { createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule, sessionCookieFor } from "@/tests/helpers/route-harness";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * The contract of API v1: every route is an operation of the OpenAPI document and every operation
 * a route; each operation answers a real request with what it documents (checked against its
 * schema); and each refuses the wrong callers — no key (or a staff session instead), a key without
 * its scope, another organisation's key on this organisation's ids. A route added without its
 * operation, or an operation without its checks, fails here.
 */
process.env.NEXTAUTH_SECRET ??= "api-contract-test-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

let database: TestDatabase;
const keys = {} as Record<"all" | "other" | ApiScope, string>;
let staffCookie: string;

const allScopes = [...API_SCOPES];
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  const organization = await createOrganization(database.prisma);
  const other = await createOrganization(database.prisma);
  const make = async (organizationId: string, scopes: ApiScope[]) =>
    (
      await createApiKey({
        db: database.prisma,
        organizationId,
        input: { name: "k", mode: "TEST", scopes },
      })
    ).key;
  keys.all = await make(organization.id, allScopes);
  keys.other = await make(other.id, allScopes);
  // For each scope, a key with every other scope: what that scope alone guards is refused to it.
  for (const scope of API_SCOPES)
    keys[scope] = await make(
      organization.id,
      allScopes.filter((s) => s !== scope),
    );
  const admin = await database.prisma.staffUser.create({
    data: {
      organizationId: organization.id,
      email: `admin.${crypto.randomUUID().slice(0, 8)}@example.se`,
      name: "Ada Admin",
      passwordHash: "x",
      role: "ADMIN",
    },
  });
  staffCookie = await sessionCookieFor({
    id: admin.id,
    role: "ADMIN",
    organizationId: organization.id,
  });
});
afterAll(async () => database?.close());

let serial = 0;
const next = () => `${Date.now()}-${++serial}`;
const customerBody = () => ({
  externalId: `CC-${next()}`,
  name: "Kim Kontrakt",
  email: "kim@example.se",
  address: { line1: "Gatan 1", postalCode: "11122", city: "Stockholm" },
});
const invoiceBody = (customerId: string, issue: boolean) => ({
  customer: { id: customerId },
  externalId: `CI-${next()}`,
  periodStart: "2026-11-01",
  periodEnd: "2026-11-30",
  issue,
  delivery: "none",
  lines: [
    { description: "Abonnemang", quantity: "1", unit: "mån", unitPriceOre: "19900", vatRate: 25 },
  ],
});

async function made(method: "POST", path: string, body: unknown) {
  const answer = await api(method, path, { key: keys.all, body });
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}
const customer = () => made("POST", "/api/v1/customers", customerBody());
const invoice = async (issue: boolean) =>
  made("POST", "/api/v1/invoices", invoiceBody((await customer()).id, issue));
const plan = () =>
  made("POST", "/api/v1/plans", {
    externalId: `CP-${next()}`,
    code: `P${serial}`,
    name: "Plan",
    kind: "BROADBAND",
    monthlyFeeOre: 29_900,
  });
const endpoint = () =>
  made("POST", "/api/v1/webhook-endpoints", {
    url: "https://erp.example.se/hooks/nota",
    events: ["invoice.issued"],
  });

type ApiRequest = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  /** A body sent as written (a bank file), with its content type. */
  rawBody?: string;
  contentType?: string;
  hasId: boolean;
};

/** A valid request of each operation, on this organisation's data (made through the API). */
const REQUESTS: Record<ApiOperationId, () => Promise<ApiRequest>> = {
  createCustomer: async () => ({
    method: "POST",
    path: "/api/v1/customers",
    body: customerBody(),
    hasId: false,
  }),
  listCustomers: async () => ({ method: "GET", path: "/api/v1/customers?limit=5", hasId: false }),
  getCustomer: async () => ({
    method: "GET",
    path: `/api/v1/customers/${(await customer()).id}`,
    hasId: true,
  }),
  updateCustomer: async () => ({
    method: "PATCH",
    path: `/api/v1/customers/${(await customer()).id}`,
    body: { name: "Kim Nytt Namn" },
    hasId: true,
  }),
  upsertPlan: async () => ({
    method: "POST",
    path: "/api/v1/plans",
    body: {
      externalId: `CP-${next()}`,
      code: `Q${serial}`,
      name: "P",
      kind: "ENERGY",
      monthlyFeeOre: 1,
      unitPriceOre: "43.9",
      usageUnit: "kWh",
    },
    hasId: false,
  }),
  listPlans: async () => ({ method: "GET", path: "/api/v1/plans", hasId: false }),
  upsertContract: async () => ({
    method: "POST",
    path: "/api/v1/contracts",
    body: {
      externalId: `CK-${next()}`,
      customer: { id: (await customer()).id },
      plan: { id: (await plan()).id },
      startsOn: "2026-01-01",
    },
    hasId: false,
  }),
  listContracts: async () => ({ method: "GET", path: "/api/v1/contracts", hasId: false }),
  getContract: async () => {
    const contract = await made("POST", "/api/v1/contracts", {
      externalId: `CK-${next()}`,
      customer: { id: (await customer()).id },
      plan: { id: (await plan()).id },
      startsOn: "2026-01-01",
    });
    return { method: "GET", path: `/api/v1/contracts/${contract.id}`, hasId: true };
  },
  createInvoice: async () => ({
    method: "POST",
    path: "/api/v1/invoices",
    body: invoiceBody((await customer()).id, true),
    hasId: false,
  }),
  listInvoices: async () => ({
    method: "GET",
    path: "/api/v1/invoices?status=OPEN&limit=3",
    hasId: false,
  }),
  batchInvoices: async () => ({
    method: "POST",
    path: "/api/v1/invoices/batch",
    body: [invoiceBody((await customer()).id, true)],
    hasId: false,
  }),
  getInvoice: async () => ({
    method: "GET",
    path: `/api/v1/invoices/${(await invoice(true)).id}`,
    hasId: true,
  }),
  updateInvoice: async () => {
    const draft = await invoice(false);
    const { lines, periodStart, periodEnd } = invoiceBody(draft.customer.id, false);
    return {
      method: "PATCH",
      path: `/api/v1/invoices/${draft.id}`,
      body: { lines, periodStart, periodEnd },
      hasId: true,
    };
  },
  issueInvoice: async () => ({
    method: "POST",
    path: `/api/v1/invoices/${(await invoice(false)).id}/issue`,
    body: { delivery: "none" },
    hasId: true,
  }),
  creditInvoice: async () => ({
    method: "POST",
    path: `/api/v1/invoices/${(await invoice(true)).id}/credit`,
    body: { reason: "Fel pris", mode: { kind: "full" } },
    hasId: true,
  }),
  registerPayment: async () => ({
    method: "POST",
    path: `/api/v1/invoices/${(await invoice(true)).id}/payments`,
    body: { externalId: `PAY-${next()}`, amountOre: 10_000, method: "bank_transfer" },
    hasId: true,
  }),
  listInvoiceEvents: async () => ({
    method: "GET",
    path: `/api/v1/invoices/${(await invoice(true)).id}/events`,
    hasId: true,
  }),
  uploadBankFile: async () => ({
    method: "POST",
    path: "/api/v1/bank-files",
    // A file the import will refuse (not this organisation's account): the upload itself is 202.
    rawBody: generateCamt054(
      [{ amountOre: 100, reference: { kind: "none", value: null }, bookingDate: "2026-12-01" }],
      { account: { bankgiro: "9912346" }, messageId: `CONTRACT-${next()}` },
    ).text,
    contentType: "application/xml",
    hasId: false,
  }),
  getBankFile: async () => {
    const file = await api("POST", "/api/v1/bank-files", {
      key: keys.all,
      rawBody: generateCamt054(
        [{ amountOre: 100, reference: { kind: "none", value: null }, bookingDate: "2026-12-01" }],
        { account: { bankgiro: "9912346" }, messageId: `CONTRACT-${next()}` },
      ).text,
      headers: { "content-type": "application/xml" },
    });
    return { method: "GET", path: `/api/v1/bank-files/${file.body.id}`, hasId: true };
  },
  getCollectionForecast: async () => ({
    method: "GET",
    path: "/api/v1/collections/forecast?days=30&limit=10",
    hasId: false,
  }),
  createWebhookEndpoint: async () => ({
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    body: { url: "https://erp.example.se/hooks/nota", events: ["invoice.paid"] },
    hasId: false,
  }),
  listWebhookEndpoints: async () => ({
    method: "GET",
    path: "/api/v1/webhook-endpoints",
    hasId: false,
  }),
  getWebhookEndpoint: async () => ({
    method: "GET",
    path: `/api/v1/webhook-endpoints/${(await endpoint()).id}`,
    hasId: true,
  }),
  deleteWebhookEndpoint: async () => ({
    method: "DELETE",
    path: `/api/v1/webhook-endpoints/${(await endpoint()).id}`,
    hasId: true,
  }),
  listWebhookDeliveries: async () => ({
    method: "GET",
    path: `/api/v1/webhook-endpoints/${(await endpoint()).id}/deliveries`,
    hasId: true,
  }),
  testWebhookEndpoint: async () => ({
    method: "POST",
    path: `/api/v1/webhook-endpoints/${(await endpoint()).id}/test`,
    hasId: true,
  }),
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

describe(`the contract of API v1 (${testDatabaseKind})`, () => {
  it("has a route for every documented operation and an operation for every route", async () => {
    const documented = new Set(
      Object.values(API_OPERATIONS).map(
        (op) => `${op.method} app${op.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`,
      ),
    );
    const served = new Set<string>();
    for (const file of routeFiles("app/api/v1")) {
      if (file === "app/api/v1/openapi.json/route.ts") continue;
      const module = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof module[method] === "function") served.add(`${method} ${file}`);
      }
    }
    expect([...served].sort()).toEqual([...documented].sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(API_OPERATIONS).sort());
  });

  it("serves the OpenAPI 3.1 document naming every operation, with every reference resolved", async () => {
    const module = (await import("@/app/api/v1/openapi.json/route")) as RouteModule;
    const response = await callRoute(module, { method: "GET", path: "/api/v1/openapi.json" });
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap((methods) => Object.values(methods).map((op) => op.operationId))
      .sort();
    expect(operations).toEqual(Object.keys(API_OPERATIONS).sort());
    const refs = JSON.stringify(doc).match(/"\$ref":"([^"]+)"/g) ?? [];
    for (const ref of refs) {
      const name = ref.replace(/.*\/(\w+)"$/, "$1");
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });

  for (const [operationId, operation] of Object.entries(API_OPERATIONS) as Array<
    [ApiOperationId, (typeof API_OPERATIONS)[ApiOperationId]]
  >) {
    it(`${operation.method} ${operation.path}: answers as documented, and only to its own callers`, async () => {
      const request = await REQUESTS[operationId]();
      const call = (key?: string, headers?: Record<string, string>) =>
        api(request.method, request.path, {
          key,
          body: request.body,
          rawBody: request.rawBody,
          headers: {
            ...(request.contentType ? { "content-type": request.contentType } : {}),
            ...headers,
          },
        });
      // Refusals first (they change nothing), then the real call.
      const anonymous = await call();
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
      expect((await call(undefined, { cookie: staffCookie })).status).toBe(401);
      const noScope = await call(keys[operation.scope]);
      expect(noScope.status, JSON.stringify(noScope.body)).toBe(403);
      if (request.hasId) {
        const foreign = await call(keys.other);
        expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
      }
      const answer = await call(keys.all);
      const documented = operation.responses.find((r) => r.status === answer.status);
      expect(documented, `${answer.status}: ${JSON.stringify(answer.body)}`).toBeDefined();
      if (documented && "schema" in documented && documented.schema) {
        const parsed = documented.schema.safeParse(answer.body);
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
      }
    });
  }
});
