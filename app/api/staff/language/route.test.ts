import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActiveStaff } from "@/lib/auth/staff-identity";
import { setDatabase } from "@/lib/db/client";
import { createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule, sessionCookieFor } from "@/tests/helpers/route-harness";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import * as route from "./route";

process.env.NEXTAUTH_SECRET ??= "staff-language-route-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

let db: TestDatabase;
let staffId: string;
let colleagueId: string;
let cookie: string;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  const organization = await createOrganization(db.prisma);
  await db.prisma.organization.update({
    where: { id: organization.id },
    data: { defaultLocale: "sv" },
  });
  const staff = await createStaffUser(db.prisma, organization.id, { role: "FINANCE" });
  staffId = staff.id;
  colleagueId = (await createStaffUser(db.prisma, organization.id, { role: "AGENT" })).id;
  cookie = await sessionCookieFor(staff);
});
afterAll(async () => db?.close());

const post = (body: { json: unknown } | { raw: string }) =>
  callRoute(route as unknown as RouteModule, {
    method: "POST",
    path: "/api/staff/language",
    params: {},
    cookie,
    ...("json" in body ? { body: body.json } : { rawBody: body.raw }),
  });

const languageOf = async (id: string) => {
  const staff = await loadActiveStaff(db.prisma, id, ["ADMIN", "AGENT", "MARKETER", "FINANCE"]);
  return { locale: staff.locale, ownLocale: staff.ownLocale };
};

describe("POST /api/staff/language", () => {
  it("follows the organisation's language until one is chosen, then the choice, for them only", async () => {
    expect(await languageOf(staffId)).toEqual({ locale: "sv", ownLocale: null });
    const response = await post({ json: { locale: "en" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, locale: "en" });
    expect(await languageOf(staffId)).toEqual({ locale: "en", ownLocale: "en" });
    expect(await languageOf(colleagueId)).toEqual({ locale: "sv", ownLocale: null });
    // null follows the organisation again.
    expect((await post({ json: { locale: null } })).status).toBe(200);
    expect(await languageOf(staffId)).toEqual({ locale: "sv", ownLocale: null });
  });

  it("refuses another language, another field or no JSON, changing nothing", async () => {
    await post({ json: { locale: "en" } });
    for (const body of [
      { json: { locale: "fr" } },
      { json: { locale: "en", staffId: colleagueId } },
      { json: {} },
      { raw: "not json" },
    ]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).code).toBe("BAD_INPUT");
    }
    expect(await languageOf(staffId)).toEqual({ locale: "en", ownLocale: "en" });
    expect(await languageOf(colleagueId)).toEqual({ locale: "sv", ownLocale: null });
  });
});
