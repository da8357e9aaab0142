import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import type { ApiScope } from "@/lib/api/scopes";
import { ensureDefaultPolicy } from "@/lib/collections/policies";
import { setDatabase } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import { getJobEngine } from "@/lib/jobs/job-engine";
import {
  type Access,
  expectedStatus,
  IDENTITIES,
  type Identity,
  STAFF_PAGES,
} from "@/tests/helpers/authorization-cases";
import {
  type AuthorizationWorld,
  collectionPolicyInput,
  createAuthorizationWorld,
} from "@/tests/helpers/authorization-world";
import { generateBgMax } from "@/tests/helpers/bank-file-generator";
import { callRoute, type RouteModule, type RouteRequest } from "@/tests/helpers/route-harness";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "@/tests/helpers/test-database";

/**
 * Every route handler × every kind of asker, through the real handlers with real requests on the
 * real database: a route added without its check — or a check removed — fails here. The test
 * also fails when a route or staff page exists that no row of the matrix covers.
 */
process.env.NEXTAUTH_SECRET ??= "authorization-matrix-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";
process.env.DEMO_PAYMENTS ??= "on";

const UNKNOWN_TOKEN = "Z".repeat(43);

interface RouteCase {
  file: string;
  method: RouteRequest["method"];
  access: Access;
  /** The status when the asker is allowed (for API v1, with a key: no asker here holds one). */
  ok: number;
  request: (world: AuthorizationWorld, who: Asker) => Promise<Omit<RouteRequest, "method">>;
}

interface Asker {
  identity: Identity;
  cookie?: string;
  /** The invoice link this asker holds (an unknown one for those who hold none). */
  token: string;
}

const load = (file: string) => () =>
  import(`@/${file.replace(/\.ts$/, "")}`) as Promise<RouteModule>;

const staffOnly = (roles: readonly StaffRole[], foreign: boolean): Access => ({
  kind: "staff",
  roles,
  foreign,
});
const AGENTS = ["AGENT", "ADMIN"] as const;
const MARKETERS = ["MARKETER", "ADMIN"] as const;

const blockInput = (name: string) => ({
  name,
  kind: "INFORMATION",
  slot: "AFTER_SUMMARY",
  targeting: { all: [] },
  variants: [
    {
      key: "A",
      weight: 1,
      content: { sv: { title: name, body: "x" }, en: { title: name, body: "x" } },
    },
  ],
});

const ADMINS = ["ADMIN"] as const;

/**
 * API v1, every operation: only a Bearer key opens it (lib/api/api-handler.ts), so every asker of
 * the matrix — sessions and links alike — is 401, and a key of A without the operation's scope
 * is 403. Keys with the scope, organisations apart, others' ids: tests/integration/api-v1.test.ts.
 */
const API_V1_CASES: RouteCase[] = (Object.values(API_OPERATIONS) as ApiOperation[]).map(
  (operation) => ({
    file: `app${operation.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`,
    method: operation.method,
    access: { kind: "apiKey", scope: operation.scope },
    ok: operation.responses[0]!.status,
    async request() {
      const params: Record<string, string> = {};
      const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        params[name] = crypto.randomUUID();
        return params[name];
      });
      const hasBody = operation.method === "POST" || operation.method === "PATCH";
      return { path, params, ...(hasBody ? { body: {} } : {}) };
    },
  }),
);

const FINANCE = ["FINANCE", "ADMIN"] as const;
const UNMATCHED = ["FINANCE", "AGENT", "ADMIN"] as const;

