import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { setDatabase } from "@/lib/db/client";
import { jobHandlers } from "@/lib/job-handlers/job-handlers";
import { type JobEngine, startJobEngine } from "@/lib/jobs/job-engine";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { sendTestWebhook } from "@/lib/webhooks/endpoints";
import { api } from "@/tests/helpers/api-client";
import {
  type AuthorizationWorld,
  createAuthorizationWorld,
} from "@/tests/helpers/authorization-world";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Webhooks out, end to end on the real database and a real HTTP receiver: events written in the
 * transaction of their change, delivered by the real job engine, signed per Standard Webhooks 1.0
 * and verified here by an independent implementation (the `standardwebhooks` package). Retries
 * survive the sender's death; 410 disables; 429 waits.
 */
process.env.NEXTAUTH_SECRET ??= "webhooks-test-secret-0123456789abcdef0123";
process.env.APP_URL ??= "http://nota.test";
process.env.DEMO_PAYMENTS ??= "on";
// The receiver is on loopback, which outbound requests otherwise refuse.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let database: TestDatabase;
let world: AuthorizationWorld;
let key: string;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
// What the receiver answers next (then 204): a status and headers.
const answers: Array<{ status: number; headers?: Record<string, string> }> = [];
let engine: JobEngine | null = null;

