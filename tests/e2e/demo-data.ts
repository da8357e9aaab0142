import { readFileSync } from "node:fs";
import path from "node:path";
import type { DemoLink } from "@/lib/demo/seed-demo";

export { DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@/lib/demo/demo-catalogue";

/** The showcase links the e2e server's seed wrote (see scripts/e2e-server.ts). */
export function demoLinks(): DemoLink[] {
  return JSON.parse(readFileSync(path.resolve("test-results/e2e-data/demo-links.json"), "utf8"));
}
