import type { Server } from "socket.io";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { recordPayment } from "@/lib/ledger/record-payment";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { type PaymentProvider, ProviderUnavailableError } from "@/lib/payments/payment-provider";
import { startPayment } from "@/lib/payments/start-payment";
import { registerSocketServer } from "@/lib/realtime/invoice-cues";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * The demo approve/decline route announces what it changed to the invoice's open pages once,
 * after commit (the domain function it calls emits nothing): the payment, at the version after
 * any refund of an overpayment — and the booked payment even when that refund failed.
 */
process.env.NEXTAUTH_SECRET ??= "demo-route-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";
process.env.DEMO_PAYMENTS ??= "on";

const providerKey = Symbol.for("nota.payment-provider");
const holder = globalThis as { [providerKey]?: PaymentProvider | null };

let db: TestDatabase;
let route: RouteModule;
const cues: Array<{ rooms: string[]; cue: Record<string, unknown> }> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  route = await import("@/app/i/[token]/payments/[attemptId]/demo/route");
});
afterAll(async () => db?.close());
beforeEach(() => {
  cues.length = 0;
  holder[providerKey] = createDemoProvider();
  registerSocketServer({
    to: (rooms: string[]) => ({
      emit: (_event: string, cue: Record<string, unknown>) => {
        cues.push({ rooms, cue });
        return true;
      },
    }),
  } as unknown as Server);
});
afterEach(() => {
  registerSocketServer(null);
  delete holder[providerKey];
});

/** A customer's invoice with a demo card payment started on it; `paidByBank` pays it first. */
async function startedPayment(options: { paidByBank?: boolean } = {}) {
  const org = await createOrganization(db.prisma, { refundPolicy: "REFUND" });
  const customer = await createCustomer(db.prisma, org.id);
  const invoice = await createIssuedInvoice(db.prisma, {
    organizationId: org.id,
    customerId: customer.id,
  });
  const started = await startPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    input: { amountOre: invoice.totalOre, method: "CARD" },
    provider: createDemoProvider(),
  });
  if (options.paidByBank) {
    await recordPayment({
      db: db.prisma,
      actor: { type: "SYSTEM" },
      input: {
        invoiceId: invoice.id,
        organizationId: org.id,
        amountOre: invoice.totalOre,
        method: "bank_transfer",
        externalRef: `bg-${invoice.id}`,
      },
    });
  }
  return { invoice, attemptId: started.attemptId };
}

const press = (token: string, attemptId: string, outcome: "succeeded" | "failed") =>
  callRoute(route, {
    method: "POST",
    path: `/i/${token}/payments/${attemptId}/demo`,
    params: { token, attemptId },
    body: { outcome },
  });

const versionOf = async (invoiceId: string) =>
  (await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).version;

describe(`the demo payment route's realtime cue (${testDatabaseKind})`, () => {
  it("announces an approved payment once, to the invoice's customer and staff rooms", async () => {
    const { invoice, attemptId } = await startedPayment();
    const response = await press(invoice.accessToken, attemptId, "succeeded");
    expect(response.status).toBe(200);
    expect(cues).toEqual([
      {
        rooms: [`invoice:${invoice.id}`, `invoice-staff:${invoice.id}`],
        cue: { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "payment" },
      },
    ]);
    // Pressing again changes nothing, and says nothing.
    cues.length = 0;
    await press(invoice.accessToken, attemptId, "succeeded");
    expect(cues).toEqual([]);
  });

  it("announces a declined payment, without a version (the invoice's did not move)", async () => {
    const { invoice, attemptId } = await startedPayment();
    await press(invoice.accessToken, attemptId, "failed");
    expect(cues.map((c) => c.cue)).toEqual([{ invoiceId: invoice.id, kind: "payment" }]);
  });

  it("announces a payment beyond the balance once, at the version after its refund", async () => {
    // Reproduction: settleDemoPayment emitted the payment, then refundCustomerCredit the refund.
    const { invoice, attemptId } = await startedPayment({ paidByBank: true });
    const before = await versionOf(invoice.id);
    await press(invoice.accessToken, attemptId, "succeeded");
    const after = await versionOf(invoice.id);
    expect(after).toBe(before + 2);
    expect(cues.map((c) => c.cue)).toEqual([
      { invoiceId: invoice.id, version: after, kind: "payment" },
    ]);
  });

  it("still announces the booked payment when paying back the overpayment fails", async () => {
    const { invoice, attemptId } = await startedPayment({ paidByBank: true });
    holder[providerKey] = {
      ...createDemoProvider(),
      refund: async () => {
        throw new ProviderUnavailableError("connection reset");
      },
    };
    const response = await press(invoice.accessToken, attemptId, "succeeded");
    expect(response.status).toBe(503);
    expect(cues.map((c) => c.cue)).toEqual([
      { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "payment" },
    ]);
  });
});