async function startEngine() {
  engine = await startJobEngine({
    database,
    databaseSchema: database.schema,
    schedule: false,
    pollingIntervalSeconds: 0.5,
    handlers: { "webhooks.deliver": jobHandlers(async () => database.prisma)["webhooks.deliver"] },
  });
  return engine;
}

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  world = await createAuthorizationWorld(database.prisma);
  key = (
    await createApiKey({
      db: database.prisma,
      organizationId: world.organizationId,
      input: {
        name: "ERP",
        mode: "TEST",
        scopes: ["invoices:write", "customers:write", "webhooks:manage", "invoices:read"],
      },
    })
  ).key;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = answers.shift() ?? { status: 204 };
      response.writeHead(answer.status, answer.headers ?? {});
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/nota`;
  await startEngine();
});
afterAll(async () => {
  await engine?.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await database?.close();
});

async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function verified(secret: string) {
  const verifier = new Webhook(secret);
  return received.map((message) => ({
    message,
    payload: verifier.verify(message.body, {
      "webhook-id": String(message.headers["webhook-id"]),
      "webhook-timestamp": String(message.headers["webhook-timestamp"]),
      "webhook-signature": String(message.headers["webhook-signature"]),
    }) as { type: string; data: Record<string, unknown> },
  }));
}

const route = (file: string) => import(`@/${file}`) as Promise<RouteModule>;

describe(`webhooks out (${testDatabaseKind})`, () => {
  it("sends each event signed per Standard Webhooks: issued, paid, accepted, answered, started", async () => {
    const endpoint = await api("POST", "/api/v1/webhook-endpoints", {
      key,
      body: {
        url: receiverUrl,
        events: [
          "invoice.issued",
          "invoice.paid",
          "payment.received",
          "offer.accepted",
          "survey.answered",
          "conversation.started",
        ],
      },
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    const secret: string = endpoint.body.secret;
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once: never again.
    const listed = await api("GET", "/api/v1/webhook-endpoints", { key });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    await api("POST", "/api/v1/customers", {
      key,
      body: {
        externalId: "W-1",
        name: "Wera Webb",
        address: { line1: "Gatan 1", postalCode: "11122", city: "Stockholm" },
      },
    });
    const invoice = await api("POST", "/api/v1/invoices", {
      key,
      body: {
        customer: { externalId: "W-1" },
        externalId: "W-INV-1",
        periodStart: "2026-11-01",
        periodEnd: "2026-11-30",
        issue: true,
        delivery: "none",
        lines: [
          {
            description: "Abonnemang",
            quantity: "1",
            unit: "mån",
            unitPriceOre: "19900",
            vatRate: 25,
          },
        ],
      },
    });
    expect(invoice.status).toBe(201);

    // The customer pays the world's invoice with the demo provider.
    const demo = await callRoute(await route("app/i/[token]/payments/[attemptId]/demo/route"), {
      method: "POST",
      path: `/i/${world.invoice.accessToken}/payments/${world.attemptId}/demo`,
      params: { token: world.invoice.accessToken, attemptId: world.attemptId },
      body: { outcome: "succeeded" },
    });
    expect(demo.status, await demo.clone().text()).toBe(200);
    // …accepts the offer and answers the survey on it…
    const offer = await callRoute(await route("app/i/[token]/offers/[blockId]/route"), {
      method: "POST",
      path: `/i/${world.invoice.accessToken}/offers/${world.offerBlockId}`,
      params: { token: world.invoice.accessToken, blockId: world.offerBlockId },
      body: {},
    });
    expect(offer.status, await offer.clone().text()).toBe(200);
    const survey = await callRoute(await route("app/i/[token]/surveys/[blockId]/route"), {
      method: "POST",
      path: `/i/${world.invoice.accessToken}/surveys/${world.surveyBlockId}`,
      params: { token: world.invoice.accessToken, blockId: world.surveyBlockId },
      body: { score: 9 },
    });
    expect(survey.status).toBe(200);
    // …and another customer writes to support for the first time (twice: one start).
    const fresh = await world.freshInvoice();
    for (const body of ["Hej, en fråga", "Och en till"]) {
      await postChatMessage({
        db: database.prisma,
        input: { invoiceId: fresh.id, body },
        author: { type: "CUSTOMER" },
      });
    }

    // Two issued: the API's invoice and the fresh one the second customer writes about.
    const wanted = [
      "invoice.issued",
      "invoice.issued",
      "payment.received",
      "invoice.paid",
      "offer.accepted",
      "survey.answered",
      "conversation.started",
    ];
    await until("every event", () => (received.length >= wanted.length ? true : undefined));
    // A moment more: nothing beyond what happened arrives.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const events = verified(secret);
    expect(events.map((e) => e.payload.type).sort()).toEqual([...wanted].sort());
    expect(new Set(events.map((e) => e.message.headers["webhook-id"])).size).toBe(events.length);
    const byType = Object.fromEntries(events.map((e) => [e.payload.type, e.payload.data]));
    const issued = events
      .filter((e) => e.payload.type === "invoice.issued")
      .map((e) => e.payload.data);
    expect(issued).toContainEqual(
      expect.objectContaining({
        invoice: expect.objectContaining({
          externalId: "W-INV-1",
          status: "OPEN",
          customer: { id: expect.any(String), externalId: "W-1" },
        }),
      }),
    );
    expect(byType["invoice.paid"]).toMatchObject({
      invoice: { id: world.invoice.id, amountDueOre: 0 },
      payment: { method: "demo" },
    });
    expect(byType["offer.accepted"]).toMatchObject({ invoice: { id: world.invoice.id } });
    expect((byType["offer.accepted"] as { offer: { planId?: string } }).offer.planId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(byType["survey.answered"]).toMatchObject({ survey: { score: 9 } });
    expect(byType["conversation.started"]).toMatchObject({ invoice: { id: fresh.id } });
    expect(JSON.stringify(byType["conversation.started"])).not.toContain("en fråga");
    // A tampered body fails the independent check.
    const first = events[0]!.message;
    expect(() =>
      new Webhook(secret).verify(`${first.body} `, {
        "webhook-id": String(first.headers["webhook-id"]),
        "webhook-timestamp": String(first.headers["webhook-timestamp"]),
        "webhook-signature": String(first.headers["webhook-signature"]),
      }),
    ).toThrow();
  }, 60_000);

  it("tries again on the schedule and loses nothing when the sender dies between tries", async () => {
    const endpoint = await api("POST", "/api/v1/webhook-endpoints", {
      key,
      body: { url: `${receiverUrl}?retry`, events: ["invoice.overdue"] },
    });
    received.length = 0;
    answers.push({ status: 500 });
    const sent = await sendTestWebhook(database.prisma, world.organizationId, endpoint.body.id);
    await until("the first try", async () => {
      const row = await database.prisma.webhookDelivery.findUniqueOrThrow({
        where: { id: sent.deliveryId },
      });
      return row.attempts === 1 && row.nextAttemptAt ? row : undefined;
    });
    // The sender dies now, its next try 5 s away: it lives on as a job in the database.
    await engine!.stop();
    engine = null;
    const failed = await database.prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: sent.deliveryId },
    });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(failed.nextAttemptAt!.getTime() - failed.lastAttemptAt!.getTime()).toBe(5_000);
    await startEngine();
    const done = await until("the retry", async () => {
      const row = await database.prisma.webhookDelivery.findUniqueOrThrow({
        where: { id: sent.deliveryId },
      });
      return row.status === "SUCCEEDED" ? row : undefined;
    });
    expect(done.attempts).toBe(2);
    expect(received).toHaveLength(2);
    // The same message both times: the receiver can tell it is a retry.
    expect(received[0]!.headers["webhook-id"]).toBe(received[1]!.headers["webhook-id"]);
    expect(received[0]!.body).toBe(received[1]!.body);
  }, 60_000);

  it("disables an endpoint that answers 410 Gone, and waits a 429's Retry-After", async () => {
    const gone = await api("POST", "/api/v1/webhook-endpoints", {
      key,
      body: { url: `${receiverUrl}?gone`, events: ["invoice.overdue"] },
    });
    await engine!.stop();
    engine = null;
    answers.push({ status: 410 });
    const test = await sendTestWebhook(database.prisma, world.organizationId, gone.body.id);
    expect(
      await deliverWebhook({
        db: database.prisma,
        organizationId: world.organizationId,
        deliveryId: test.deliveryId,
        allowPrivateNetworks: true,
      }),
    ).toBe("endpoint-gone");
    const endpoint = await database.prisma.webhookEndpoint.findUniqueOrThrow({
      where: { id: gone.body.id },
    });
    expect(endpoint.disabledAt).not.toBeNull();

    const busy = await api("POST", "/api/v1/webhook-endpoints", {
      key,
      body: { url: `${receiverUrl}?busy`, events: ["invoice.overdue"] },
    });
    answers.push({ status: 429, headers: { "retry-after": "600" } });
    const second = await sendTestWebhook(database.prisma, world.organizationId, busy.body.id);
    const at = new Date();
    expect(
      await deliverWebhook({
        db: database.prisma,
        organizationId: world.organizationId,
        deliveryId: second.deliveryId,
        allowPrivateNetworks: true,
        now: () => at,
      }),
    ).toBe("retry-scheduled");
    const row = await database.prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: second.deliveryId },
    });
    expect(row.nextAttemptAt!.getTime() - at.getTime()).toBe(600_000);
    await startEngine();
  }, 60_000);

  it("refuses to send to our own network unless allowed", async () => {
    const endpoint = await api("POST", "/api/v1/webhook-endpoints", {
      key,
      body: { url: `${receiverUrl}?private`, events: ["invoice.overdue"] },
    });
    await engine!.stop();
    engine = null;
    const before = received.length;
    const test = await sendTestWebhook(database.prisma, world.organizationId, endpoint.body.id);
    expect(
      await deliverWebhook({
        db: database.prisma,
        organizationId: world.organizationId,
        deliveryId: test.deliveryId,
        allowPrivateNetworks: false,
      }),
    ).toBe("retry-scheduled");
    const row = await database.prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: test.deliveryId },
    });
    expect(row.lastError).toMatch(/https|private|special/);
    expect(received.length).toBe(before);
    await startEngine();
  });
});
