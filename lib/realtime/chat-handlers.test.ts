import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import {
  ADDRESS_EVENT_LIMITS,
  CONNECTION_LIMITS,
  EVENT_LIMITS,
  LINK_EVENT_LIMITS,
} from "@/lib/realtime/connection-limiter";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { recheckIdentities } from "@/lib/realtime/recheck-identities";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import {
  nextEvent,
  type RealtimeTestServer,
  recordEvents,
  request,
  startRealtimeTestServer,
} from "@/tests/helpers/realtime-test-server";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
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

type MessageEvent = { invoiceId?: string; message: ChatMessageView };

async function setUp() {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId });
  const staff = await createStaffUser(db.prisma, organizationId, { name: "Sara Lind" });
  const customer = await server.connectCustomer(invoice.accessToken);
  const agent = await server.connectStaff(staff);
  expect(await request(agent, "invoice:watch", { invoiceId: invoice.id })).toMatchObject({
    ok: true,
  });
  return { organizationId, customerId, invoice, staff, customer, agent };
}

describe("chat over the socket server", () => {
  it("carries messages both ways, stored before they are sent", async () => {
    const { invoice, customer, agent } = await setUp();
    const atAgent = nextEvent<MessageEvent>(agent, "chat:message");
    const sent = await request<{ message: ChatMessageView }>(customer, "chat:send", {
      body: "Varför så dyrt?",
      clientMessageId: "customer-0001",
    });
    expect(sent).toMatchObject({ ok: true, message: { seq: 1, body: "Varför så dyrt?" } });
    expect((await atAgent).message.id).toBe(sent.message.id);
    expect(await db.prisma.chatMessage.count({ where: { id: sent.message.id } })).toBe(1);

    const atCustomer = nextEvent<MessageEvent>(customer, "chat:message");
    await request(agent, "chat:send", { invoiceId: invoice.id, body: "Det var kallt i oktober." });
    expect((await atCustomer).message).toMatchObject({
      seq: 2,
      authorName: "Sara",
      authorType: "STAFF",
    });
  });

  it("never sends an internal note to the customer", async () => {
    const { invoice, customer, agent } = await setUp();
    const seen = recordEvents(customer);
    await request(agent, "chat:send", {
      invoiceId: invoice.id,
      body: "Kunden är arg",
      kind: "NOTE",
    });
    const reply = nextEvent<MessageEvent>(customer, "chat:message");
    await request(agent, "chat:send", { invoiceId: invoice.id, body: "Hej!" });
    expect((await reply).message.body).toBe("Hej!");
    expect(JSON.stringify(seen)).not.toContain("Kunden är arg");
    const sync = await request<{ messages: ChatMessageView[] }>(customer, "chat:sync", {
      afterSeq: 0,
    });
    expect(sync.messages.map((m) => m.body)).toEqual(["Hej!"]);
  });

  it("shows typing and read marks to the other side", async () => {
    const { invoice, customer, agent } = await setUp();
    const typingAtAgent = nextEvent(agent, "chat:typing");
    await request(customer, "chat:typing", { typing: true });
    expect(await typingAtAgent).toEqual({ invoiceId: invoice.id, side: "customer", typing: true });
    const typingAtCustomer = nextEvent(customer, "chat:typing");
    await request(agent, "chat:typing", { invoiceId: invoice.id, typing: true });
    expect(await typingAtCustomer).toEqual({ side: "staff", typing: true, name: "Sara" });

    const { message } = await request<{ message: ChatMessageView }>(customer, "chat:send", {
      body: "Hallå",
    });
    const receipt = nextEvent<{ receipts: { staffReadSeq: number } }>(
      customer,
      "chat:receipts",
      (event) => event.receipts.staffReadSeq >= message.seq,
    );
    await request(agent, "chat:seen", { invoiceId: invoice.id, seq: message.seq, read: true });
    expect((await receipt).receipts.staffReadSeq).toBe(message.seq);
  });

  it("tells the customer which agent is looking, and the agent that the customer is online", async () => {
    const { invoice, customer, staff } = await setUp();
    const second = await createStaffUser(db.prisma, staff.organizationId, { name: "Omar Said" });
    const other = await server.connectStaff(second);
    const shown = nextEvent<{ agents: Array<{ name: string }> }>(
      customer,
      "presence",
      (p) => p.agents.length === 2,
    );
    const watched = await request<{ presence: { customerOnline: boolean } }>(
      other,
      "invoice:watch",
      {
        invoiceId: invoice.id,
      },
    );
    expect(watched.presence.customerOnline).toBe(true);
    expect((await shown).agents.map((a) => a.name).sort()).toEqual(["Omar", "Sara"]);
    const left = nextEvent<{ agents: unknown[] }>(
      customer,
      "presence",
      (p) => p.agents.length === 1,
    );
    other.disconnect();
    await left;
  });

  it("resyncs a reconnecting customer from the last message it saw, without gaps or twins", async () => {
    const { invoice, customer, agent } = await setUp();
    await request(customer, "chat:send", { body: "Första" });
    customer.disconnect();
    await request(agent, "chat:send", { invoiceId: invoice.id, body: "Svar ett" });
    await request(agent, "chat:send", { invoiceId: invoice.id, body: "Svar två" });
    const back = await server.connectCustomer(invoice.accessToken);
    const sync = await request<{ messages: ChatMessageView[]; version: number }>(
      back,
      "chat:sync",
      { afterSeq: 1 },
    );
    expect(sync.messages.map((m) => [m.seq, m.body])).toEqual([
      [2, "Svar ett"],
      [3, "Svar två"],
    ]);
    expect(sync.version).toBe(invoice.version);
  });

  it("sends invoice cues to the invoice's customer and watching staff only", async () => {
    const { invoice, customer, agent } = await setUp();
    const bystander = await setUp();
    const seen = recordEvents(bystander.customer);
    const atCustomer = nextEvent(customer, "invoice:changed");
    const atAgent = nextEvent(agent, "invoice:changed");
    emitInvoiceChanged({ invoiceId: invoice.id, version: 7, kind: "edit" });
    expect(await atCustomer).toEqual({ invoiceId: invoice.id, version: 7, kind: "edit" });
    expect(await atAgent).toEqual({ invoiceId: invoice.id, version: 7, kind: "edit" });
    expect(seen.filter((e) => e.event === "invoice:changed")).toEqual([]);
  });
});

