import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverInvoice, planInvoiceDelivery } from "@/lib/delivery/invoice-delivery";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { outboxSmsSender } from "@/lib/sms/sms";
import {
  createCustomer,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-delivery-"));
const send = (mail: OutgoingMail) => sendMail(mail, { dataDir });
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await db?.close();
});

async function issued(customer: {
  email?: string | null;
  phone?: string | null;
  locale?: "sv" | "en";
}) {
  const organization = await createOrganization(db.prisma);
  const person = await createCustomer(db.prisma, organization.id, {
    name: "Łukasz Wiśniewski",
    email: customer.email === undefined ? "lukasz@example.se" : customer.email,
    phone: customer.phone ?? null,
    locale: customer.locale ?? "sv",
  });
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: organization.id,
    customerId: person.id,
  });
  return { organizationId: organization.id, invoice };
}

const plan = (
  organizationId: string,
  invoiceId: string,
  choice: "auto" | "email" | "sms" | "none",
) => db.prisma.$transaction((tx) => planInvoiceDelivery(tx, { organizationId, invoiceId, choice }));

describe("delivering an issued invoice", () => {
  it("emails it in the customer's language with its own link and the PDF, and says so on the timeline", async () => {
    const { organizationId, invoice } = await issued({ locale: "en" });
    const planned = await plan(organizationId, invoice.id, "auto");
    expect(planned).toMatchObject({ channel: "EMAIL", recipient: "lukasz@example.se" });
    const jobs = await queuedJobs(db.prisma, "invoices.deliver");
    expect(jobs.map((j) => j.data)).toContainEqual({
      organizationId,
      deliveryId: planned!.deliveryId,
    });

    const outcome = await deliverInvoice({
      db: db.prisma,
      organizationId,
      deliveryId: planned!.deliveryId,
      send,
      appUrl: "http://nota.test",
    });
    expect(outcome).toBe("sent");
    const files = readdirSync(path.join(dataDir, "outbox"));
    const mailFile = files.find((f) => f.endsWith(".txt"))!;
    const mail = readFileSync(path.join(dataDir, "outbox", mailFile), "utf8");
    expect(mail).toContain("To: lukasz@example.se");
    expect(mail).toContain(`Subject: Invoice ${invoice.number} from`);
    expect(mail).toMatch(/See the invoice.*http:\/\/nota\.test\/i\/[A-Za-z0-9_-]{43}/);
    expect(mail).not.toContain(invoice.accessToken);
    const pdfFile = files.find((f) => f.endsWith(".pdf"))!;
    expect(mail).toContain(`Attachment: ${pdfFile} (application/pdf)`);
    const pdf = await getDocumentProxy(
      new Uint8Array(readFileSync(path.join(dataDir, "outbox", pdfFile))),
    );
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Łukasz Wiśniewski");
    expect(text).toContain(String(invoice.number));

    const row = await db.prisma.invoiceDelivery.findUniqueOrThrow({
      where: { id: planned!.deliveryId },
    });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    const sent = await db.prisma.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: invoice.id, type: "SENT" },
    });
    expect(sent).toMatchObject({
      visibility: "CUSTOMER",
      customerText: "The invoice was sent to lukasz@example.se",
    });
    // Run again (a retried job): nothing more is sent.
    expect(
      await deliverInvoice({
        db: db.prisma,
        organizationId,
        deliveryId: planned!.deliveryId,
        send,
      }),
    ).toBe("not-pending");
    expect(
      readdirSync(path.join(dataDir, "outbox")).filter((f) => f.endsWith(".txt")),
    ).toHaveLength(1);
  });

  it("texts the link when there is only a phone number, and writes the SMS outbox without a provider", async () => {
    const { organizationId, invoice } = await issued({ email: null, phone: "+46701234567" });
    const planned = await plan(organizationId, invoice.id, "auto");
    expect(planned).toMatchObject({ channel: "SMS", recipient: "+46701234567" });
    expect(
      await deliverInvoice({
        db: db.prisma,
        organizationId,
        deliveryId: planned!.deliveryId,
        sms: outboxSmsSender(dataDir),
        appUrl: "http://nota.test",
      }),
    ).toBe("sent");
    const [file] = readdirSync(path.join(dataDir, "outbox", "sms"));
    const sms = readFileSync(path.join(dataDir, "outbox", "sms", file!), "utf8");
    expect(sms).toContain("To: +46701234567");
    expect(sms).toMatch(
      new RegExp(`faktura ${invoice.number}.*Se och betala: http://nota\\.test/i/`),
    );
  });

  it("plans nothing for none or a customer without address, and refuses a channel it cannot use", async () => {
    const nowhere = await issued({ email: null });
    expect(await plan(nowhere.organizationId, nowhere.invoice.id, "auto")).toBeNull();
    expect(await plan(nowhere.organizationId, nowhere.invoice.id, "none")).toBeNull();
    await expectAppError(plan(nowhere.organizationId, nowhere.invoice.id, "email"), "BAD_INPUT");
  });

  it("marks a refused address bounced at once, and a passing failure failed after five tries", async () => {
    const bounce = await issued({});
    const planned = await plan(bounce.organizationId, bounce.invoice.id, "email");
    const refused = Object.assign(new Error("550 5.1.1 No such user"), { responseCode: 550 });
    expect(
      await deliverInvoice({
        db: db.prisma,
        organizationId: bounce.organizationId,
        deliveryId: planned!.deliveryId,
        send: async () => {
          throw refused;
        },
      }),
    ).toBe("bounced");
    const failedEvent = await db.prisma.invoiceEvent.findFirstOrThrow({
      where: { invoiceId: bounce.invoice.id, type: "DELIVERY_FAILED" },
    });
    expect(failedEvent.data).toMatchObject({ status: "BOUNCED", channel: "EMAIL" });

    const flaky = await issued({});
    const later = await plan(flaky.organizationId, flaky.invoice.id, "email");
    const busy = Object.assign(new Error("451 try later"), { responseCode: 451 });
    const attempt = () =>
      deliverInvoice({
        db: db.prisma,
        organizationId: flaky.organizationId,
        deliveryId: later!.deliveryId,
        send: async () => {
          throw busy;
        },
      });
    for (let i = 1; i < 5; i++) await expect(attempt()).rejects.toThrow("451");
    expect(await attempt()).toBe("failed");
    expect(
      await db.prisma.invoiceDelivery.findUniqueOrThrow({ where: { id: later!.deliveryId } }),
    ).toMatchObject({ status: "FAILED", attempts: 5 });
  });
});
