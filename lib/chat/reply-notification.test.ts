import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { notifyCustomerOfReply } from "./reply-notification";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-outbox-"));
// No SMTP here: the mail goes to the outbox folder, where the test reads it.
const send = (mail: OutgoingMail) => sendMail(mail, { dataDir });
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await db?.close();
});

const reply = (body: string) => ({
  id: "m",
  seq: 2,
  kind: "MESSAGE" as const,
  authorType: "STAFF" as const,
  authorName: "Sara",
  body,
  clientMessageId: null,
  createdAt: new Date().toISOString(),
});

describe("notifyCustomerOfReply", () => {
  it("emails the answer in the customer's language, once per quiet period, without the link", async () => {
    const organization = await createOrganization(db.prisma);
    const customer = await createCustomer(db.prisma, organization.id, {
      locale: "sv",
      email: "anna@example.se",
    });
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const now = Date.now();
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        invoiceId: invoice.id,
        message: reply("Vi har flyttat förfallodagen."),
        now,
        send,
      }),
    ).toBe("sent");
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        invoiceId: invoice.id,
        message: reply("En sak till"),
        now: now + 60_000,
        send,
      }),
    ).toBe("quiet");
    const files = readdirSync(path.join(dataDir, "outbox"));
    expect(files).toHaveLength(1);
    const mail = readFileSync(path.join(dataDir, "outbox", files[0]!), "utf8");
    expect(mail).toContain("To: anna@example.se");
    expect(mail).toContain(`har svarat på din fråga om faktura ${invoice.number}`);
    expect(mail).toContain("Sara på");
    expect(mail).toContain("Vi har flyttat förfallodagen.");
    expect(mail).not.toContain(invoice.accessToken);
  });

  it("does nothing for a customer without an email address", async () => {
    const organization = await createOrganization(db.prisma);
    const customer = await createCustomer(db.prisma, organization.id, { email: null });
    const invoice = await createIssuedInvoice(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        invoiceId: invoice.id,
        message: reply("Hej"),
        send,
      }),
    ).toBe("no-email");
  });
});
