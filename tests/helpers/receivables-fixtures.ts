import type { Db } from "@/lib/db/database";
import type { CollectionStepKind } from "@/lib/db/generated/client";
import { issueFullCreditNote } from "@/lib/invoices/issue-credit-note";
import { recordPayment } from "@/lib/ledger/record-payment";
import { createCustomer, createIssuedInvoice, createOrganization } from "@/tests/helpers/fixtures";

/**
 * A receivables story for the dashboard's tests, in the first half of 2026 (seen from 30 June):
 * three customers (a consumer in segment "privat" who leaves on 20 March, a business in
 * "företag", a consumer without a segment who left on 10 February) and six invoices, issued and
 * paid through the domain functions, with the reminders, fees, waivers, refunds and chats a
 * collection run and a support agent would have added written the way those write them.
 *
 *   on time     issued 5 Jan, paid 20 Jan                                      (privat)
 *   late        issued 5 Jan, reminder 14 Feb (fee 60 kr, interest 5 kr), paid all 20 Feb
 *   unpaid      issued 12 Jan, 50 kr paid 30 Jan, reminder 21 Feb (fee), handed over 10 Mar,
 *               three customer messages (and a staff answer)                   (företag)
 *   credited    issued 12 Jan, credited in full 20 Jan                         (no segment)
 *   refunded    issued 3 Feb, paid 10 Feb, 20 kr paid back 15 Feb, one message (no segment)
 *   waived      issued 3 Feb, reminder 15 Mar with a fee waived the next day, paid 20 Mar
 *                                                                              (företag)
 * plus a draft (never counted).
 */
export const STORY_NOW = new Date("2026-06-30T10:00:00Z");
const SYSTEM = { type: "SYSTEM" } as const;
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const date = (day: string) => new Date(`${day}T00:00:00Z`);

