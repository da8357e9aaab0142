import type { Server } from "socket.io";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { recordPayment } from "@/lib/ledger/record-payment";
import { settleDemoPayment } from "@/lib/payments/demo-payments";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import {
  committedChangesOf,
  mergeInvoiceChanges,
  withCommittedChanges,
} from "@/lib/payments/invoice-changes";
import { type PaymentProvider, ProviderUnavailableError } from "@/lib/payments/payment-provider";
import {
  creditInvoiceAndRefund,
  refundCreditForAgent,
} from "@/lib/payments/refund-credited-invoice";
import { startPayment } from "@/lib/payments/start-payment";
import { registerSocketServer } from "@/lib/realtime/invoice-cues";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";
import { callRoute, sessionCookieFor } from "@/tests/helpers/route-harness";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * House rule: domain functions never emit realtime cues; the route that made the change emits
 * after commit. Reproduction (audit): creditInvoiceAndRefund, refundCustomerCredit,
 * settleDemoPayment and handleStripeWebhook emitted from inside lib/payments, and the agent's
 * change route emitted again after them — three cues for one credit of a paid invoice. Now they
 * return what changed, and each route announces it once.
 */
process.env.NEXTAUTH_SECRET ??= "invoice-changes-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";
process.env.DEMO_PAYMENTS ??= "on";

let db: TestDatabase;
const demo = createDemoProvider();
const cues: Array<{ rooms: string[]; event: string; cue: Record<string, unknown> }> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());
beforeEach(() => {
  cues.length = 0;
  // A socket server that records what would be sent, and to which rooms.
  registerSocketServer({
    to: (rooms: string[]) => ({
      emit: (event: string, cue: Record<string, unknown>) => {
        cues.push({ rooms, event, cue });
        return true;
      },
    }),
  } as unknown as Server);
});
afterEach(() => registerSocketServer(null));

/** An invoice paid in full by a (demo) card payment, in an organisation that refunds. */
async function paidInvoice() {
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
    provider: demo,
  });
  await settleDemoPayment({
    db: db.prisma,
    invoiceId: invoice.id,
    attemptId: started.attemptId,
    outcome: "succeeded",
    provider: demo,
  });
  return { ...invoice, organizationId: org.id, attemptId: started.attemptId };
}

const versionOf = async (invoiceId: string) =>
  (await db.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).version;

/** The console's full credit, naming the version the agent saw. */
const fullCredit = async (invoice: { id: string; organizationId: string }) => ({
  invoiceId: invoice.id,
  organizationId: invoice.organizationId,
  reason: "Fel kund",
  mode: { kind: "full" as const },
  expectedVersion: await versionOf(invoice.id),
});

describe("merging what changed", () => {
  it("gives one change per invoice, named by the first, with the newest version", () => {
    expect(
      mergeInvoiceChanges([
        { invoiceId: "a", version: 3, kind: "payment" },
        { invoiceId: "b", kind: "payment" },
        { invoiceId: "a", version: 4, kind: "refund" },
      ]),
    ).toEqual([
      { invoiceId: "a", version: 4, kind: "payment" },
      { invoiceId: "b", kind: "payment" },
    ]);
    // A change that did not move the version: no page may skip the refresh.
    expect(
      mergeInvoiceChanges([
        { invoiceId: "a", version: 3, kind: "payment" },
        { invoiceId: "a", kind: "refund" },
      ]),
    ).toEqual([{ invoiceId: "a", kind: "payment" }]);
  });

  it("carries committed changes on an error without changing what the error says", () => {
    const error = new Error("refund failed");
    expect(withCommittedChanges(error, [{ invoiceId: "a", version: 2, kind: "credit" }])).toBe(
      error,
    );
    expect(committedChangesOf(error)).toEqual([{ invoiceId: "a", version: 2, kind: "credit" }]);
    expect(Object.keys(error)).toEqual([]);
    expect(JSON.stringify(error)).toBe("{}");
    expect(committedChangesOf(new Error("other"))).toEqual([]);
    expect(committedChangesOf("not an error")).toEqual([]);
  });
});

