import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { ensureDemoApiKeys } from "@/lib/demo/demo-api-keys";
import { DEMO_ORGANIZATIONS } from "@/lib/demo/demo-catalogue";
import { createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-demo-keys-"));
beforeAll(async () => {
  db = await createTestDatabase();
  for (const demo of DEMO_ORGANIZATIONS) {
    await createOrganization(db.prisma, { slug: demo.slug, name: demo.name });
  }
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await db?.close();
});

describe("the demo's API keys", () => {
  it("are made once per demo organisation, kept for its owner only, and made anew when revoked", async () => {
    const first = await ensureDemoApiKeys(db.prisma, dataDir);
    expect(first.map((k) => k.organization)).toEqual(DEMO_ORGANIZATIONS.map((d) => d.name));
    for (const entry of first) {
      expect(entry.key).toMatch(/^nota_test_/);
      const principal = await authenticateApiKey(db.prisma, `Bearer ${entry.key}`);
      expect(principal.scopes).toContain("invoices:write");
    }
    expect(statSync(path.join(dataDir, "demo-api-keys.json")).mode & 0o777).toBe(0o600);
    const again = await ensureDemoApiKeys(db.prisma, dataDir);
    expect(again).toEqual(first);
    expect(await db.prisma.apiKey.count()).toBe(first.length);

    const revoked = await authenticateApiKey(db.prisma, `Bearer ${first[0]!.key}`);
    await revokeApiKey({
      db: db.prisma,
      organizationId: revoked.organizationId,
      keyId: revoked.keyId,
    });
    const renewed = await ensureDemoApiKeys(db.prisma, dataDir);
    expect(renewed[0]!.key).not.toBe(first[0]!.key);
    expect(renewed[1]).toEqual(first[1]);
  });
});
