import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { resolveLinkScope } from "@/lib/invoices/link-scope";
import { renewAccessToken } from "@/lib/invoices/renew-access-token";
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
