import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { notifyCustomerOfReply, REPLY_EMAIL_QUIET_MS } from "@/lib/chat/reply-notification";
import { jobHandlers } from "@/lib/job-handlers/job-handlers";
import { startJobEngine } from "@/lib/jobs/job-engine";
import { type OutgoingMail, sendMail } from "@/lib/mail/send-mail";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { queuedJobs } from "@/tests/helpers/queued-jobs";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nota-outbox-"));
// No SMTP here: the mail goes to the outbox folder, where the test reads it.
const send = (mail: OutgoingMail) => sendMail(mail, { dataDir });
const outbox = () => {
  try {
    return readdirSync(path.join(dataDir, "outbox"));
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

async function conversation(customer: { locale?: "sv" | "en"; email?: string | null } = {}) {
  const organization = await createOrganization(db.prisma);
  const person = await createCustomer(db.prisma, organization.id, {
    locale: customer.locale ?? "sv",
    email: customer.email === undefined ? "anna@example.se" : customer.email,
  });
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: organization.id,
    customerId: person.id,
  });
  const staff = await createStaffUser(db.prisma, organization.id, { name: "Sara Lind" });
  const agent = { type: "STAFF", staffId: staff.id, organizationId: organization.id } as const;
  const answer = async (body: string) =>
    (
      await postChatMessage({
        db: db.prisma,
        input: { invoiceId: invoice.id, body },
        author: agent,
      })
    ).message.id;
  return { invoice, answer, agent };
}

const away = async () => false;

describe("notifyCustomerOfReply", () => {
  it("emails the answer in the customer's language, once per quiet period, without the link", async () => {
    const { invoice, answer } = await conversation();
    const first = await answer("Vi har flyttat förfallodagen.");
    const second = await answer("En sak till");
    const now = new Date();
    const before = outbox().length;
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: first,
        customerIsHere: away,
        now,
        send,
      }),
    ).toBe("sent");
    // The job run again (a retry after a crash) sends nothing more.
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: first,
        customerIsHere: away,
        now,
        send,
      }),
    ).toBe("already-sent");
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: second,
        customerIsHere: away,
        now: new Date(now.getTime() + 60_000),
        send,
      }),
    ).toBe("quiet");
    const files = outbox();
    expect(files).toHaveLength(before + 1);
    const mail = readFileSync(path.join(dataDir, "outbox", files.at(-1)!), "utf8");
    expect(mail).toContain("To: anna@example.se");
    expect(mail).toContain(`har svarat på din fråga om faktura ${invoice.number}`);
    expect(mail).toContain("Sara på");
    expect(mail).toContain("Vi har flyttat förfallodagen.");
    expect(mail).not.toContain(invoice.accessToken);
    // After the quiet period the next answer goes out again.
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: second,
        customerIsHere: away,
        now: new Date(now.getTime() + REPLY_EMAIL_QUIET_MS + 1_000),
        send,
      }),
    ).toBe("sent");
    expect(
      await db.prisma.invoiceEvent.count({
        where: { invoiceId: invoice.id, type: "REPLY_EMAILED" },
      }),
    ).toBe(2);
  });

  it("sends nothing while the customer is on the page, to a customer without email, or for a note", async () => {
    const here = await conversation();
    const onPage = await here.answer("Ser du svaret?");
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: onPage,
        customerIsHere: async () => true,
        send,
      }),
    ).toBe("customer-here");
    const noEmail = await conversation({ email: null });
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: await noEmail.answer("Hej"),
        customerIsHere: away,
        send,
      }),
    ).toBe("no-email");
    expect(
      await notifyCustomerOfReply({
        db: db.prisma,
        messageId: "00000000-0000-4000-8000-000000000000",
        customerIsHere: away,
        send,
      }),
    ).toBe("not-a-reply");
  });
});

describe("the away email as a job", () => {
  it("is written with the agent's answer (not for a note or the customer's message) and sent by the running engine", async () => {
    const { invoice, answer, agent } = await conversation({ email: "bertil@example.se" });
    const before = (await queuedJobs(db.prisma, "chat.reply-email")).length;
    await postChatMessage({
      db: db.prisma,
      input: { invoiceId: invoice.id, body: "Jag undrar över avgiften" },
      author: { type: "CUSTOMER" },
    });
    await postChatMessage({
      db: db.prisma,
      input: { invoiceId: invoice.id, body: "Intern anteckning", kind: "NOTE" },
      author: agent,
    });
    const messageId = await answer("Avgiften är borttagen.");
    const queued = (await queuedJobs(db.prisma, "chat.reply-email")).slice(before);
    expect(queued.map((job) => job.data)).toEqual([
      { organizationId: agent.organizationId, messageId },
    ]);

    // The real handler, run by a real engine (no page is open: the customer is away).
    const engine = await startJobEngine({
      database: db,
      databaseSchema: db.schema,
      schedule: false,
      pollingIntervalSeconds: 0.5,
      handlers: { "chat.reply-email": jobHandlers(async () => db.prisma)["chat.reply-email"] },
    });
    try {
      const until = Date.now() + 20_000;
      while (
        (await db.prisma.invoiceEvent.count({
          where: { invoiceId: invoice.id, type: "REPLY_EMAILED" },
        })) === 0
      ) {
        if (Date.now() > until) throw new Error("the away email was not sent");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await engine.stop();
    }
  });
});
