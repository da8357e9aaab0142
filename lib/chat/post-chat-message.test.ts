import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatAuthor } from "@/lib/chat/chat-input";
import { listChatMessages, markChatSeen } from "@/lib/chat/chat-queries";
import { postChatMessage, postChatMessageSchema } from "@/lib/chat/post-chat-message";
import {
  atTheBoundary,
  createDraft,
  createIssuedInvoice,
  createOrganizationWithCustomer,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const CUSTOMER = { type: "CUSTOMER" } as const;

// As the socket handlers hand a message over: parsed with the domain's schema first.
const post = async (options: { input: unknown; author: ChatAuthor; now?: Date }) =>
  postChatMessage({
    db: db.prisma,
    ...options,
    input: await atTheBoundary(postChatMessageSchema, options.input),
  });

async function setUp() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId });
  const staff = await createStaffUser(db.prisma, organizationId, { name: "Sara Lind" });
  const agent = { type: "STAFF", staffId: staff.id, organizationId } as const;
  return { organizationId, customerId, invoiceId: invoice.id, staff, agent };
}

describe(`postChatMessage (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("numbers messages in order, opens a wait on a question and ends it on an answer", async () => {
    const { invoiceId, agent, staff } = await setUp();
    const asked = await post({
      input: { invoiceId, body: "  Varför är fakturan högre?  " },
      author: CUSTOMER,
      now: new Date("2026-11-23T09:00:00Z"),
    });
    expect(asked.message).toMatchObject({ seq: 1, authorType: "CUSTOMER", authorName: null });
    expect(asked.message.body).toBe("Varför är fakturan högre?");
    let conversation = await db.prisma.conversation.findUniqueOrThrow({ where: { invoiceId } });
    expect(conversation.waitingSince?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(conversation.assignedStaffId).toBeNull();

    await post({
      input: { invoiceId, body: "Jag frågar igen" },
      author: CUSTOMER,
      now: new Date("2026-11-23T09:05:00Z"),
    });
    conversation = await db.prisma.conversation.findUniqueOrThrow({ where: { invoiceId } });
    expect(conversation.waitingSince?.toISOString()).toBe("2026-11-23T09:00:00.000Z");

    const answer = await post({
      input: { invoiceId, body: "Det var en kall månad." },
      author: agent,
    });
    expect(answer.message).toMatchObject({ seq: 3, authorType: "STAFF", authorName: "Sara" });
    conversation = await db.prisma.conversation.findUniqueOrThrow({ where: { invoiceId } });
    expect(conversation.waitingSince).toBeNull();
    expect(conversation.assignedStaffId).toBe(staff.id);
    expect(conversation.staffReadSeq).toBe(3);
  });

  it("stores a resend with the same clientMessageId once", async () => {
    const { invoiceId } = await setUp();
    const input = { invoiceId, body: "Hej", clientMessageId: "client-msg-0001" };
    const first = await post({ input, author: CUSTOMER });
    const again = await post({ input, author: CUSTOMER });
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(first.message.id);
    expect(
      await db.prisma.chatMessage.count({ where: { conversationId: first.conversationId } }),
    ).toBe(1);
  });

  it("never hands out someone else's message for a reused clientMessageId", async () => {
    const { invoiceId, agent } = await setUp();
    await post({
      input: { invoiceId, body: "Intern: inkasso", kind: "NOTE", clientMessageId: "note-id-00001" },
      author: agent,
    });
    const error = await expectAppError(
      post({
        input: { invoiceId, body: "x", clientMessageId: "note-id-00001" },
        author: CUSTOMER,
      }),
      "CONFLICT",
    );
    expect(error.message).not.toContain("inkasso");
  });

  it("gives concurrent messages distinct, gap-free sequence numbers", async () => {
    const { invoiceId, agent } = await setUp();
    const posts = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        post({
          input: { invoiceId, body: `meddelande ${index}` },
          author: index % 2 ? agent : CUSTOMER,
        }),
      ),
    );
    expect(posts.map((post) => post.message.seq).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it("keeps internal notes from the customer's side and refuses notes from customers", async () => {
    const { invoiceId, agent } = await setUp();
    await post({ input: { invoiceId, body: "Fråga" }, author: CUSTOMER });
    await post({
      input: { invoiceId, body: "Kunden har ringt tre gånger", kind: "NOTE" },
      author: agent,
    });
    await post({ input: { invoiceId, body: "Svar" }, author: agent });
    const customerView = await listChatMessages(db.prisma, { invoiceId, side: "customer" });
    expect(customerView.messages.map((m) => m.body)).toEqual(["Fråga", "Svar"]);
    const staffView = await listChatMessages(db.prisma, { invoiceId, side: "staff" });
    expect(staffView.messages.map((m) => m.kind)).toEqual(["MESSAGE", "NOTE", "MESSAGE"]);
    const resync = await listChatMessages(db.prisma, { invoiceId, side: "customer", afterSeq: 1 });
    expect(resync.messages.map((m) => m.seq)).toEqual([3]);
    await expectAppError(
      post({
        input: { invoiceId, body: "x", kind: "NOTE" },
        author: CUSTOMER,
      }),
      "FORBIDDEN",
    );
  });

  it("takes bidi controls out of a message and keeps its words", async () => {
    const { invoiceId } = await setUp();
    // Reproduction: "\u202E" made the agent read "fdp.exe" as "exe.pdf"; it was stored as sent.
    const sent = await post({
      input: { invoiceId, body: "Se bilagan faktura_\u202Efdp.exe och \u2066ring\u2069 mig" },
      author: CUSTOMER,
    });
    expect(sent.message.body).toBe("Se bilagan faktura_fdp.exe och ring mig");
    const stored = await db.prisma.chatMessage.findUniqueOrThrow({
      where: { id: sent.message.id },
    });
    expect(stored.body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Nothing but controls is an empty message.
    await expectAppError(
      post({
        input: { invoiceId, body: "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069" },
        author: CUSTOMER,
      }),
      "BAD_INPUT",
    );
  });

  it("refuses bad input, other organisations' invoices and messages on drafts, storing nothing", async () => {
    const { invoiceId, agent, organizationId, customerId } = await setUp();
    const other = await createOrganizationWithCustomer(db.prisma);
    const otherInvoice = await createIssuedInvoice(db.prisma, other);
    const draft = await createDraft(db.prisma, { organizationId, customerId });
    for (const body of ["", "   ", "x".repeat(2001), "bell\u0007"]) {
      await expectAppError(post({ input: { invoiceId, body }, author: CUSTOMER }), "BAD_INPUT");
    }
    await expectAppError(
      post({
        input: { invoiceId: "not-a-uuid", body: "x" },
        author: agent,
      }),
      "BAD_INPUT",
    );
    await expectAppError(
      post({
        input: { invoiceId: otherInvoice.id, body: "x" },
        author: agent,
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      post({ input: { invoiceId: draft.id, body: "x" }, author: agent }),
      "CONFLICT",
    );
    expect(await db.prisma.chatMessage.count({ where: { organizationId } })).toBe(0);
    expect(
      await db.prisma.chatMessage.count({ where: { organizationId: other.organizationId } }),
    ).toBe(0);
  });
});

describe("markChatSeen", () => {
  it("moves marks forward only, never past the last message", async () => {
    const { invoiceId, agent } = await setUp();
    expect(
      await markChatSeen(db.prisma, { invoiceId, side: "staff", seq: 1, read: true }),
    ).toBeNull();
    await post({ input: { invoiceId, body: "1" }, author: CUSTOMER });
    await post({ input: { invoiceId, body: "2" }, author: CUSTOMER });
    let receipts = await markChatSeen(db.prisma, { invoiceId, side: "staff", seq: 1, read: false });
    expect(receipts).toMatchObject({ staffDeliveredSeq: 1, staffReadSeq: 0 });
    receipts = await markChatSeen(db.prisma, { invoiceId, side: "staff", seq: 99, read: true });
    expect(receipts).toMatchObject({ lastSeq: 2, staffDeliveredSeq: 2, staffReadSeq: 2 });
    receipts = await markChatSeen(db.prisma, { invoiceId, side: "staff", seq: 1, read: true });
    expect(receipts).toMatchObject({ staffDeliveredSeq: 2, staffReadSeq: 2 });
    await post({ input: { invoiceId, body: "svar" }, author: agent });
    receipts = await markChatSeen(db.prisma, { invoiceId, side: "customer", seq: 3, read: true });
    expect(receipts).toMatchObject({ customerReadSeq: 3 });
  });
});