export async function createReceivablesStory(db: Db) {
  const organization = await createOrganization(db);
  const organizationId = organization.id;
  const plan = await db.plan.create({
    data: {
      organizationId,
      code: `BB-${organizationId.slice(0, 8)}`,
      name: "Bredband",
      kind: "BROADBAND",
      monthlyFeeOre: 10_000,
    },
  });
  const privat = await createCustomer(db, organizationId, {
    segment: "privat",
    customerSince: date("2020-01-01"),
  });
  const business = await createCustomer(db, organizationId, {
    segment: "företag",
    isBusiness: true,
    customerSince: date("2024-06-01"),
  });
  const unsegmented = await createCustomer(db, organizationId, {
    customerSince: date("2025-01-01"),
  });
  await db.contract.createMany({
    data: [
      { customerId: privat.id, startsOn: date("2020-01-01"), endsOn: date("2026-03-20") },
      { customerId: business.id, startsOn: date("2024-06-01"), endsOn: null },
      { customerId: unsegmented.id, startsOn: date("2025-01-01"), endsOn: date("2026-02-10") },
    ].map((contract) => ({ ...contract, organizationId, planId: plan.id })),
  });
  const policy = await db.collectionPolicy.create({
    data: {
      organizationId,
      name: "Standard",
      position: 0,
      isDefault: true,
      targeting: { all: [] },
      steps: {
        create: [
          { position: 0, kind: "REMINDER", offsetDays: 10, chargeFee: true },
          { position: 1, kind: "COLLECTION_HANDOVER", anchor: "PREVIOUS_STEP", offsetDays: 14 },
        ],
      },
    },
    select: { id: true, steps: { select: { id: true, kind: true } } },
  });
  const stepOf = (kind: CollectionStepKind) => policy.steps.find((step) => step.kind === kind)!.id;

  const issue = (customerId: string, issued: string, due: string) =>
    createIssuedInvoice(db, {
      organizationId,
      customerId,
      issueDate: date(issued),
      dueDate: date(due),
    });
  const pay = (invoiceId: string, amountOre: number, day: string, ref: string) =>
    recordPayment({
      db,
      actor: SYSTEM,
      input: {
        invoiceId,
        organizationId,
        amountOre,
        method: "bankgiro",
        externalRef: ref,
        occurredAt: at(day),
      },
    });
  const entry = (
    invoiceId: string,
    kind: "FEE" | "REFUND",
    amountOre: number,
    day: string,
    externalRef: string,
  ) =>
    db.ledgerEntry.create({
      data: { organizationId, invoiceId, kind, amountOre, externalRef, occurredAt: at(day) },
    });
  const step = (invoiceId: string, kind: CollectionStepKind, day: string, feeOre = 0) =>
    db.collectionAction.create({
      data: {
        organizationId,
        invoiceId,
        policyId: policy.id,
        stepId: stepOf(kind),
        kind,
        channel: "EMAIL",
        plannedFor: date(day),
        performedOn: date(day),
        amountDueOre: 12_500,
        feeOre,
        reason: "story",
        sendStatus: "SENT",
      },
    });
  const chat = async (
    invoiceId: string,
    customerId: string,
    authors: Array<"CUSTOMER" | "STAFF">,
  ) => {
    const conversation = await db.conversation.create({
      data: { organizationId, invoiceId, customerId },
    });
    await db.chatMessage.createMany({
      data: authors.map((authorType, index) => ({
        organizationId,
        conversationId: conversation.id,
        seq: index + 1,
        authorType,
        body: authorType === "CUSTOMER" ? "Varför är fakturan så hög?" : "Vi tittar på det.",
      })),
    });
    // An internal note is no contact from the customer.
    await db.chatMessage.create({
      data: {
        organizationId,
        conversationId: conversation.id,
        seq: authors.length + 1,
        authorType: "STAFF",
        kind: "NOTE",
        body: "Intern anteckning",
      },
    });
  };

  const onTime = await issue(privat.id, "2026-01-05", "2026-02-04");
  await pay(onTime.id, onTime.totalOre, "2026-01-20", `story-${onTime.id}`);

  const late = await issue(privat.id, "2026-01-05", "2026-02-04");
  await step(late.id, "REMINDER", "2026-02-14", 6_000);
  await entry(late.id, "FEE", 6_000, "2026-02-14", `reminder-fee:${late.id}`);
  await entry(late.id, "FEE", 500, "2026-02-14", `interest:${late.id}:${stepOf("REMINDER")}`);
  await pay(late.id, late.totalOre + 6_500, "2026-02-20", `story-${late.id}`);

  const unpaid = await issue(business.id, "2026-01-12", "2026-02-11");
  await pay(unpaid.id, 5_000, "2026-01-30", `story-${unpaid.id}`);
  await step(unpaid.id, "REMINDER", "2026-02-21", 6_000);
  await entry(unpaid.id, "FEE", 6_000, "2026-02-21", `reminder-fee:${unpaid.id}`);
  await step(unpaid.id, "COLLECTION_HANDOVER", "2026-03-10");
  await db.invoice.update({ where: { id: unpaid.id }, data: { handedOverAt: at("2026-03-10") } });
  await chat(unpaid.id, business.id, ["CUSTOMER", "STAFF", "CUSTOMER", "CUSTOMER"]);

  const credited = await issue(unsegmented.id, "2026-01-12", "2026-02-11");
  await issueFullCreditNote({
    db,
    actor: SYSTEM,
    input: { invoiceId: credited.id, organizationId, reason: "Fel pris" },
    issueDate: date("2026-01-20"),
    creditedAt: at("2026-01-20"),
    notify: false,
  });

  const refunded = await issue(unsegmented.id, "2026-02-03", "2026-03-05");
  await pay(refunded.id, refunded.totalOre, "2026-02-10", `story-${refunded.id}`);
  await entry(refunded.id, "REFUND", 2_000, "2026-02-15", `story-refund-${refunded.id}`);
  await chat(refunded.id, unsegmented.id, ["CUSTOMER"]);

  const waived = await issue(business.id, "2026-02-03", "2026-03-05");
  await step(waived.id, "REMINDER", "2026-03-15", 6_000);
  const fee = await entry(waived.id, "FEE", 6_000, "2026-03-15", `reminder-fee:${waived.id}`);
  await entry(waived.id, "FEE", -6_000, "2026-03-16", `waive:${fee.id}`);
  await pay(waived.id, waived.totalOre, "2026-03-20", `story-${waived.id}`);

  await db.invoice.create({
    data: {
      organizationId,
      customerId: privat.id,
      periodStart: date("2026-01-01"),
      periodEnd: date("2026-01-31"),
      totalOre: 99_900,
    },
  });

  return {
    organizationId,
    customers: { privat, business, unsegmented },
    invoices: { onTime, late, unpaid, credited, refunded, waived },
  };
}