const CASES: RouteCase[] = [
  {
    file: "app/api/finance/bank-files/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, false),
    ok: 202,
    request: async () => ({
      path: "/api/finance/bank-files?name=bgmax.txt",
      // Not this organisation's account: received (202), then refused by its import job.
      rawBody: generateBgMax(
        [
          {
            amountOre: 100,
            reference: { kind: "none", value: null },
            bookingDate: "2026-12-01",
            entryReference: String(Math.floor(Math.random() * 1e9)),
          },
        ],
        { account: { bankgiro: "9912346" } },
      ).text,
      headers: { "content-type": "text/plain" },
    }),
  },
  {
    file: "app/api/finance/bank-files/[id]/payments.csv/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/finance/bank-files/${world.bankFileId}/payments.csv`,
      params: { id: world.bankFileId },
    }),
  },
  {
    file: "app/api/finance/unmatched-payments/[id]/route.ts",
    method: "POST",
    access: staffOnly(UNMATCHED, true),
    ok: 200,
    async request(world) {
      const payment = await world.freshUnmatchedPayment();
      return {
        path: `/api/finance/unmatched-payments/${payment.id}`,
        params: { id: payment.id },
        body: { action: "return", reason: "Okänd betalare" },
      };
    },
  },
  {
    file: "app/api/finance/bank-repayments/[id]/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, true),
    ok: 200,
    async request(world) {
      const repayment = await world.freshRepayment();
      return {
        path: `/api/finance/bank-repayments/${repayment.id}`,
        params: { id: repayment.id },
        body: { action: "paid-back", bankReference: "SEB 2026-12-14 4711" },
      };
    },
  },
  {
    file: "app/api/finance/decision-targets/route.ts",
    method: "GET",
    access: staffOnly(UNMATCHED, true),
    ok: 200,
    // A's invoice 3: B has no invoice with that number, so B's admin finds nothing (404).
    request: async (world) => ({
      path: `/api/finance/decision-targets?invoiceNumber=${world.earlier.number}`,
    }),
  },
  {
    file: "app/api/finance/collections/policies/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, false),
    ok: 201,
    request: async () => ({
      path: "/api/finance/collections/policies",
      body: collectionPolicyInput(`Ny ${crypto.randomUUID().slice(0, 8)}`),
    }),
  },
  {
    file: "app/api/finance/collections/policies/[id]/route.ts",
    method: "PUT",
    access: staffOnly(FINANCE, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/finance/collections/policies/${world.collectionPolicyId}`,
      params: { id: world.collectionPolicyId },
      body: collectionPolicyInput("Företag"),
    }),
  },
  {
    file: "app/api/finance/collections/policies/[id]/route.ts",
    method: "DELETE",
    access: staffOnly(FINANCE, true),
    ok: 200,
    async request(world) {
      const { id } = await world.freshCollectionPolicy();
      return { path: `/api/finance/collections/policies/${id}`, params: { id } };
    },
  },
  {
    file: "app/api/finance/collections/policies/reorder/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, true),
    ok: 200,
    // A's policies as they are now, reversed: B has none of them (404).
    request: async (world) => ({
      path: "/api/finance/collections/policies/reorder",
      body: { order: (await world.collectionPolicyOrder()).reverse() },
    }),
  },
  {
    file: "app/api/finance/collections/preview/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, true),
    ok: 200,
    // A's invoice 3: B has no invoice with that number (404).
    request: async (world) => ({
      path: "/api/finance/collections/preview",
      body: {
        policy: collectionPolicyInput("Förhandsvisning"),
        stepIndex: 0,
        invoiceNumber: world.earlier.number,
      },
    }),
  },
  {
    // The asker's own organisation's objective: B's admin sets B's (nothing of A is named).
    file: "app/api/finance/collections/objective/route.ts",
    method: "PUT",
    access: staffOnly(FINANCE, false),
    ok: 200,
    request: async () => ({
      path: "/api/finance/collections/objective",
      body: { paidWithinDays: 7, churnPenalty: 1, supportPenalty: 0.25 },
    }),
  },
  {
    // One list for every organisation (the Riksbank's rates): any organisation's administrator.
    file: "app/api/finance/collections/reference-rates/route.ts",
    method: "PUT",
    access: staffOnly(ADMINS, false),
    ok: 200,
    request: async () => ({
      path: "/api/finance/collections/reference-rates",
      body: { validFrom: "2026-07-01", rateBasisPoints: 200 },
    }),
  },
  {
    file: "app/api/finance/collections/letters/[id]/pdf/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/finance/collections/letters/${world.letterId}/pdf`,
      params: { id: world.letterId },
    }),
  },
  {
    file: "app/api/finance/collections/letters.pdf/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/finance/collections/letters.pdf?ids=${world.letterId}`,
    }),
  },
  {
    file: "app/api/finance/collections/letters/printed/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, true),
    ok: 200,
    async request(world) {
      const letter = await world.freshLetter();
      return {
        path: "/api/finance/collections/letters/printed",
        body: { actionIds: [letter.id] },
      };
    },
  },
  {
    file: "app/api/finance/collections/handovers.csv/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, false),
    ok: 200,
    request: async () => ({ path: "/api/finance/collections/handovers.csv?from=2026-01-01" }),
  },
  {
    file: "app/api/finance/collections/handovers.json/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, false),
    ok: 200,
    request: async () => ({ path: "/api/finance/collections/handovers.json" }),
  },
  {
    file: "app/api/finance/receivables.csv/route.ts",
    method: "GET",
    access: staffOnly(FINANCE, false),
    ok: 200,
    request: async () => ({ path: "/api/finance/receivables.csv?period=week&kind=business" }),
  },
  {
    file: "app/api/finance/receivables/refresh/route.ts",
    method: "POST",
    access: staffOnly(FINANCE, false),
    // Accepted: the refresh is a job (asking again while one waits is accepted too).
    ok: 202,
    request: async () => ({ path: "/api/finance/receivables/refresh", body: {} }),
  },
  {
    file: "app/api/admin/api-keys/route.ts",
    method: "POST",
    access: staffOnly(ADMINS, false),
    ok: 201,
    request: async () => ({
      path: "/api/admin/api-keys",
      body: { name: "Faktureringssystem", mode: "TEST", scopes: ["invoices:read"] },
    }),
  },
  {
    file: "app/api/admin/api-keys/[id]/route.ts",
    method: "DELETE",
    access: staffOnly(ADMINS, true),
    ok: 200,
    async request(world) {
      const { id } = await world.freshApiKey();
      return { path: `/api/admin/api-keys/${id}`, params: { id } };
    },
  },
  {
    file: "app/api/admin/jobs/retry/route.ts",
    method: "POST",
    access: staffOnly(["ADMIN"], true),
    ok: 200,
    async request(world) {
      // A failed job of A's, fresh for each asker (a retried one is no longer failed).
      const engine = getJobEngine()!;
      const id = (await engine.boss.send(
        "chat.reply-email",
        { organizationId: world.organizationId, messageId: crypto.randomUUID() },
        { retryLimit: 0 },
      ))!;
      await engine.boss.fail("chat.reply-email", id, { message: "refused" });
      return { path: "/api/admin/jobs/retry", body: { queue: "chat.reply-email", jobId: id } };
    },
  },
  {
    file: "app/api/admin/organization/route.ts",
    method: "PUT",
    access: staffOnly(["ADMIN"], false),
    ok: 200,
    request: async () => ({
      path: "/api/admin/organization",
      body: {
        name: "Norrsken Energi AB",
        orgNumber: "556036-0793",
        vatNumber: "SE556036079301",
        hasFSkatt: true,
        addressLine1: "Kraftverksgatan 12",
        postalCode: "903 27",
        city: "Umeå",
        bankgiro: "5050-1055",
        paymentTermsDays: 30,
        roundToWholeKrona: true,
        reminderAfterDays: 10,
        reminderFeeOre: 0,
        allowPartialPayment: true,
        minimumPartialPaymentOre: 10_000,
        refundPolicy: "REFUND",
      },
    }),
  },
  {
    file: "app/api/admin/webhook-deliveries/[id]/resend/route.ts",
    method: "POST",
    access: staffOnly(ADMINS, true),
    ok: 202,
    async request(world) {
      // A delivered one, fresh for each asker (a resent one is pending, and is not resent again).
      const { id } = await world.freshWebhookDelivery();
      return { path: `/api/admin/webhook-deliveries/${id}/resend`, params: { id } };
    },
  },
  {
    file: "app/api/admin/webhook-endpoints/route.ts",
    method: "POST",
    access: staffOnly(ADMINS, false),
    ok: 201,
    request: async () => ({
      path: "/api/admin/webhook-endpoints",
      body: {
        url: "https://erp.example.se/hooks/nota",
        events: ["invoice.issued", "invoice.paid"],
        description: "ERP",
      },
    }),
  },
  {
    file: "app/api/admin/webhook-endpoints/[id]/route.ts",
    method: "DELETE",
    access: staffOnly(ADMINS, true),
    ok: 200,
    async request(world) {
      const { id } = await world.freshWebhookEndpoint();
      return { path: `/api/admin/webhook-endpoints/${id}`, params: { id } };
    },
  },
  {
    file: "app/api/admin/webhook-endpoints/[id]/enable/route.ts",
    method: "POST",
    access: staffOnly(ADMINS, true),
    ok: 200,
    async request(world) {
      const { id } = await world.freshWebhookEndpoint({ disabled: true });
      return { path: `/api/admin/webhook-endpoints/${id}/enable`, params: { id } };
    },
  },
  {
    file: "app/api/admin/webhook-endpoints/[id]/test/route.ts",
    method: "POST",
    access: staffOnly(ADMINS, true),
    ok: 202,
    request: async (world) => ({
      path: `/api/admin/webhook-endpoints/${world.webhookEndpointId}/test`,
      params: { id: world.webhookEndpointId },
    }),
  },
  {
    file: "app/api/agent/canned-replies/route.ts",
    method: "POST",
    access: staffOnly(AGENTS, false),
    ok: 200,
    request: async () => ({
      path: "/api/agent/canned-replies",
      body: { title: `Svar ${crypto.randomUUID().slice(0, 8)}`, body: "Hej!" },
    }),
  },
  {
    file: "app/api/agent/canned-replies/[id]/route.ts",
    method: "DELETE",
    access: staffOnly(AGENTS, true),
    ok: 200,
    async request(world) {
      const { id } = await world.freshCannedReply();
      return { path: `/api/agent/canned-replies/${id}`, params: { id } };
    },
  },
  {
    file: "app/api/agent/conversations/[id]/route.ts",
    method: "POST",
    access: staffOnly(AGENTS, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/agent/conversations/${world.conversationId}`,
      params: { id: world.conversationId },
      body: { action: "resolve" },
    }),
  },
  {
    file: "app/api/agent/conversations/[id]/dispute/route.ts",
    method: "PUT",
    access: staffOnly(AGENTS, true),
    ok: 200,
    async request(world) {
      // Open (another case resolves it): a resolved conversation is reopened before a dispute.
      await world.db.conversation.update({
        where: { id: world.conversationId },
        data: { status: "OPEN" },
      });
      return {
        path: `/api/agent/conversations/${world.conversationId}/dispute`,
        params: { id: world.conversationId },
        body: { disputed: true },
      };
    },
  },
  {
    file: "app/api/agent/customers/[id]/fee-agreement/route.ts",
    method: "PUT",
    access: staffOnly(AGENTS, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/agent/customers/${world.customer.id}/fee-agreement`,
      params: { id: world.customer.id },
      body: { agreedOn: "2024-01-01", source: "Avtal v3" },
    }),
  },
  {
    file: "app/api/agent/invoices/[id]/changes/route.ts",
    method: "POST",
    access: staffOnly(AGENTS, true),
    ok: 200,
    async request(world) {
      const invoice = await world.freshInvoice();
      const { dueDate } = await world.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
      return {
        path: `/api/agent/invoices/${invoice.id}/changes`,
        params: { id: invoice.id },
        body: {
          action: "respite",
          expectedVersion: invoice.version,
          dueDate: nextMonth(dueDate),
          reason: "Kunden bad om tid",
        },
      };
    },
  },
  {
    file: "app/api/agent/invoices/[id]/credit-preview/route.ts",
    method: "POST",
    access: staffOnly(AGENTS, true),
    ok: 200,
    async request(world) {
      const invoice = await world.freshInvoice();
      return {
        path: `/api/agent/invoices/${invoice.id}/credit-preview`,
        params: { id: invoice.id },
        body: {
          action: "credit",
          expectedVersion: invoice.version,
          mode: { kind: "amount", amountOre: 1_000, vatRate: 25 },
          reason: "Kunden reklamerade",
        },
      };
    },
  },
  {
    file: "app/api/health/route.ts",
    method: "GET",
    access: { kind: "public" },
    ok: 200,
    request: async () => ({ path: "/api/health" }),
  },
  {
    file: "app/api/marketing/blocks/route.ts",
    method: "POST",
    access: staffOnly(MARKETERS, false),
    ok: 201,
    request: async () => ({ path: "/api/marketing/blocks", body: blockInput("Ny") }),
  },
  {
    file: "app/api/marketing/blocks/[id]/route.ts",
    method: "PUT",
    access: staffOnly(MARKETERS, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/marketing/blocks/${world.informationBlockId}`,
      params: { id: world.informationBlockId },
      body: blockInput("Info"),
    }),
  },
  {
    file: "app/api/marketing/blocks/[id]/status/route.ts",
    method: "POST",
    access: staffOnly(MARKETERS, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/marketing/blocks/${world.informationBlockId}/status`,
      params: { id: world.informationBlockId },
      body: { status: "PUBLISHED" },
    }),
  },
  {
    file: "app/api/marketing/blocks/[id]/analytics.csv/route.ts",
    method: "GET",
    access: staffOnly(MARKETERS, true),
    ok: 200,
    request: async (world) => ({
      path: `/api/marketing/blocks/${world.offerBlockId}/analytics.csv`,
      params: { id: world.offerBlockId },
    }),
  },
  {
    // One's own console language: any signed-in staff member, for themselves only.
    file: "app/api/staff/language/route.ts",
    method: "POST",
    access: staffOnly(["ADMIN", "AGENT", "MARKETER", "FINANCE"], false),
    ok: 200,
    request: async () => ({ path: "/api/staff/language", body: { locale: "en" } }),
  },
  {
    file: "app/api/marketing/audience/route.ts",
    method: "POST",
    access: staffOnly(MARKETERS, false),
    ok: 200,
    request: async () => ({
      path: "/api/marketing/audience",
      body: { targeting: { all: [{ fact: "tenureMonths", op: "gte", value: 12 }] } },
    }),
  },
  {
    file: "app/api/marketing/customers/route.ts",
    method: "GET",
    access: staffOnly(MARKETERS, false),
    ok: 200,
    request: async () => ({ path: "/api/marketing/customers?q=Anna" }),
  },
  {
    file: "app/api/marketing/settings/route.ts",
    method: "PUT",
    access: staffOnly(MARKETERS, false),
    ok: 200,
    request: async () => ({
      path: "/api/marketing/settings",
      body: { maxContentBlocksPerInvoice: 3 },
    }),
  },
  {
    // The API's reference, public like any API documentation.
    file: "app/api/v1/openapi.json/route.ts",
    method: "GET",
    access: { kind: "public" },
    ok: 200,
    request: async () => ({ path: "/api/v1/openapi.json" }),
  },
  ...API_V1_CASES,
  {
    // Only Stripe (by its signature) reaches this; without Stripe configured it does not exist.
    file: "app/api/stripe/webhook/route.ts",
    method: "POST",
    access: { kind: "public" },
    ok: 404,
    request: async () => ({ path: "/api/stripe/webhook", body: {} }),
  },
  {
    file: "app/i/[token]/content/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/content`,
      params: { token: who.token },
      body: { blockId: world.informationBlockId, type: "IMPRESSION" },
    }),
  },
  {
    // Only an expired link may ask for a fresh one; a live link (as every asker here holds) or an
    // unknown one is the same 404. The fresh-link flow itself: lib/invoices/link-management.test.ts.
    file: "app/i/[token]/new-link/route.ts",
    method: "POST",
    access: { kind: "public" },
    ok: 404,
    request: async (_world, who) => ({
      path: `/i/${who.token}/new-link`,
      params: { token: who.token },
    }),
  },
  {
    // The language switch looks nothing up: it answers every well-formed link alike.
    file: "app/i/[token]/language/[lang]/route.ts",
    method: "GET",
    access: { kind: "public" },
    ok: 303,
    request: async (_world, who) => ({
      path: `/i/${who.token}/language/en`,
      params: { token: who.token, lang: "en" },
    }),
  },
  {
    file: "app/i/[token]/n/[number]/pdf/route.ts",
    method: "GET",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/n/${world.earlier.number}/pdf`,
      params: { token: who.token, number: String(world.earlier.number) },
    }),
  },
  {
    file: "app/i/[token]/offers/[blockId]/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/offers/${world.offerBlockId}`,
      params: { token: who.token, blockId: world.offerBlockId },
      body: {},
    }),
  },
  {
    file: "app/i/[token]/payments/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/payments`,
      params: { token: who.token },
      // The earlier invoice, named by number: B's link cannot reach A's numbers.
      body: {
        amountOre: world.earlier.totalOre,
        method: "CARD",
        invoiceNumber: world.earlier.number,
      },
    }),
  },
  {
    // A fresh invoice of A's customer, named by number: B's link cannot reach A's numbers.
    file: "app/i/[token]/payment-plan/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    async request(world, who) {
      await ensureDefaultPolicy(world.db, world.organizationId);
      await world.db.collectionPolicy.updateMany({
        where: { organizationId: world.organizationId, isDefault: true },
        data: { paymentPlanMinOre: 1_000 },
      });
      const invoice = await world.freshInvoice();
      return {
        path: `/i/${who.token}/payment-plan`,
        params: { token: who.token },
        body: { parts: 2, expectedVersion: invoice.version, invoiceNumber: invoice.number },
      };
    },
  },
  {
    file: "app/i/[token]/payments/[attemptId]/route.ts",
    method: "GET",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/payments/${world.attemptId}`,
      params: { token: who.token, attemptId: world.attemptId },
    }),
  },
  {
    file: "app/i/[token]/payments/[attemptId]/demo/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/payments/${world.attemptId}/demo`,
      params: { token: who.token, attemptId: world.attemptId },
      body: { outcome: "failed" },
    }),
  },
  {
    file: "app/i/[token]/pdf/route.ts",
    method: "GET",
    access: { kind: "link", foreign: false },
    ok: 200,
    request: async (_world, who) => ({ path: `/i/${who.token}/pdf`, params: { token: who.token } }),
  },
  {
    file: "app/i/[token]/respite/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    async request(world, who) {
      const invoice = await world.freshInvoice();
      const { dueDate } = await world.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
      return {
        path: `/i/${who.token}/respite`,
        params: { token: who.token },
        body: {
          dueDate: new Date(dueDate!.getTime() + 86_400_000).toISOString().slice(0, 10),
          expectedVersion: invoice.version,
          invoiceNumber: invoice.number,
        },
      };
    },
  },
  {
    file: "app/i/[token]/surveys/[blockId]/route.ts",
    method: "POST",
    access: { kind: "link", foreign: true },
    ok: 200,
    request: async (world, who) => ({
      path: `/i/${who.token}/surveys/${world.surveyBlockId}`,
      params: { token: who.token, blockId: world.surveyBlockId },
      body: { score: 9 },
    }),
  },
];

