import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createApiKey, hashApiKey } from "@/lib/api/api-keys";
import { API_SCOPES } from "@/lib/api/scopes";
import type { Db } from "@/lib/db/database";
import { DEMO_ORGANIZATIONS } from "@/lib/demo/demo-catalogue";

/**
 * `npm run demo` prints a test API key per demo organisation, made once. Keys are stored only
 * hashed, so the demo keeps its own keys in DATA_DIR/demo-api-keys.json (demo data only, readable
 * by its owner only); a key that no longer works (revoked in the console) is made anew.
 */
export interface DemoApiKey {
  organization: string;
  key: string;
}

function keysFile(dataDir: string) {
  return path.resolve(dataDir, "demo-api-keys.json");
}

function load(dataDir: string): DemoApiKey[] {
  const file = keysFile(dataDir);
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoApiKey[];
  } catch {
    return [];
  }
}

export async function ensureDemoApiKeys(db: Db, dataDir: string): Promise<DemoApiKey[]> {
  const stored = load(dataDir);
  const keys: DemoApiKey[] = [];
  for (const demo of DEMO_ORGANIZATIONS) {
    const organization = await db.organization.findUnique({
      where: { slug: demo.slug },
      select: { id: true, name: true },
    });
    if (!organization) continue;
    const earlier = stored.find((entry) => entry.organization === organization.name);
    if (earlier) {
      const row = await db.apiKey.findUnique({
        where: { keyHash: hashApiKey(earlier.key) },
        select: { organizationId: true, revokedAt: true },
      });
      if (row && !row.revokedAt && row.organizationId === organization.id) {
        keys.push(earlier);
        continue;
      }
    }
    const made = await createApiKey({
      db,
      organizationId: organization.id,
      input: { name: "Demo ERP (all scopes)", mode: "TEST", scopes: [...API_SCOPES] },
    });
    keys.push({ organization: organization.name, key: made.key });
  }
  mkdirSync(path.resolve(dataDir), { recursive: true });
  writeFileSync(keysFile(dataDir), `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}
