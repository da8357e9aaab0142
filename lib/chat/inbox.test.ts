import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cannedReplySchema,
  deleteCannedReply,
  listCannedReplies,
  saveCannedReply,
} from "@/lib/chat/canned-replies";
import { conversationActionSchema, listInbox, updateConversation } from "@/lib/chat/inbox";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import {
  atTheBoundary,
  createCustomer,
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

describe("the agent inbox", () => {
  it("lists the longest wait first with unread counts, and follows assign and resolve", async () => {
    const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
    const second = await createCustomer(db.prisma, organizationId);
    const early = await createIssuedInvoice(db.prisma, { organizationId, customerId });
    const late = await createIssuedInvoice(db.prisma, { organizationId, customerId: second.id });
    const staff = await createStaffUser(db.prisma, organizationId);
    const agent = { staffId: staff.id, organizationId };
    const ask = (invoiceId: string, body: string, at: string) =>
      postChatMessage({
        db: db.prisma,
        input: { invoiceId, body },
        author: CUSTOMER,
        now: new Date(at),
      });
    await ask(late.id, "Senare fråga", "2026-11-23T10:00:00Z");
    await ask(early.id, "Tidig fråga", "2026-11-23T08:00:00Z");
    await ask(early.id, "Hallå?", "2026-11-23T08:30:00Z");
    await postChatMessage({
      db: db.prisma,
      input: { invoiceId: early.id, body: "Anteckning", kind: "NOTE" },
      author: { type: "STAFF", ...agent },
    });

    let inbox = await listInbox(db.prisma, { ...agent });
    expect(inbox.map((c) => [c.invoiceId, c.unreadCount, c.lastMessagePreview])).toEqual([
      [early.id, 2, "Hallå?"],
      [late.id, 1, "Senare fråga"],
    ]);
    expect(await listInbox(db.prisma, { ...agent, filter: "mine" })).toEqual([]);

    const earlyConversation = inbox[0]?.id ?? "";
    await updateConversation({
      db: db.prisma,
      input: { conversationId: earlyConversation, action: "assign-to-me" },
      staff: agent,
    });
    inbox = await listInbox(db.prisma, { ...agent, filter: "mine" });
    expect(inbox.map((c) => c.assignedStaffName)).toEqual([staff.name]);
    expect((await listInbox(db.prisma, { ...agent, filter: "unassigned" })).length).toBe(1);

    await updateConversation({
      db: db.prisma,
      input: { conversationId: earlyConversation, action: "resolve" },
      staff: agent,
    });
    expect((await listInbox(db.prisma, agent)).map((c) => c.invoiceId)).toEqual([late.id]);
    expect((await listInbox(db.prisma, { ...agent, filter: "resolved" })).length).toBe(1);
    // The customer writing again reopens it.
    await ask(early.id, "En sak till", "2026-11-23T11:00:00Z");
    expect((await listInbox(db.prisma, agent)).map((c) => c.invoiceId)).toEqual([
      late.id,
      early.id,
    ]);
  });

  it("never shows or changes another organisation's conversations", async () => {
    const mine = await createOrganizationWithCustomer(db.prisma);
    const theirs = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, theirs);
    const posted = await postChatMessage({
      db: db.prisma,
      input: { invoiceId: invoice.id, body: "Hej" },
      author: CUSTOMER,
    });
    const staff = await createStaffUser(db.prisma, mine.organizationId);
    const agent = { staffId: staff.id, organizationId: mine.organizationId };
    expect(await listInbox(db.prisma, agent)).toEqual([]);
    await expectAppError(
      updateConversation({
        db: db.prisma,
        input: { conversationId: posted.conversationId, action: "resolve" },
        staff: agent,
      }),
      "NOT_FOUND",
    );
    // An action the console does not have is refused where the request is parsed.
    await expectAppError(
      atTheBoundary(conversationActionSchema, {
        conversationId: posted.conversationId,
        action: "explode",
      }),
      "BAD_INPUT",
    );
  });
});

describe("canned replies", () => {
  it("are created, edited, listed and deleted per organisation with unique titles", async () => {
    const { organizationId } = await createOrganizationWithCustomer(db.prisma);
    const other = await createOrganizationWithCustomer(db.prisma);
    const { id } = await saveCannedReply({
      db: db.prisma,
      organizationId,
      input: { title: "Respit", body: "Vi har flyttat förfallodagen." },
    });
    await saveCannedReply({
      db: db.prisma,
      organizationId,
      input: { id, title: "Respit", body: "Ny förfallodag är satt." },
    });
    await expectAppError(
      saveCannedReply({ db: db.prisma, organizationId, input: { title: "Respit", body: "x" } }),
      "CONFLICT",
    );
    await expectAppError(atTheBoundary(cannedReplySchema, { title: "", body: "x" }), "BAD_INPUT");
    await expectAppError(
      saveCannedReply({
        db: db.prisma,
        organizationId: other.organizationId,
        input: { id, title: "Kapad", body: "x" },
      }),
      "NOT_FOUND",
    );
    expect(await listCannedReplies(db.prisma, organizationId)).toEqual([
      { id, title: "Respit", body: "Ny förfallodag är satt." },
    ]);
    await expectAppError(
      deleteCannedReply({ db: db.prisma, id, organizationId: other.organizationId }),
      "NOT_FOUND",
    );
    await deleteCannedReply({ db: db.prisma, id, organizationId });
    expect(await listCannedReplies(db.prisma, organizationId)).toEqual([]);
  });
});