/** Routes not in the matrix, with the reason. */
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const NOT_IN_MATRIX: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own sign-in endpoints (tested end to end by the sign-in specs)",
};

function nextMonth(dueDate: Date | null): string {
  const base = dueDate ?? new Date();
  return new Date(base.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
}

function filesNamed(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return name.test(entry) ? [full] : [];
  });
}

let database: TestDatabase;
let world: AuthorizationWorld;
beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  world = await createAuthorizationWorld(database.prisma);
});
afterAll(async () => database?.close());

const keysWithout = new Map<ApiScope, Promise<string>>();
function keyWithout(scope: ApiScope): Promise<string> {
  let key = keysWithout.get(scope);
  if (!key) {
    key = world.apiKeyWithout(scope);
    keysWithout.set(scope, key);
  }
  return key;
}

function askerFor(identity: Identity): Asker {
  switch (identity) {
    case "anonymous":
      return { identity, token: UNKNOWN_TOKEN };
    case "customer":
      return { identity, token: world.invoice.accessToken };
    case "otherOrganization":
      return { identity, cookie: world.otherAdmin.cookie, token: world.otherInvoice.accessToken };
    default:
      return { identity, cookie: world.staff[identity].cookie, token: UNKNOWN_TOKEN };
  }
}

describe(`the authorization matrix (${testDatabaseKind})`, () => {
  it("covers every method of every route handler, and every staff page", async () => {
    // Per exported method, not per file: a GET added beside a covered POST fails here too.
    const missing: string[] = [];
    for (const file of filesNamed("app", /^route\.ts$/).sort()) {
      if (file in NOT_IN_MATRIX) continue;
      const module = (await load(file)()) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof module[method] !== "function") continue;
        if (!CASES.some((c) => c.file === file && c.method === method)) {
          missing.push(`${method} ${file}`);
        }
      }
    }
    expect(missing).toEqual([]);
    const pages = filesNamed("app/(staff)", /^page\.tsx$/).sort();
    expect(pages.filter((file) => !STAFF_PAGES.some((page) => page.file === file))).toEqual([]);
  });

  for (const routeCase of CASES) {
    it(`${routeCase.method} ${routeCase.file.replace(/^app|\/route\.ts$/g, "")}`, async () => {
      const module = await load(routeCase.file)();
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const identity of IDENTITIES) {
        const asker = askerFor(identity);
        const request = await routeCase.request(world, asker);
        const response = await callRoute(module, {
          method: routeCase.method,
          cookie: asker.cookie,
          ...request,
        });
        answers[identity] = response.status;
        expected[identity] = expectedStatus(routeCase.access, identity, routeCase.ok);
        if (response.status >= 400) {
          // Every refusal is the house's problem reply, never a bare error page.
          expect(response.headers.get("content-type") ?? "", identity).toBe(
            "application/problem+json",
          );
        }
      }
      if (routeCase.access.kind === "apiKey") {
        const request = await routeCase.request(world, askerFor("anonymous"));
        const key = await keyWithout(routeCase.access.scope);
        const response = await callRoute(module, {
          method: routeCase.method,
          ...request,
          headers: { authorization: `Bearer ${key}` },
        });
        answers["key of A without the scope"] = response.status;
        expected["key of A without the scope"] = 403;
        expect(response.headers.get("content-type") ?? "").toBe("application/problem+json");
      }
      expect(answers).toEqual(expected);
    });
  }

  it("refuses a state-changing staff request from another site, even with a valid session", async () => {
    const module = await load("app/api/agent/canned-replies/route.ts")();
    const response = await callRoute(module, {
      method: "POST",
      path: "/api/agent/canned-replies",
      cookie: world.staff.ADMIN.cookie,
      headers: { origin: "https://evil.example" },
      body: { title: "Kapad", body: "x" },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "FORBIDDEN" });
  });
});
