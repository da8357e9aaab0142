import { readFileSync } from "node:fs";
import path from "node:path";
import type { DemoLink, ShowcaseKind } from "@/lib/demo/seed-demo";

export { DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@/lib/demo/demo-catalogue";

const dataDir = path.resolve("test-results/e2e-data");

/** The showcase links the e2e server's seed wrote (see scripts/e2e-server.ts). */
export function demoLinks(): DemoLink[] {
  return JSON.parse(readFileSync(path.join(dataDir, "demo-links.json"), "utf8"));
}

/** What the database says the showcase invoices hold. */
export interface ExpectedInvoice {
  token: string;
  invoiceId: string;
  kind: ShowcaseKind;
  organization: string;
  customerName: string;
  customerLocale: "sv" | "en";
  number: number;
  ocr: string;
  bankgiro: string | null;
  totalOre: number;
  roundingOre: number;
  amountDueOre: number;
  vatGroups: Array<{ vatRate: number; netOre: number; vatOre: number }>;
  lineNetOre: number[];
  usageTotalMilli: number | null;
  usagePoints: number;
  usageResolution: "HOUR" | "DAY" | null;
  eventTypes: string[];
  otherInvoices: number;
}

/** The showcase invoices (open, overdue, paid and credited per company), read-only for tests. */
export function expectedInvoices(): ExpectedInvoice[] {
  return JSON.parse(readFileSync(path.join(dataDir, "expected.json"), "utf8"));
}
