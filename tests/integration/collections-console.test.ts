import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultPolicy } from "@/lib/collections/policies";
import { setDatabase } from "@/lib/db/client";
import { collectionPolicyInput } from "@/tests/helpers/authorization-world";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule, sessionCookieFor } from "@/tests/helpers/route-harness";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * The collections console's routes as a browser uses them (who may ask: the authorization
 * matrix): downloads with their content types and file names, a policy saved and refused with
 * the house's problem reply, the preview, and the reference rates kept by an administrator only.
 */
process.env.NEXTAUTH_SECRET ??= "collections-console-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

let database: TestDatabase;
let organizationId: string;
let finance: string;
let admin: string;
let letterId: string;
let invoiceNumber: number;

const route = (file: string) => import(`@/${file}`) as Promise<RouteModule>;

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  const db = database.prisma;
  const organization = await createOrganization(db);
  organizationId = organization.id;
  finance = await sessionCookieFor(await createStaffUser(db, organizationId, { role: "FINANCE" }));
  admin = await sessionCookieFor(await createStaffUser(db, organizationId, { role: "ADMIN" }));
  await ensureDefaultPolicy(db, organizationId);
  const policy = await db.collectionPolicy.findFirstOrThrow({
    where: { organizationId, isDefault: true },
    include: { steps: true },
  });
  const customer = await createCustomer(db, organizationId, { name: 'Erik "Slarv" Fel, AB' });
  const invoice = await createIssuedInvoice(db, { organizationId, customerId: customer.id });
  invoiceNumber = invoice.number;
  const document = await PDFDocument.create();
  document.addPage();
  const letter = await db.collectionAction.create({
    data: {
      organizationId,
      invoiceId: invoice.id,
      policyId: policy.id,
      stepId: policy.steps[0]!.id,
      kind: "COLLECTION_HANDOVER",
      channel: "LETTER",
      plannedFor: new Date("2026-12-17T00:00:00Z"),
      performedOn: new Date("2026-12-17T00:00:00Z"),
      amountDueOre: invoice.totalOre,
      reason: "collection-fee; none-accrued",
      sendStatus: "TO_PRINT",
      letterPdf: new Uint8Array(await document.save()),
    },
  });
  letterId = letter.id;
  await db.invoice.update({
    where: { id: invoice.id },
    data: { handedOverAt: new Date("2026-12-17T06:00:00Z") },
  });
});
afterAll(async () => database?.close());

describe("the collections console's routes", () => {
  it("downloads the handovers as CSV and JSON, named after their window", async () => {
    const csv = await callRoute(await route("app/api/finance/collections/handovers.csv/route"), {
      method: "GET",
      path: "/api/finance/collections/handovers.csv?from=2026-12-01&to=2026-12-31",
      cookie: finance,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="handovers-2026-12-01-to-2026-12-31.csv"',
    );
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^invoice_number,/);
    expect(text).toContain('"Erik ""Slarv"" Fel, AB"');

    const json = await callRoute(await route("app/api/finance/collections/handovers.json/route"), {
      method: "GET",
      path: "/api/finance/collections/handovers.json",
      cookie: finance,
    });
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="handovers.json"');
    expect(await json.json()).toMatchObject({
      object: "collection_handover",
      claims: [{ invoiceNumber, handedOverOn: "2026-12-17" }],
    });

    const outside = await callRoute(
      await route("app/api/finance/collections/handovers.json/route"),
      {
        method: "GET",
        path: "/api/finance/collections/handovers.json?from=2026-12-18",
        cookie: finance,
      },
    );
    expect((await outside.json()).claims).toEqual([]);
    const backwards = await callRoute(
      await route("app/api/finance/collections/handovers.csv/route"),
      {
        method: "GET",
        path: "/api/finance/collections/handovers.csv?from=2026-12-18&to=2026-12-01",
        cookie: finance,
      },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.headers.get("content-type")).toBe("application/problem+json");
  });

  it("downloads a letter, and a batch as one PDF, as attachments", async () => {
    const one = await callRoute(await route("app/api/finance/collections/letters/[id]/pdf/route"), {
      method: "GET",
      path: `/api/finance/collections/letters/${letterId}/pdf`,
      params: { id: letterId },
      cookie: finance,
    });
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe("application/pdf");
    expect(one.headers.get("content-disposition")).toBe(
      `attachment; filename="letter-${invoiceNumber}-collection_handover.pdf"`,
    );
    expect(
      Buffer.from(await one.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const batch = await callRoute(await route("app/api/finance/collections/letters.pdf/route"), {
      method: "GET",
      path: `/api/finance/collections/letters.pdf?ids=${letterId},${letterId}`,
      cookie: finance,
    });
    expect(batch.headers.get("content-type")).toBe("application/pdf");
    expect(batch.headers.get("content-disposition")).toBe('attachment; filename="letters-1.pdf"');
    // Named twice, printed once.
    expect((await PDFDocument.load(await batch.arrayBuffer())).getPageCount()).toBe(1);
  });

  it("saves a policy, refuses a broken one with the field named, and previews a step", async () => {
    const created = await callRoute(await route("app/api/finance/collections/policies/route"), {
      method: "POST",
      path: "/api/finance/collections/policies",
      cookie: finance,
      body: collectionPolicyInput("Företag"),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const refused = await callRoute(
      await route("app/api/finance/collections/policies/[id]/route"),
      {
        method: "PUT",
        path: `/api/finance/collections/policies/${id}`,
        params: { id },
        cookie: finance,
        body: { ...collectionPolicyInput(""), steps: [] },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = await refused.json();
    expect(problem.code).toBe("BAD_INPUT");
    expect(problem.details.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "name",
      "steps",
    ]);
    const preview = await callRoute(await route("app/api/finance/collections/preview/route"), {
      method: "POST",
      path: "/api/finance/collections/preview",
      cookie: finance,
      body: { policyId: id, policy: collectionPolicyInput("Företag"), stepIndex: 0, invoiceNumber },
    });
    expect(preview.status).toBe(200);
    // Handed over: no further step, and the text still shows as the customer would read it.
    expect(await preview.json()).toMatchObject({
      status: "not-planned",
      message: { subject: `Påminnelse: faktura ${invoiceNumber}` },
    });
    const tooBig = await callRoute(await route("app/api/finance/collections/policies/route"), {
      method: "POST",
      path: "/api/finance/collections/policies",
      cookie: finance,
      rawBody: JSON.stringify({ ...collectionPolicyInput("x"), padding: "x".repeat(130 * 1024) }),
    });
    expect(tooBig.status).toBe(413);
  });

  it("lets only an administrator keep the reference rates", async () => {
    const module = await route("app/api/finance/collections/reference-rates/route");
    const body = { validFrom: "2026-07-01", rateBasisPoints: 200 };
    const byFinance = await callRoute(module, {
      method: "PUT",
      path: "/api/finance/collections/reference-rates",
      cookie: finance,
      body,
    });
    expect(byFinance.status).toBe(403);
    const byAdmin = await callRoute(module, {
      method: "PUT",
      path: "/api/finance/collections/reference-rates",
      cookie: admin,
      body: { validFrom: "2026-03-01", rateBasisPoints: 200 },
    });
    expect(byAdmin.status).toBe(400);
    expect((await byAdmin.json()).detail).toContain(
      "a reference rate applies from 1 January or 1 July",
    );
    const saved = await callRoute(module, {
      method: "PUT",
      path: "/api/finance/collections/reference-rates",
      cookie: admin,
      body,
    });
    expect(await saved.json()).toEqual({ ...body, created: false });
  });
});
