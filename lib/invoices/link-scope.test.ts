import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { resolveLink, resolveLinkScope, validTokenHashes } from "@/lib/invoices/link-scope";
import { renewAccessToken } from "@/lib/invoices/renew-access-token";
import { recordPayment } from "@/lib/ledger/record-payment";
import {
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const SYSTEM = { type: "SYSTEM" } as const;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let visitor = 0;
/** The invoice a token opens, as a fresh visitor asks for it (null for every kind of bad link). */
async function findInvoiceIdByToken(
  database: TestDatabase["prisma"],
  token: string,
): Promise<string | null> {
  const scope = await resolveLinkScope(database, { token, visitorKey: `v-${++visitor}` });
  return scope?.invoiceId ?? null;
}

describe(`the invoice link (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("speaks for the same customer's issued invoices by number, and no one else's", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const first = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const second = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    // Another customer's invoices, numbered past this customer's (numbers are per organisation).
    const neighbour = await createOrganizationWithCustomer(db.prisma);
    const sameOrganization = await createCustomer(db.prisma, organizationId);
    const otherCustomers = await createIssuedInvoice(db.prisma, {
      organizationId,
      customerId: sameOrganization.id,
    });
    await createIssuedInvoice(db.prisma, neighbour);
    await createIssuedInvoice(db.prisma, neighbour);
    await createIssuedInvoice(db.prisma, neighbour);
    const foreign = await createIssuedInvoice(db.prisma, neighbour);
    const ask = (invoiceNumber: number | null) =>
      resolveLinkScope(db.prisma, { token: second.accessToken, visitorKey: "v", invoiceNumber });

    expect(await ask(null)).toMatchObject({
      tokenInvoiceId: second.id,
      invoiceId: second.id,
      customerId,
      organizationId,
      tokenHash: sha256(second.accessToken),
    });
    expect((await ask(first.number))?.invoiceId).toBe(first.id);
    expect(await ask(otherCustomers.number)).toBeNull();
    expect(foreign.number).toBeGreaterThan(otherCustomers.number);
    expect(await ask(foreign.number)).toBeNull();
    expect(await ask(999_999)).toBeNull();
  });

  it("counts failed lookups only: a valid link opens even after a client's many misses", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const visitorKey = "office-behind-one-address";
    const limit = 120;
    for (let miss = 0; miss < limit; miss++) linkLimiter().hit(visitorKey);
    expect(linkLimiter().isLimited(visitorKey)).toBe(true);
    const scope = await resolveLinkScope(db.prisma, { token: issued.accessToken, visitorKey });
    expect(scope?.invoiceId).toBe(issued.id);
    // A further miss from that address is still just a miss (answered a little later).
    const started = Date.now();
    expect(await resolveLinkScope(db.prisma, { token: "B".repeat(43), visitorKey })).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("finds the invoice by its token, and nothing for a wrong, malformed or draft token", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });

    expect(await findInvoiceIdByToken(db.prisma, issued.accessToken)).toBe(issued.id);
    const wrong = `${issued.accessToken.slice(0, 42)}${issued.accessToken.endsWith("A") ? "B" : "A"}`;
    expect(await findInvoiceIdByToken(db.prisma, wrong)).toBeNull();
    expect(await findInvoiceIdByToken(db.prisma, `${issued.accessToken}x`)).toBeNull();
    expect(await findInvoiceIdByToken(db.prisma, "")).toBeNull();
    expect(await findInvoiceIdByToken(db.prisma, "' OR 1=1 --")).toBeNull();

    // Even a draft that somehow carries a hash is never shown through a link.
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    const draftToken = "D".repeat(43);
    await db.prisma.invoiceLink.create({
      data: { invoiceId: draft.id, organizationId, tokenHash: sha256(draftToken), purpose: "API" },
    });
    expect(await findInvoiceIdByToken(db.prisma, draftToken)).toBeNull();
  });

  it("refuses a malformed token even when its hash is stored", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    await db.prisma.invoiceLink.create({
      data: { invoiceId: issued.id, organizationId, tokenHash: sha256("kort"), purpose: "API" },
    });

    expect(await findInvoiceIdByToken(db.prisma, "kort")).toBeNull();
  });

  it("renews the link: the old token stops resolving and the new one works", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const issued = await createIssuedInvoice(db.prisma, { organizationId, customerId });

    const renewed = await renewAccessToken({
      db: db.prisma,
      invoiceId: issued.id,
      organizationId,
      actor: SYSTEM,
    });

    expect(renewed).not.toBe(issued.accessToken);
    expect(await findInvoiceIdByToken(db.prisma, issued.accessToken)).toBeNull();
    expect(await findInvoiceIdByToken(db.prisma, renewed)).toBe(issued.id);
    expect(
      await db.prisma.invoiceEvent.count({
        where: { invoiceId: issued.id, type: "ACCESS_LINK_RENEWED" },
      }),
    ).toBe(1);

    const other = await createOrganization(db.prisma);
    await expectAppError(
      renewAccessToken({
        db: db.prisma,
        invoiceId: issued.id,
        organizationId: other.id,
        actor: SYSTEM,
      }),
      "NOT_FOUND",
    );
    expect(await findInvoiceIdByToken(db.prisma, renewed)).toBe(issued.id);

    const draft = await createDraft(db.prisma, { organizationId, customerId });
    await expectAppError(
      renewAccessToken({ db: db.prisma, invoiceId: draft.id, organizationId, actor: SYSTEM }),
      "NOT_FOUND",
    );
    expect(await db.prisma.invoiceLink.count({ where: { invoiceId: draft.id } })).toBe(0);
  });
});

describe("one resolver for every token: live, expired or nothing", () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  /** An invoice whose link was handed out 60 days ago and that was paid `paidDaysAgo` days ago. */
  async function settledInvoice(paidDaysAgo: number) {
    const organization = await createOrganization(db.prisma, { linkExpiryDaysAfterSettled: 30 });
    const customer = await createCustomer(db.prisma, organization.id);
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
      issueDate: parseCalendarDate(daysAgo(60).toISOString().slice(0, 10)),
    });
    await db.prisma.invoiceLink.updateMany({
      where: { invoiceId: invoice.id },
      data: { createdAt: daysAgo(60) },
    });
    await recordPayment({
      db: db.prisma,
      actor: SYSTEM,
      input: {
        invoiceId: invoice.id,
        organizationId: organization.id,
        amountOre: invoice.totalOre,
        method: "swish",
        externalRef: `swish-${invoice.id}`,
        occurredAt: daysAgo(paidDaysAgo),
      },
    });
    return { organizationId: organization.id, customerId: customer.id, invoice };
  }

  /** Whether this lookup was counted: the visitor had one miss left before it. */
  async function countedAsMiss(lookup: (visitorKey: string) => Promise<unknown>) {
    const visitorKey = `counted-${++visitor}`;
    for (let miss = 0; miss < 119; miss++) linkLimiter().hit(visitorKey);
    await lookup(visitorKey);
    return linkLimiter().isLimited(visitorKey);
  }

  it("says an expired link is expired (for the fresh-link offer) and counts it as a failed lookup", async () => {
    const { organizationId, invoice } = await settledInvoice(40);
    const lookup = await resolveLink(db.prisma, { token: invoice.accessToken, visitorKey: "e" });
    expect(lookup).toEqual({
      kind: "expired",
      invoiceId: invoice.id,
      organizationId,
      tokenHash: sha256(invoice.accessToken),
    });
    expect(await findInvoiceIdByToken(db.prisma, invoice.accessToken)).toBeNull();
    expect(
      await countedAsMiss((visitorKey) =>
        resolveLink(db.prisma, { token: invoice.accessToken, visitorKey }),
      ),
    ).toBe(true);
    // The same link through an earlier invoice's number is just as expired.
    const sibling = await resolveLink(db.prisma, {
      token: invoice.accessToken,
      visitorKey: "e",
      invoiceNumber: invoice.number,
    });
    expect(sibling.kind).toBe("expired");
  });

  it("still opens a link within its days after settlement, without counting", async () => {
    const { invoice } = await settledInvoice(20);
    const lookup = await resolveLink(db.prisma, { token: invoice.accessToken, visitorKey: "l" });
    expect(lookup.kind === "ok" && lookup.scope.invoiceId).toBe(invoice.id);
    expect(
      await countedAsMiss((visitorKey) =>
        resolveLink(db.prisma, { token: invoice.accessToken, visitorKey }),
      ),
    ).toBe(false);
  });

  it("is nothing, not expired, for a revoked, unknown or malformed token, and counts them all", async () => {
    const { invoice } = await settledInvoice(40);
    await db.prisma.invoiceLink.updateMany({
      where: { invoiceId: invoice.id },
      data: { revokedAt: new Date() },
    });
    for (const token of [invoice.accessToken, "C".repeat(43), "kort"]) {
      expect(await resolveLink(db.prisma, { token, visitorKey: "n" })).toEqual({
        kind: "not-found",
      });
      expect(
        await countedAsMiss((visitorKey) => resolveLink(db.prisma, { token, visitorKey })),
      ).toBe(true);
    }
  });

  it("re-checks open sockets by the same rule: a link expired by settlement is no longer valid", async () => {
    const expired = await settledInvoice(40);
    const live = await settledInvoice(20);
    const valid = await validTokenHashes(db.prisma, [
      sha256(expired.invoice.accessToken),
      sha256(live.invoice.accessToken),
      sha256("D".repeat(43)),
    ]);
    expect([...valid]).toEqual([sha256(live.invoice.accessToken)]);
  });
});
