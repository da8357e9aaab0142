import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { setDatabase } from "@/lib/db/client";
import { api } from "@/tests/helpers/api-client";
import { createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/** Each API key has its own budget of requests a minute; past it, 429 with Retry-After. */
process.env.NEXTAUTH_SECRET ??= "api-rate-test-secret-0123456789abcdef0123";
process.env.API_RATE_LIMIT = "3";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
});
afterAll(async () => database?.close());

describe("the API's rate limit", () => {
  it("answers 429 with Retry-After past a key's budget, and leaves other keys alone", async () => {
    const organization = await createOrganization(database.prisma);
    const [busy, calm] = await Promise.all(
      ["busy", "calm"].map(
        async (name) =>
          (
            await createApiKey({
              db: database.prisma,
              organizationId: organization.id,
              input: { name, mode: "TEST", scopes: ["invoices:read"] },
            })
          ).key,
      ),
    );
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api("GET", "/api/v1/plans", { key: busy })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api("GET", "/api/v1/plans", { key: busy });
    expect(limited.body.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await api("GET", "/api/v1/plans", { key: calm })).status).toBe(200);
  });
});
