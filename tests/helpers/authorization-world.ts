import { PDFDocument } from "pdf-lib";
import { createApiKey } from "@/lib/api/api-keys";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { saveCannedReply } from "@/lib/chat/canned-replies";
import { postChatMessage } from "@/lib/chat/post-chat-message";
import { policyInputSchema } from "@/lib/collections/policies";
import { savePolicy } from "@/lib/collections/policy-admin";
import { contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { saveContentBlock, setContentBlockStatus } from "@/lib/content/blocks/manage-blocks";
import type { Db } from "@/lib/db/database";
import type { StaffRole } from "@/lib/db/generated/client";
import { createDemoProvider } from "@/lib/payments/demo-provider";
import { startPayment } from "@/lib/payments/start-payment";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { newWebhookMessageId } from "@/lib/webhooks/outbox";
import { createCustomer, createIssuedInvoice, createOrganization } from "./fixtures";
import { createContract, createPlan } from "./plan-fixtures";
import { sessionCookieFor } from "./route-harness";
import { createStaffUser } from "./staff-fixtures";

/**
 * Two organisations for the authorization matrix: A with its staff (one per role), a customer
 * on a plan with invoices, published content (information, an offer, a survey), a conversation,
 * a payment attempt and a webhook endpoint; B with an admin and a customer with a link of its
 * own. Every request the matrix makes names A's things; B's people must not reach them.
 */
const text = (title: string) => ({
  sv: { title, body: "Text" },
  en: { title, body: "Text" },
});

export async function createAuthorizationWorld(db: Db) {
  const a = await createOrganization(db);
  const b = await createOrganization(db);
  const staffOf = async (organizationId: string, role: StaffRole) => {
    const staff = await createStaffUser(db, organizationId, { role });
    return { ...staff, cookie: await sessionCookieFor(staff) };
  };
  const staff = {
    AGENT: await staffOf(a.id, "AGENT"),
    MARKETER: await staffOf(a.id, "MARKETER"),
    FINANCE: await staffOf(a.id, "FINANCE"),
    ADMIN: await staffOf(a.id, "ADMIN"),
  };
  const otherAdmin = await staffOf(b.id, "ADMIN");

  const basic = await createPlan(db, a.id, { code: "BAS", name: "Bas" });
  await createPlan(db, a.id, { code: "GRON", name: "Grön" });
  const customer = await createCustomer(db, a.id);
  const contract = await createContract(db, {
    organizationId: a.id,
    customerId: customer.id,
    planId: basic.id,
    startsOn: "2024-01-01",
  });
  const issue = () =>
    createIssuedInvoice(db, { organizationId: a.id, customerId: customer.id }).then(
      async (invoice) => {
        await db.invoice.update({ where: { id: invoice.id }, data: { contractId: contract.id } });
        return invoice;
      },
    );
  // A's earlier invoice is number 3: B's customer, with invoice 1 only, has no such number.
  await issue();
  await issue();
  const earlier = await issue();
  await issue();
  const invoice = await issue();

  const otherCustomer = await createCustomer(db, b.id);
  const otherInvoice = await createIssuedInvoice(db, {
    organizationId: b.id,
    customerId: otherCustomer.id,
  });

  const marketer = { staffId: staff.MARKETER.id, organizationId: a.id };
  const publish = async (input: unknown) => {
    const saved = await saveContentBlock({
      db,
      marketer,
      input: contentBlockInputSchema.parse(input),
    });
    await setContentBlockStatus({ db, marketer, blockId: saved.id, status: "PUBLISHED" });
    return saved.id;
  };
  const everyone = { all: [] };
  const informationBlockId = await publish({
    name: "Info",
    kind: "INFORMATION",
    slot: "AFTER_SUMMARY",
    targeting: everyone,
    variants: [{ key: "A", weight: 1, content: text("Info") }],
  });
  const offerBlockId = await publish({
    name: "Grönt",
    kind: "OFFER",
    slot: "OFFERS",
    targeting: everyone,
    settings: { plan: { mode: "fixed", planCode: "GRON" } },
    variants: [{ key: "A", weight: 1, content: text("Byt till grönt") }],
  });
  const surveyBlockId = await publish({
    name: "NPS",
    kind: "SURVEY",
    slot: "BEFORE_CHAT",
    targeting: everyone,
    settings: { scale: "NPS" },
    variants: [{ key: "A", weight: 1, content: text("Hur gjorde vi?") }],
  });

  const question = await postChatMessage({
    db,
    input: { invoiceId: invoice.id, body: "Varför är fakturan högre?" },
    author: { type: "CUSTOMER" },
  });
  const attempt = await startPayment({
    db,
    invoiceId: invoice.id,
    input: { amountOre: invoice.totalOre, method: "CARD" },
    provider: createDemoProvider(),
  });

  const endpointOfA = async (disabled = false) => {
    const endpoint = await createWebhookEndpoint({
      db,
      organizationId: a.id,
      input: {
        url: `https://erp.example.se/hooks/${crypto.randomUUID().slice(0, 8)}`,
        events: ["invoice.issued", "invoice.paid"],
      },
      allowPrivateNetworks: false,
    });
    if (disabled) {
      await db.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { disabledAt: new Date(), disabledReason: "The endpoint answered 410 Gone" },
      });
    }
    return endpoint;
  };
  const webhookEndpoint = await endpointOfA();

  // A bank file of A's, and a fresh payment from it in the unmatched queue on demand.
  const bankFile = await db.bankFile.create({
    data: {
      organizationId: a.id,
      format: "BGMAX",
      source: "UPLOAD",
      fileName: "bgmax.txt",
      sha256: crypto.randomUUID(),
      sizeBytes: 1,
      content: Buffer.from("01BGMAX"),
      status: "IMPORTED",
    },
  });
  const freshUnmatchedPayment = async () =>
    db.bankPayment.create({
      data: {
        organizationId: a.id,
        bankFileId: bankFile.id,
        entryReference: `matrix:${crypto.randomUUID()}`,
        amountOre: 10_000,
        referenceKind: "none",
        extraReferences: [],
        status: "UNMATCHED",
      },
    });

  // A payment back of A's waiting for finance (a payment marked for return), on demand.
  const freshRepayment = async () => {
    const payment = await freshUnmatchedPayment();
    return db.bankRepayment.create({
      data: {
        organizationId: a.id,
        sourceKey: `returned:${payment.id}`,
        bankPaymentId: payment.id,
        amountOre: payment.amountOre,
        reason: "returned",
        method: "bankgiro",
      },
    });
  };

  // A's collection policies (one besides the default) and a letter of A's waiting to be printed.
  const policyOfA = (name: string) =>
    savePolicy({
      db,
      organizationId: a.id,
      input: policyInputSchema.parse(collectionPolicyInput(name)),
      actor: { staffId: staff.FINANCE.id },
    });
  const collectionPolicy = await policyOfA("Företag");
  const defaultPolicy = await db.collectionPolicy.findFirstOrThrow({
    where: { organizationId: a.id, isDefault: true },
    include: { steps: true },
  });
  const letterPdf = new Uint8Array(
    await PDFDocument.create().then(async (document) => {
      document.addPage();
      return document.save();
    }),
  );
  const letterOfA = async () => {
    const letterInvoice = await issue();
    return db.collectionAction.create({
      data: {
        organizationId: a.id,
        invoiceId: letterInvoice.id,
        policyId: defaultPolicy.id,
        stepId: defaultPolicy.steps[0]!.id,
        kind: "REMINDER",
        channel: "LETTER",
        plannedFor: new Date("2026-12-17T00:00:00Z"),
        performedOn: new Date("2026-12-17T00:00:00Z"),
        amountDueOre: letterInvoice.totalOre,
        reason: "policy-charges-no-fee; policy-charges-no-interest",
        sendStatus: "TO_PRINT",
        letterPdf,
      },
    });
  };
  const letter = await letterOfA();

  return {
    db,
    organizationId: a.id,
    bankFileId: bankFile.id,
    /** A's collection policy (not the default). */
    collectionPolicyId: collectionPolicy.id,
    /** A fresh collection policy of A (for deletes). */
    freshCollectionPolicy: () => policyOfA(`Policy ${crypto.randomUUID().slice(0, 8)}`),
    /** A's policies but the default, in their order now (the reorder route wants them all). */
    collectionPolicyOrder: async () =>
      (
        await db.collectionPolicy.findMany({
          where: { organizationId: a.id, isDefault: false },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((policy) => policy.id),
    /** A's letter waiting to be printed, with its PDF. */
    letterId: letter.id,
    /** A fresh letter of A waiting to be printed (for marking printed). */
    freshLetter: letterOfA,
    freshUnmatchedPayment,
    freshRepayment,
    staff,
    otherAdmin,
    customer,
    invoice,
    earlier,
    otherInvoice,
    informationBlockId,
    offerBlockId,
    surveyBlockId,
    conversationId: question.conversationId,
    attemptId: attempt.attemptId,
    /** A fresh issued invoice of A (for changes that use up its version). */
    freshInvoice: issue,
    /** A's webhook endpoint (enabled, for test events and the delivery log). */
    webhookEndpointId: webhookEndpoint.id,
    /** A fresh webhook endpoint of A (for deletes); `disabled` as after a 410 Gone (to enable). */
    freshWebhookEndpoint: (options: { disabled?: boolean } = {}) =>
      endpointOfA(options.disabled ?? false),
    /** A fresh delivery of A's that went through (so it may be sent again). */
    async freshWebhookDelivery() {
      const event = await db.webhookEvent.create({
        data: {
          id: newWebhookMessageId(),
          organizationId: a.id,
          type: "invoice.paid",
          payload: { type: "invoice.paid", data: {} },
        },
      });
      return db.webhookDelivery.create({
        data: {
          organizationId: a.id,
          eventId: event.id,
          endpointId: webhookEndpoint.id,
          status: "SUCCEEDED",
          attempts: 1,
          lastAttemptAt: new Date(),
          lastStatusCode: 200,
        },
      });
    },
    /** A fresh active API key of A (for revokes). */
    freshApiKey: () =>
      createApiKey({
        db,
        organizationId: a.id,
        input: {
          name: `Key ${crypto.randomUUID().slice(0, 8)}`,
          mode: "TEST",
          scopes: ["invoices:read"],
        },
      }),
    /** An API key of A with every scope but `scope` (API v1 must answer it 403). */
    apiKeyWithout: (scope: ApiScope) =>
      createApiKey({
        db,
        organizationId: a.id,
        input: {
          name: `Without ${scope}`,
          mode: "TEST",
          scopes: API_SCOPES.filter((other) => other !== scope),
        },
      }).then((created) => created.key),
    /** A fresh canned reply of A (for deletes). */
    async freshCannedReply() {
      return saveCannedReply({
        db,
        organizationId: a.id,
        input: { title: `Svar ${crypto.randomUUID().slice(0, 8)}`, body: "Hej!" },
      });
    },
  };
}

export type AuthorizationWorld = Awaited<ReturnType<typeof createAuthorizationWorld>>;

/** A small valid collection policy document (as the console sends it), named `name`. */
export function collectionPolicyInput(name: string) {
  return {
    name,
    targeting: { fact: "isBusiness", op: "eq", value: true },
    feeMinimumAmountDueOre: 10_000,
    chargeInterest: false,
    interestMinimumOre: 1_000,
    respiteMaxDays: 14,
    paymentPlanMinOre: null,
    paymentPlanMaxParts: 3,
    paymentPlanFeeOre: 0,
    agencyName: null,
    agencyContact: null,
    steps: [
      {
        kind: "REMINDER",
        anchor: "DUE_DATE",
        offsetDays: 10,
        channel: "EMAIL",
        tone: "NEUTRAL",
        chargeFee: true,
      },
    ],
  };
}
