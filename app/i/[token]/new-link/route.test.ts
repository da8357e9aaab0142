import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { setDatabase } from "@/lib/db/client";
import { clientKey } from "@/lib/http/client-address";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { recordPayment } from "@/lib/ledger/record-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import * as route from "./route";

// A small budget, so the test can use it up (read once, when the limiter is first made).
process.env.INVOICE_LINK_RATE_LIMIT = "5";
process.env.NEXTAUTH_SECRET ??= "new-link-route-secret-0123456789abcdef";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());

const daysAgo = (days: number) =>
  parseCalendarDate(new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10));

const ask = (token: string, address: string) =>
  // The handler's params are typed { token }; the harness hands every route a string record.
  callRoute(route as unknown as RouteModule, {
    method: "POST",
    path: `/i/${token}/new-link`,
    params: { token },
    headers: { "x-nota-client-address": address },
  });

async function expiredInvoice() {
  const organization = await createOrganization(db.prisma, { linkExpiryDaysAfterSettled: 30 });
  const customer = await createCustomer(db.prisma, organization.id, { email: "kund@example.se" });
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: organization.id,
    customerId: customer.id,
    issueDate: daysAgo(60),
  });
  // Handed out with the invoice, 60 days ago; paid 40 days ago: expired 10 days ago.
  await db.prisma.invoiceLink.updateMany({
    where: { invoiceId: invoice.id },
    data: { createdAt: daysAgo(60) },
  });
  await recordPayment({
    db: db.prisma,
    actor: { type: "SYSTEM" },
    input: {
      invoiceId: invoice.id,
      organizationId: organization.id,
      amountOre: invoice.totalOre,
      method: "swish",
      externalRef: `swish-${invoice.id}`,
      occurredAt: daysAgo(40),
    },
  });
  return { organizationId: organization.id, invoice };
}

describe("POST /i/<token>/new-link", () => {
  it("counts every token that is not an expired link against the client, like any failed lookup", async () => {
    // Reproduction: the fresh-link route looked tokens up on its own, and its misses were never
    // counted, so it was a free oracle for guessing links.
    const address = "203.0.113.40";
    for (let miss = 0; miss < 5; miss++) {
      expect((await ask(`${"Q".repeat(42)}${miss}`, address)).status).toBe(404);
    }
    expect(linkLimiter().isLimited(clientKey(address))).toBe(true);
  });

  it("queues a fresh link for an expired link, and is the same 404 for a live one", async () => {
    const { organizationId, invoice } = await expiredInvoice();
    const address = "203.0.113.41";
    const before = (await queuedJobs(db.prisma, "invoices.send-link")).length;
    const response = await ask(invoice.accessToken, address);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname).toBe(`/i/${invoice.accessToken}`);
    const jobs = await queuedJobs(db.prisma, "invoices.send-link");
    expect(jobs.length - before).toBe(1);
    expect(jobs.at(-1)!.data).toEqual({ organizationId, invoiceId: invoice.id, reason: "expired" });

    const organization = await createOrganization(db.prisma, { linkExpiryDaysAfterSettled: 30 });
    const customer = await createCustomer(db.prisma, organization.id);
    const live = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    expect((await ask(live.accessToken, address)).status).toBe(404);
  });
});
