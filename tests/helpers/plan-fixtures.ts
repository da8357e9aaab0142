import { randomUUID } from "node:crypto";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { ChatAuthorType, ChatMessageKind, Prisma } from "@/lib/db/generated/client";
import { createDraftInvoice } from "@/lib/invoices/create-draft-invoice";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { DEFAULT_LINES } from "./fixtures";

/**
 * Plans, contracts, invoices on chosen dates and back-dated conversations, for the targeting and
 * offer tests. Plans and contracts have no domain function of their own yet (the ERP API will
 * create them), so they are written directly; invoices still go through draft → issue.
 */

const SYSTEM = { type: "SYSTEM" } as const;

export async function createPlan(
  db: Db,
  organizationId: string,
  overrides: Partial<Prisma.PlanUncheckedCreateInput> = {},
) {
  const code = overrides.code ?? `PLAN-${randomUUID().slice(0, 6)}`;
  return db.plan.create({
    data: {
      organizationId,
      code,
      name: code,
      kind: "ENERGY",
      monthlyFeeOre: 3_900,
      unitPriceCentiOre: 11_200,
      usageUnit: "KWH",
      ...overrides,
    },
  });
}

export async function createContract(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    planId: string;
    startsOn: string;
    endsOn?: string;
    campaignEndsOn?: string;
    campaignMonthlyFeeOre?: number;
  },
) {
  return db.contract.create({
    data: {
      organizationId: options.organizationId,
      customerId: options.customerId,
      planId: options.planId,
      startsOn: parseCalendarDate(options.startsOn),
      endsOn: options.endsOn ? parseCalendarDate(options.endsOn) : null,
      campaignEndsOn: options.campaignEndsOn ? parseCalendarDate(options.campaignEndsOn) : null,
      campaignMonthlyFeeOre: options.campaignMonthlyFeeOre ?? null,
    },
  });
}

/** An issued invoice for a period, optionally on a contract, issued and due on chosen dates. */
export async function createInvoiceFor(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    periodStart: string;
    periodEnd: string;
    contractId?: string;
    issueDate?: string;
    dueDate?: string;
  },
) {
  const draft = await createDraftInvoice({
    db,
    actor: SYSTEM,
    input: {
      organizationId: options.organizationId,
      customerId: options.customerId,
      contractId: options.contractId,
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      lines: DEFAULT_LINES,
    },
  });
  return issueInvoice({
    db,
    invoiceId: draft.id,
    organizationId: options.organizationId,
    actor: SYSTEM,
    issueDate: options.issueDate ? parseCalendarDate(options.issueDate) : undefined,
    dueDate: options.dueDate ? parseCalendarDate(options.dueDate) : undefined,
  });
}

/** A conversation on an invoice with messages at chosen times (history the chat cannot back-date). */
export async function createConversationWithMessages(
  db: Db,
  options: {
    organizationId: string;
    customerId: string;
    invoiceId: string;
    messages: Array<{ authorType: ChatAuthorType; kind?: ChatMessageKind; at: Date }>;
  },
) {
  const conversation = await db.conversation.create({
    data: {
      organizationId: options.organizationId,
      customerId: options.customerId,
      invoiceId: options.invoiceId,
      lastSeq: options.messages.length,
    },
  });
  await db.chatMessage.createMany({
    data: options.messages.map((message, index) => ({
      organizationId: options.organizationId,
      conversationId: conversation.id,
      seq: index + 1,
      kind: message.kind ?? "MESSAGE",
      authorType: message.authorType,
      body: `Meddelande ${index + 1}`,
      createdAt: message.at,
    })),
  });
  return conversation;
}
