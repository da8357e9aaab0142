import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import { setDatabase } from "@/lib/db/client";
import { organizationWithPolicy } from "@/tests/helpers/collection-fixtures";
import { createIssuedInvoice } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import * as planRoute from "../payment-plan/route";
import * as route from "./route";

/** The customer's own choices through their link: the route checks, bounds and answers. */
process.env.NEXTAUTH_SECRET ??= "respite-route-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());

async function invoiceWithLink() {
  const world = await organizationWithPolicy(db.prisma, {
    paymentPlanMinOre: 1_000,
    paymentPlanMaxParts: 3,
  });
  // Issued today, due in the organisation's payment terms.
  const invoice = await createIssuedInvoice(db.prisma, world);
  const { dueDate } = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
  return { ...world, invoice, dueDate: dueDate! };
}

const post = (module: unknown, token: string, path: string, body: unknown) =>
  callRoute(module as RouteModule, {
    method: "POST",
    path: `/i/${token}/${path}`,
    params: { token },
    body,
  });

describe("POST /i/<token>/respite and /i/<token>/payment-plan", () => {
  it("moves the due date for the link's invoice, and answers a second try with the reason", async () => {
    const { invoice, dueDate } = await invoiceWithLink();
    const newDate = formatCalendarDate(addDays(dueDate, 5));
    const ok = await post(route, invoice.accessToken, "respite", {
      dueDate: newDate,
      expectedVersion: invoice.version,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ dueDate: newDate, version: invoice.version + 1 });
    const again = await post(route, invoice.accessToken, "respite", {
      dueDate: formatCalendarDate(addDays(dueDate, 7)),
      expectedVersion: invoice.version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await again.json()).toMatchObject({ details: { reason: "already_taken" } });
  });

  it("refuses bad input and an unknown link as problems, changing nothing", async () => {
    const { invoice } = await invoiceWithLink();
    const bad = await post(route, invoice.accessToken, "respite", {
      dueDate: "imorgon",
      expectedVersion: invoice.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const extra = await post(planRoute, invoice.accessToken, "payment-plan", {
      parts: 2,
      expectedVersion: invoice.version,
      note: "x".repeat(2_000),
    });
    expect(extra.status).toBe(413);
    const unknown = await post(planRoute, "Z".repeat(43), "payment-plan", {
      parts: 2,
      expectedVersion: invoice.version,
    });
    expect(unknown.status).toBe(404);
    const row = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(row.version).toBe(invoice.version);
    expect(await db.prisma.paymentPlan.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("agrees a plan for the link's invoice", async () => {
    const { invoice } = await invoiceWithLink();
    const ok = await post(planRoute, invoice.accessToken, "payment-plan", {
      parts: 3,
      expectedVersion: invoice.version,
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.parts).toHaveLength(3);
    expect(await db.prisma.paymentPlan.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });
});