describe(`payment functions emit nothing and say what changed (${testDatabaseKind})`, () => {
  it("a demo payment, and paying back what it paid too much", async () => {
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
      provider: demo,
    });
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
    const settled = await settleDemoPayment({
      db: db.prisma,
      invoiceId: invoice.id,
      attemptId: started.attemptId,
      outcome: "succeeded",
      provider: demo,
    });
    expect(cues).toEqual([]);
    // Booked, then paid back: one change, the payment, at the version after the refund.
    expect(settled.changes).toEqual([
      { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "payment" },
    ]);
  });

  it("a credit of a paid invoice and its refund", async () => {
    const invoice = await paidInvoice();
    const result = await creditInvoiceAndRefund({
      db: db.prisma,
      provider: demo,
      actor: { type: "SYSTEM" },
      input: await fullCredit(invoice),
    });
    expect(cues).toEqual([]);
    expect(result.refundedOre).toBe(invoice.totalOre);
    expect(result.changes).toEqual([
      { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "credit" },
    ]);
  });

  it("a credit whose refund fails: the credit stands and travels with the error", async () => {
    const invoice = await paidInvoice();
    const silent: PaymentProvider = {
      ...demo,
      refund: async () => {
        throw new ProviderUnavailableError("connection reset");
      },
    };
    const error = await creditInvoiceAndRefund({
      db: db.prisma,
      provider: silent,
      actor: { type: "SYSTEM" },
      input: await fullCredit(invoice),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "UNAVAILABLE" });
    expect(cues).toEqual([]);
    expect(committedChangesOf(error)).toEqual([
      { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "credit" },
    ]);
  });

  it("an agent's refund of the customer's credit", async () => {
    const invoice = await paidInvoice();
    // Credited while the provider was away: the money stays as credit, to refund later.
    const silent: PaymentProvider = {
      ...demo,
      refund: async () => {
        throw new ProviderUnavailableError("connection reset");
      },
    };
    await creditInvoiceAndRefund({
      db: db.prisma,
      provider: silent,
      actor: { type: "SYSTEM" },
      input: await fullCredit(invoice),
    }).catch(() => {});
    const settled = await refundCreditForAgent({
      db: db.prisma,
      invoiceId: invoice.id,
      organizationId: invoice.organizationId,
      expectedVersion: await versionOf(invoice.id),
      provider: demo,
    });
    expect(cues).toEqual([]);
    expect(settled.changes).toEqual([
      { invoiceId: invoice.id, version: await versionOf(invoice.id), kind: "refund" },
    ]);
  });
});

describe(`the agent's change route announces a credit once (${testDatabaseKind})`, () => {
  async function creditThroughTheRoute(invoice: Awaited<ReturnType<typeof paidInvoice>>) {
    const agent = await createStaffUser(db.prisma, invoice.organizationId, { role: "AGENT" });
    const route = await import("@/app/api/agent/invoices/[id]/changes/route");
    return callRoute(route, {
      method: "POST",
      path: `/api/agent/invoices/${invoice.id}/changes`,
      params: { id: invoice.id },
      cookie: await sessionCookieFor(agent),
      body: {
        action: "credit",
        mode: { kind: "full" },
        expectedVersion: await versionOf(invoice.id),
        reason: "Fel kund",
      },
    });
  }

  it("after the credit and its refund, with the newest version", async () => {
    const invoice = await paidInvoice();
    const response = await creditThroughTheRoute(invoice);
    expect(response.status).toBe(200);
    const version = await versionOf(invoice.id);
    const creditNote = await db.prisma.invoice.findFirstOrThrow({
      where: { creditedInvoiceId: invoice.id },
      select: { id: true, number: true },
    });
    // The reply names the credit note it made, for the agent's confirmation.
    expect(await response.json()).toMatchObject({
      ok: true,
      version,
      creditNote: { creditNoteId: creditNote.id, number: creditNote.number },
    });
    expect(cues).toEqual([
      {
        rooms: [`invoice:${invoice.id}`, `invoice-staff:${invoice.id}`],
        event: "invoice:changed",
        cue: { invoiceId: invoice.id, version, kind: "credit" },
      },
    ]);
  });
});