describe("what the socket server refuses", () => {
  it("refuses staff acting on another organisation's invoice or one they have not opened", async () => {
    const { agent } = await setUp();
    const theirs = await setUp();
    expect(await request(agent, "invoice:watch", { invoiceId: theirs.invoice.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(
      await request(agent, "chat:send", { invoiceId: theirs.invoice.id, body: "hej" }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(
      await db.prisma.chatMessage.count({ where: { organizationId: theirs.organizationId } }),
    ).toBe(0);
  });

  it("answers unknown and malformed events with an error and keeps serving", async () => {
    const { customer } = await setUp();
    expect(await request(customer, "room:join", { room: "org:x" })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_EVENT" },
    });
    expect(await request(customer, "chat:send", { body: 42 })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT" },
    });
    expect(await request(customer, "chat:send", "hello")).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT" },
    });
    expect(await request(customer, "chat:send", { body: "x".repeat(2001) })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", detail: expect.stringContaining("at most 2000") },
    });
    customer.emit("chat:send", { body: "no ack wanted" });
    customer.emit("chat:seen", null);
    expect(await request(customer, "chat:sync", { afterSeq: 0 })).toMatchObject({ ok: true });
  });

  it("limits how fast one connection may send", async () => {
    const { customer } = await setUp();
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        request(customer, "chat:send", { body: `spam ${index}` }),
      ),
    );
    const limited = replies.filter(
      (reply) => (reply.error as { code?: string } | undefined)?.code === "RATE_LIMITED",
    ).length;
    expect(limited).toBeGreaterThanOrEqual(5);
    expect(replies.filter((reply) => reply.ok).length).toBe(15 - limited);
  });

  it("limits a link, not only a connection: more sockets buy no more messages", async () => {
    const { invoice, customer } = await setUp();
    // Reproduction: 20 sockets on one link stored 160 of 160 messages in a second.
    const sockets = [customer];
    for (let i = 1; i < CONNECTION_LIMITS.perLink; i++) {
      sockets.push(await server.connectCustomer(invoice.accessToken));
    }
    await expect(server.connectCustomer(invoice.accessToken)).rejects.toThrow(
      /too many connections on this link/,
    );
    const replies = await Promise.all(
      sockets.flatMap((socket, s) =>
        Array.from({ length: EVENT_LIMITS.message.burst }, (_, i) =>
          request(socket, "chat:send", { body: `från flik ${s}, ${i}` }),
        ),
      ),
    );
    const stored = await db.prisma.chatMessage.count({
      where: { conversation: { invoiceId: invoice.id } },
    });
    const accepted = replies.filter((reply) => reply.ok).length;
    expect(stored).toBe(accepted);
    // The link's burst, plus what refills while the replies come back.
    expect(accepted).toBeGreaterThanOrEqual(LINK_EVENT_LIMITS.message.burst);
    expect(accepted).toBeLessThanOrEqual(LINK_EVENT_LIMITS.message.burst + 3);
    // A closed socket gives its place back.
    sockets.pop()!.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(server.connectCustomer(invoice.accessToken)).resolves.toMatchObject({
      connected: true,
    });
  });

  it("limits an address across links: sockets and messages", async () => {
    const small = await startRealtimeTestServer(db.prisma, {
      limits: { socketsPerLink: 10, socketsPerAddress: 6 },
    });
    try {
      const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
      const invoices = await Promise.all(
        Array.from({ length: 7 }, () =>
          createIssuedInvoice(db.prisma, { organizationId, customerId }),
        ),
      );
      const sockets = [];
      for (const invoice of invoices.slice(0, 6)) {
        sockets.push(await small.connectCustomer(invoice.accessToken));
      }
      await expect(small.connectCustomer(invoices[6]!.accessToken)).rejects.toThrow(
        /too many connections from this address/,
      );
      const replies = await Promise.all(
        sockets.flatMap((socket) =>
          Array.from({ length: EVENT_LIMITS.message.burst }, (_, i) =>
            request(socket, "chat:send", { body: `meddelande ${i}` }),
          ),
        ),
      );
      const accepted = replies.filter((reply) => reply.ok).length;
      // 6 links × 8 = 48 asked for; the address's burst of 40 (and a little refill) passes.
      expect(accepted).toBeGreaterThanOrEqual(ADDRESS_EVENT_LIMITS.message.burst);
      expect(accepted).toBeLessThanOrEqual(ADDRESS_EVENT_LIMITS.message.burst + 5);
    } finally {
      await small.close();
    }
  });

  it("refuses a socket opened from another site's page, and accepts one from its own", async () => {
    const { invoice } = await setUp();
    await expect(
      server.connectCustomer(invoice.accessToken, null, { origin: "https://evil.example" }),
    ).rejects.toThrow();
    const own = await server.connectCustomer(invoice.accessToken, null, { origin: server.url });
    expect(own.connected).toBe(true);
  });

  it("refuses a marketer's staff socket: chat and notes are the support console's", async () => {
    const { organizationId } = await createOrganizationWithCustomer(db.prisma);
    const marketer = await createStaffUser(db.prisma, organizationId, { role: "MARKETER" });
    await expect(server.connectStaff(marketer)).rejects.toThrow(/unauthorized/);
  });

  it("cuts off open connections whose rights ended: a disabled agent, a renewed link", async () => {
    const { invoice, customer, agent, staff } = await setUp();
    const bystander = await setUp();
    expect(await recheckIdentities(server.io, db.prisma)).toBe(0);
    await db.prisma.staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    await db.prisma.invoiceLink.updateMany({
      where: { invoiceId: invoice.id },
      data: { revokedAt: new Date() },
    });
    const agentGone = new Promise((resolve) => agent.once("disconnect", resolve));
    const customerGone = new Promise((resolve) => customer.once("disconnect", resolve));
    expect(await recheckIdentities(server.io, db.prisma)).toBe(2);
    await Promise.all([agentGone, customerGone]);
    expect(bystander.customer.connected && bystander.agent.connected).toBe(true);
  });

  it("answers a handshake the database is too busy for as unavailable (the client retries), with the problem", async () => {
    const busy = await startRealtimeTestServer(async () => {
      throw new Error("timeout exceeded when trying to connect");
    });
    try {
      const refusal = (await busy
        .connectCustomer("A".repeat(43))
        .catch((error: unknown) => error)) as Error & { data?: { status: number; code: string } };
      expect(refusal.message).toBe("unavailable");
      expect(refusal.data).toMatchObject({ status: 503, code: "UNAVAILABLE" });
    } finally {
      await busy.close();
    }
  });

  it("refuses a handshake without a valid link or session", async () => {
    await expect(server.connectCustomer("not-a-real-token")).rejects.toThrow(/unauthorized/);
    await expect(
      server.connectStaff({ id: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow(/unauthorized/);
  });
});
