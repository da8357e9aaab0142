import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { recordPayment } from "@/lib/ledger/record-payment";
import { recheckIdentities } from "@/lib/realtime/recheck-identities";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import {
  type RealtimeTestServer,
  startRealtimeTestServer,
} from "@/tests/helpers/realtime-test-server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
let server: RealtimeTestServer;
beforeAll(async () => {
  db = await createTestDatabase();
  server = await startRealtimeTestServer(db.prisma);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const daysAgo = (days: number) =>
  parseCalendarDate(new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10));

describe("the re-check of open customer sockets", () => {
  it("cuts off a socket whose link expired after the invoice was settled, as the lookup would refuse it", async () => {
    // Reproduction: the re-check asked only "revoked or past its expiresAt", so a socket on a link
    // that the organisation's settlement rule had expired stayed open, chat and all.
    const organization = await createOrganization(db.prisma, { linkExpiryDaysAfterSettled: 30 });
    const customer = await createCustomer(db.prisma, organization.id);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: daysAgo(60),
    });
    const live = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    // The link was handed out before the invoice was settled; the socket was opened meanwhile.
    await db.prisma.invoiceLink.updateMany({
      where: { invoiceId: invoice.id },
      data: { createdAt: daysAgo(60) },
    });
    const expiring = await server.connectCustomer(invoice.accessToken);
    const bystander = await server.connectCustomer(live.accessToken);
    expect(await recheckIdentities(server.io, db.prisma)).toBe(0);

    // Paid 40 days ago: with a 30-day expiry, the link no longer opens the invoice.
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
    const gone = new Promise((resolve) => expiring.once("disconnect", resolve));
    expect(await recheckIdentities(server.io, db.prisma)).toBe(1);
    await gone;
    expect(bystander.connected).toBe(true);
  });
});
