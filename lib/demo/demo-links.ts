import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/database";
import type { DemoLink } from "@/lib/demo/seed-demo";
import { resolveLinkScope } from "@/lib/invoices/link-scope";
import { renewAccessToken } from "@/lib/invoices/renew-access-token";

/**
 * Invoice links are shown once and stored only hashed, so the demo keeps the links of its showcase
 * invoices in DATA_DIR/demo-links.json (demo data only, readable by its owner only). A link that
 * no longer resolves is renewed through the product's own renewAccessToken.
 */
function linksFile(dataDir: string) {
  return path.resolve(dataDir, "demo-links.json");
}

export function saveDemoLinks(dataDir: string, links: DemoLink[]): void {
  mkdirSync(path.resolve(dataDir), { recursive: true });
  writeFileSync(linksFile(dataDir), `${JSON.stringify(links, null, 2)}\n`, { mode: 0o600 });
}

export function loadDemoLinks(dataDir: string): DemoLink[] {
  const file = linksFile(dataDir);
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoLink[];
  } catch {
    return [];
  }
}

export async function ensureDemoLinks(db: Db, dataDir: string): Promise<DemoLink[]> {
  const links = loadDemoLinks(dataDir);
  let changed = false;
  for (const link of links) {
    const scope = await resolveLinkScope(db, { token: link.token, visitorKey: "demo" });
    if (scope?.invoiceId === link.invoiceId) continue;
    const invoice = await db.invoice.findUnique({
      where: { id: link.invoiceId },
      select: { organizationId: true },
    });
    if (!invoice) continue;
    link.token = await renewAccessToken({
      db,
      invoiceId: link.invoiceId,
      organizationId: invoice.organizationId,
      actor: { type: "SYSTEM" },
    });
    changed = true;
  }
  if (changed) saveDemoLinks(dataDir, links);
  return links;
}
