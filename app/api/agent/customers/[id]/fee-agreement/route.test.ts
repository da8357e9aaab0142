import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { setDatabase } from "@/lib/db/client";
import { createCustomer, createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule, sessionCookieFor } from "@/tests/helpers/route-harness";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import * as route from "./route";

process.env.NEXTAUTH_SECRET ??= "fee-agreement-route-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

let db: TestDatabase;
let cookie: string;
let customerId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  const organization = await createOrganization(db.prisma);
  customerId = (await createCustomer(db.prisma, organization.id)).id;
  cookie = await sessionCookieFor(await createStaffUser(db.prisma, organization.id));
});
afterAll(async () => db?.close());

const put = (body: { json: unknown } | { raw: string }, id = customerId) =>
  // The handler's params are typed { id }; the harness hands every route a string record.
  callRoute(route as unknown as RouteModule, {
    method: "PUT",
    path: `/api/agent/customers/${id}/fee-agreement`,
    params: { id },
    cookie,
    ...("json" in body ? { body: body.json } : { rawBody: body.raw }),
  });

const stored = () =>
  db.prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { reminderFeeAgreedOn: true, reminderFeeAgreementSource: true },
  });

describe("PUT /api/agent/customers/[id]/fee-agreement", () => {
  it("records the agreement and answers with it", async () => {
    const response = await put({ json: { agreedOn: "2025-03-01", source: "Avtal v3" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      agreement: { agreedOn: "2025-03-01", source: "Avtal v3" },
    });
    expect(await stored()).toEqual({
      reminderFeeAgreedOn: parseCalendarDate("2025-03-01"),
      reminderFeeAgreementSource: "Avtal v3",
    });
  });

  it("removes it with null", async () => {
    const response = await put({ raw: "null" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, agreement: null });
    expect(await stored()).toEqual({ reminderFeeAgreedOn: null, reminderFeeAgreementSource: null });
  });

  it("refuses a date after today as a problem naming the field", async () => {
    const tomorrow = new Date(todayInSweden().getTime() + 86_400_000).toISOString().slice(0, 10);
    const response = await put({ json: { agreedOn: tomorrow, source: "Avtal v3" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "BAD_INPUT", param: "/agreedOn" });
  });

  it("refuses an empty or malformed body, and names nothing with a malformed id", async () => {
    expect((await put({ raw: "" })).status).toBe(400);
    expect((await put({ raw: "{" })).status).toBe(400);
    const missing = await put({ json: { agreedOn: "2025-03-01" } });
    expect(await missing.json()).toMatchObject({ code: "BAD_INPUT", param: "/source" });
    expect((await put({ json: null }, "not-an-id")).status).toBe(404);
    expect(await stored()).toEqual({ reminderFeeAgreedOn: null, reminderFeeAgreementSource: null });
  });
});
