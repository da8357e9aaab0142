import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import {
  changeInvoiceLinks,
  requestFreshLink,
  sendInvoiceLink,
} from "@/lib/invoices/link-management";
import { resolveLink, resolveLinkScope } from "@/lib/invoices/link-scope";
import { recordPayment } from "@/lib/ledger/record-payment";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-links-"));
const send = (mail: OutgoingMail) => sendMail(mail, { dataDir });
const outbox = () => {
  try {
    return readdirSync(path.join(dataDir, "outbox")).map((file) =>
      readFileSync(path.join(dataDir, "outbox", file), "utf8"),
    );
  } catch {
    return [];
  }
};
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await db?.close();
});

const AGENT = { type: "SYSTEM" } as const;
let visitor = 0;
const opens = async (token: string) =>
  (await resolveLinkScope(db.prisma, { token, visitorKey: `v${++visitor}` }))?.invoiceId ?? null;
const lookUp = (token: string) => resolveLink(db.prisma, { token, visitorKey: `v${++visitor}` });
const askFresh = (token: string) =>
  requestFreshLink(db.prisma, { token, visitorKey: `v${++visitor}` });

const daysAgo = (days: number) =>
  parseCalendarDate(new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10));

/** The invoice's links were handed out with it, that many days ago (fixtures make them now). */
async function handedOutDaysAgo(invoiceId: string, days: number) {
  await db.prisma.invoiceLink.updateMany({
    where: { invoiceId },
    data: { createdAt: new Date(Date.now() - days * 86_400_000) },
  });
}

async function payInFull(
  organizationId: string,
  invoice: { id: string; totalOre: number },
  occurredAt: Date,
) {
  await recordPayment({
    db: db.prisma,
    actor: AGENT,
    input: {
      invoiceId: invoice.id,
      organizationId,
      amountOre: invoice.totalOre,
      method: "swish",
      externalRef: `swish-${invoice.id}`,
      occurredAt,
    },
  });
}

async function issued(
  organization: Parameters<typeof createOrganization>[1] = {},
  issueDate?: Date,
) {
  const org = await createOrganization(db.prisma, organization);
  const customer = await createCustomer(db.prisma, org.id, { email: "kund@example.se" });
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
    issueDate,
  });
  return { organizationId: org.id, invoice };
}

describe("an invoice's links", () => {
  it("revoked by an agent: every link stops, nothing is sent", async () => {
    const { organizationId, invoice } = await issued();
    expect(await opens(invoice.accessToken)).toBe(invoice.id);
    const result = await changeInvoiceLinks({
      db: db.prisma,
      invoiceId: invoice.id,
      organizationId,
      change: "revoke",
      reason: "Länken hamnade i fel mejl",
      actor: AGENT,
    });
    expect(result).toEqual({ revoked: 1, mailed: false });
    expect(await opens(invoice.accessToken)).toBeNull();
    // Revoked is not expired: no fresh link is offered for it.
    expect(await lookUp(invoice.accessToken)).toEqual({ kind: "not-found" });
    expect(await askFresh(invoice.accessToken)).toBe("not-expired");
  });

  it("renewed by an agent: the old link stops, the customer is mailed a new one that works", async () => {
    const { organizationId, invoice } = await issued();
    await changeInvoiceLinks({
      db: db.prisma,
      invoiceId: invoice.id,
      organizationId,
      change: "renew",
      reason: "Kunden bad om en ny länk",
      actor: AGENT,
    });
    expect(await opens(invoice.accessToken)).toBeNull();
    const jobs = await queuedJobs(db.prisma, "invoices.send-link");
    expect(jobs.map((job) => job.data)).toContainEqual({
      organizationId,
      invoiceId: invoice.id,
      reason: "renewed",
    });
    const before = outbox().length;
    expect(
      await sendInvoiceLink({
        db: db.prisma,
        organizationId,
        invoiceId: invoice.id,
        reason: "renewed",
        send,
        appUrl: "https://nota.example.se",
      }),
    ).toBe("sent");
    const mail = outbox().slice(before)[0]!;
    expect(mail).toContain("To: kund@example.se");
    expect(mail).toContain(`Ny länk till din faktura ${invoice.number}`);
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(mail)![1]!;
    expect(await opens(token)).toBe(invoice.id);

    // Another organisation's agent cannot touch it.
    const other = await createOrganization(db.prisma);
    await expectAppError(
      changeInvoiceLinks({
        db: db.prisma,
        invoiceId: invoice.id,
        organizationId: other.id,
        change: "revoke",
        reason: "Försök",
        actor: AGENT,
      }),
      "NOT_FOUND",
    );
    expect(await opens(token)).toBe(invoice.id);
  });

  it("expires N days after the invoice is settled; its holder can have a fresh link mailed, once an hour", async () => {
    const { organizationId, invoice } = await issued(
      { linkExpiryDaysAfterSettled: 30 },
      daysAgo(60),
    );
    await handedOutDaysAgo(invoice.id, 60);
    await payInFull(organizationId, invoice, daysAgo(40));
    expect(await opens(invoice.accessToken)).toBeNull();
    expect(await lookUp(invoice.accessToken)).toMatchObject({
      kind: "expired",
      invoiceId: invoice.id,
    });
    const jobsBefore = (await queuedJobs(db.prisma, "invoices.send-link")).length;
    expect(await askFresh(invoice.accessToken)).toBe("queued");
    expect(await askFresh(invoice.accessToken)).toBe("queued");
    const jobs = await queuedJobs(db.prisma, "invoices.send-link");
    expect(jobs.length - jobsBefore).toBe(1);
    expect(jobs.at(-1)!.data).toEqual({ organizationId, invoiceId: invoice.id, reason: "expired" });
    // A live link, an unknown token and a malformed one are not expired links.
    expect(await askFresh("A".repeat(43))).toBe("not-expired");
    expect(await askFresh("kort")).toBe("not-expired");
    const fresh = await issued({ linkExpiryDaysAfterSettled: 30 });
    expect(await askFresh(fresh.invoice.accessToken)).toBe("not-expired");
  });

  it("a fresh link mailed for an expired invoice opens, and expires N days after it was sent", async () => {
    // Reproduction: the settlement rule looked at the invoice alone, so the link just minted for an
    // invoice settled 40 days ago (30-day expiry) was dead on arrival.
    const { organizationId, invoice } = await issued(
      { linkExpiryDaysAfterSettled: 30 },
      daysAgo(60),
    );
    await handedOutDaysAgo(invoice.id, 60);
    await payInFull(organizationId, invoice, daysAgo(40));
    expect(await opens(invoice.accessToken)).toBeNull();
    const before = outbox().length;
    expect(
      await sendInvoiceLink({
        db: db.prisma,
        organizationId,
        invoiceId: invoice.id,
        reason: "expired",
        send,
        appUrl: "https://nota.example.se",
      }),
    ).toBe("sent");
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(outbox().slice(before)[0]!)![1]!;
    expect(await opens(token)).toBe(invoice.id);
    // The old link stays expired: a fresh link does not bring the others back.
    expect(await opens(invoice.accessToken)).toBeNull();

    // 31 days after it was sent (and long after the settlement), the fresh link has expired too.
    await db.prisma.invoiceLink.update({
      where: { tokenHash: createHash("sha256").update(token).digest("hex") },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await opens(token)).toBeNull();
  });
});
