import { existsSync } from "node:fs";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { nextEvent, request } from "@/tests/helpers/realtime-test-server";
import {
  connectCustomerTo,
  connectStaffTo,
  newAuthSecret,
  postAgentChange,
  type ServerProcess,
  staffSessionCookie,
  startPrivateRedis,
  startServerProcess,
} from "@/tests/helpers/server-cluster";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * Two real server.ts processes sharing PostgreSQL and Redis, as a scaled-out deployment runs:
 * an agent on one process and a customer on the other must see each other live, and a Redis
 * restart may delay delivery but never lose or double a message (chat lives in the database and
 * clients resync from their last sequence number). Needs the production build, TEST_DATABASE_URL
 * and TEST_REDIS_URL (the CI's PostgreSQL pass); skipped, and reported as skipped, otherwise.
 */
const hasBuild = existsSync(path.resolve(".next", "BUILD_ID"));
const redisUrl = process.env.TEST_REDIS_URL;
const REDIS_SERVER = "/usr/bin/redis-server";
const enabled = hasBuild && Boolean(process.env.TEST_DATABASE_URL) && Boolean(redisUrl);

type MessageEvent = { invoiceId?: string; message: ChatMessageView };

let db: TestDatabase;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
const authSecret = newAuthSecret();

async function startPair(redis: string): Promise<[ServerProcess, ServerProcess]> {
  const env = { DATABASE_URL: db.url!, REDIS_URL: redis, NEXTAUTH_SECRET: authSecret };
  const pair = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  for (const server of pair) cleanups.push(() => server.stop());
  return pair;
}

/** An issued invoice with its customer and an agent of the same organisation, both connected. */
async function openInvoice(agentSide: ServerProcess, customerSide: ServerProcess) {
  const { organizationId, customerId } = await createOrganizationWithCustomer(db.prisma);
  const invoice = await createIssuedInvoice(db.prisma, { organizationId, customerId });
  const staff = await createStaffUser(db.prisma, organizationId, { name: "Sara Lind" });
  const cookie = await staffSessionCookie(staff, authSecret);
  const customer = await connectCustomerTo(customerSide, invoice.accessToken);
  const agent = await connectStaffTo(agentSide, cookie);
  cleanups.push(
    () => customer.disconnect(),
    () => agent.disconnect(),
  );
  return { invoice, staff, cookie, customer, agent };
}

/** Every chat message a client holds: what arrived live plus what its resyncs returned. */
function chatView(socket: Socket) {
  const live: ChatMessageView[] = [];
  const held = new Map<number, ChatMessageView>();
  socket.on("chat:message", ({ message }: MessageEvent) => {
    live.push(message);
    held.set(message.seq, message);
  });
  return {
    live,
    held,
    /** The last sequence number up to which the client has every message, as use-chat keeps it. */
    lastSeq() {
      let seq = 0;
      while (held.has(seq + 1)) seq++;
      return seq;
    },
    take(messages: ChatMessageView[]) {
      for (const message of messages) held.set(message.seq, message);
    },
  };
}

beforeAll(async () => {
  if (enabled) db = await createTestDatabase();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await db?.close();
});

describe.skipIf(!enabled)("two server.ts processes on PostgreSQL + Redis", () => {
  it("carries chat, typing, presence and an agent's edit across processes", async () => {
    const [a, b] = await startPair(redisUrl!);
    const { invoice, cookie, customer, agent } = await openInvoice(a, b);

    // Presence: the agent on A sees the customer on B, and the customer sees the agent arrive.
    const agentShown = nextEvent<{ agents: Array<{ name: string }> }>(
      customer,
      "presence",
      (presence) => presence.agents.length === 1,
    );
    const watched = await request<{ presence: { customerOnline: boolean } }>(
      agent,
      "invoice:watch",
      { invoiceId: invoice.id },
    );
    expect(watched).toMatchObject({ ok: true, presence: { customerOnline: true } });
    expect((await agentShown).agents).toEqual([{ name: "Sara" }]);

    // Chat and typing, both ways.
    const atAgent = nextEvent<MessageEvent>(agent, "chat:message");
    const sent = await request<{ message: ChatMessageView }>(customer, "chat:send", {
      body: "Hej från process B",
    });
    expect((await atAgent).message).toMatchObject({ id: sent.message.id, authorType: "CUSTOMER" });
    const atCustomer = nextEvent<MessageEvent>(
      customer,
      "chat:message",
      (event) => event.message.authorType === "STAFF",
    );
    await request(agent, "chat:send", { invoiceId: invoice.id, body: "Hej från process A" });
    expect((await atCustomer).message).toMatchObject({ body: "Hej från process A", seq: 2 });
    const customerTyping = nextEvent(agent, "chat:typing");
    await request(customer, "chat:typing", { typing: true });
    expect(await customerTyping).toEqual({ invoiceId: invoice.id, side: "customer", typing: true });
    const agentTyping = nextEvent(customer, "chat:typing");
    await request(agent, "chat:typing", { invoiceId: invoice.id, typing: true });
    expect(await agentTyping).toEqual({ side: "staff", typing: true, name: "Sara" });

    // An agent's edit through the HTTP API on A reaches the customer on B as a cue.
    const before = await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const cue = nextEvent<{ invoiceId: string; version: number; kind: string }>(
      customer,
      "invoice:changed",
    );
    const respite = {
      action: "respite",
      expectedVersion: before.version,
      dueDate: formatCalendarDate(addDays(before.dueDate!, 14)),
      reason: "Kunden väntar på lön",
      customerText: "Vi har flyttat förfallodagen två veckor.",
    };
    const edited = await postAgentChange(a, cookie, invoice.id, respite);
    expect(edited).toMatchObject({ status: 200, body: { ok: true, version: before.version + 1 } });
    expect(await cue).toEqual({
      invoiceId: invoice.id,
      version: before.version + 1,
      kind: "respite",
    });
    // The same edit from a stale screen is refused with the version that is current now.
    const stale = await postAgentChange(a, cookie, invoice.id, respite);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      status: 409,
      code: "STALE_VERSION",
      details: { currentVersion: before.version + 1 },
    });

    // The customer leaving B is seen on A.
    const left = nextEvent<{ customerOnline: boolean }>(
      agent,
      "presence",
      (presence) => !presence.customerOnline,
    );
    customer.disconnect();
    await left;
    for (const server of [a, b]) expect(server.child.exitCode).toBeNull();
    // Both stop cleanly, and do not hold the machine during the next test.
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
  }, 120_000);

  it.skipIf(!existsSync(REDIS_SERVER))(
    "loses and doubles no message across a Redis restart, and keeps both processes up",
    async () => {
      // A Redis of its own: the machine's shared one is never stopped.
      const redis = await startPrivateRedis(REDIS_SERVER);
      cleanups.push(() => redis.stop());
      const [a, b] = await startPair(redis.url);
      const { invoice, customer, agent } = await openInvoice(a, b);
      await request(agent, "invoice:watch", { invoiceId: invoice.id });
      const secondTab = await connectCustomerTo(b, invoice.accessToken);
      // Closed at the end like the others: a client left reconnecting keeps its test file's
      // process alive after the servers are gone.
      cleanups.push(() => secondTab.disconnect());
      const atAgent = chatView(agent);
      const atCustomer = chatView(customer);
      const sent: string[] = [];
      const send = async (from: "customer" | "agent", body: string, clientMessageId?: string) => {
        const reply = await (from === "customer"
          ? request<{ message: ChatMessageView }>(customer, "chat:send", { body, clientMessageId })
          : request<{ message: ChatMessageView }>(agent, "chat:send", {
              invoiceId: invoice.id,
              body,
              clientMessageId,
            }));
        expect(reply, body).toMatchObject({ ok: true });
        // As use-chat does, the sender keeps what its acknowledgement returned.
        (from === "customer" ? atCustomer : atAgent).take([reply.message]);
        if (!sent.includes(body)) sent.push(body);
        return reply.message;
      };

      const first = await send("customer", "före avbrottet");
      await expect.poll(() => atAgent.held.has(first.seq)).toBe(true);

      await redis.stop();
      // A tab whose connection drops now has its recovery session written to the dead Redis.
      secondTab.io.engine.close();
      // Sending still works while Redis is down: a message is stored before it is broadcast.
      for (let index = 0; index < 3; index++) {
        await send("customer", `kund under avbrottet ${index}`, `customer-outage-${index}`);
        await send("agent", `agent under avbrottet ${index}`, `agent-outage-${index}`);
      }
      // A resend after a lost acknowledgement is stored once.
      const resent = await send("customer", "kund under avbrottet 0", "customer-outage-0");
      expect(resent.seq).toBe(2);
      // A resync works without Redis too (presence, a hint, is left out).
      expect(await request(customer, "chat:sync", { afterSeq: 0 })).toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      for (const server of [a, b]) expect(server.child.exitCode, server.output.join("")).toBeNull();

      // Clients on both processes are told to resync once their process's Redis is back.
      const resyncCues = Promise.all([
        nextEvent(agent, "resync", () => true, 30_000),
        nextEvent(customer, "resync", () => true, 30_000),
      ]);
      await redis.start();
      await resyncCues;
      // Once the adapters are back, a new message crosses processes again.
      await expect
        .poll(
          async () => {
            const probe = await send("customer", `efter omstarten ${sent.length}`);
            await new Promise((resolve) => setTimeout(resolve, 250));
            return atAgent.held.has(probe.seq);
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true);

      // Each side resyncs from the last message it has without a gap.
      const agentSync = await request<{ messages: ChatMessageView[] }>(agent, "chat:sync", {
        invoiceId: invoice.id,
        afterSeq: atAgent.lastSeq(),
      });
      // What the customer wrote on B during the outage could only reach A through this resync.
      expect(agentSync.messages.length).toBeGreaterThanOrEqual(3);
      atAgent.take(agentSync.messages);
      const customerSync = await request<{ messages: ChatMessageView[] }>(customer, "chat:sync", {
        afterSeq: atCustomer.lastSeq(),
      });
      atCustomer.take(customerSync.messages);

      const stored = await db.prisma.chatMessage.findMany({
        where: { conversation: { invoiceId: invoice.id } },
        orderBy: { seq: "asc" },
      });
      // Every message sent is stored exactly once, numbered without gaps …
      expect(stored.map((message) => message.body).sort()).toEqual([...sent].sort());
      expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 1));
      for (const view of [atAgent, atCustomer]) {
        // … each client ends up with all of them, and none arrived live twice.
        expect([...view.held.values()].map((m) => m.id).sort()).toEqual(
          stored.map((m) => m.id).sort(),
        );
        expect(new Set(view.live.map((m) => m.id)).size).toBe(view.live.length);
      }
      for (const server of [a, b]) {
        expect(server.child.exitCode).toBeNull();
        expect(server.output.join("")).not.toMatch(/unhandledRejection|uncaughtException/);
      }
    },
    120_000,
  );
});
