import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJobs } from "@/lib/jobs/job-engine";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

/**
 * The outbox: webhook events are rows written in the transaction of the change they report, with
 * one delivery row and one `webhooks.deliver` job per endpoint that asked for the type — so an
 * event exists exactly when its change does, and a process that dies loses none. Nothing is
 * written for an organisation without an endpoint for the type. Any number of events is a fixed
 * number of statements (an invoice run writes a thousand at once).
 */
export function newWebhookMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

export interface WebhookEventInput {
  organizationId: string;
  type: WebhookEventType;
  /** The invoice it is about (its summary goes into the payload). */
  invoiceId?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

type Tx = Prisma.TransactionClient;

export const invoiceSummarySelect = {
  id: true,
  externalId: true,
  kind: true,
  number: true,
  ocr: true,
  status: true,
  currency: true,
  totalOre: true,
  dueDate: true,
  creditedInvoiceId: true,
  customer: { select: { id: true, externalId: true } },
  ledgerEntries: { select: { kind: true, amountOre: true } },
} as const satisfies Prisma.InvoiceSelect;

type SummaryRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceSummarySelect }>;
export type InvoiceSummary = ReturnType<typeof summarizeInvoice>;

/** What every invoice event tells the billing system about the invoice, as it is now. */
export function summarizeInvoice(row: SummaryRow) {
  // Ledger amounts are signed by their effect on what the customer owes (see LedgerEntry): the
  // balance is their sum, money in is the payments less the refunds.
  const balance = row.ledgerEntries.reduce((sum, entry) => sum + entry.amountOre, 0);
  const paid = row.ledgerEntries.reduce(
    (sum, entry) =>
      entry.kind === "PAYMENT" || entry.kind === "REFUND" ? sum - entry.amountOre : sum,
    0,
  );
  return {
    id: row.id,
    externalId: row.externalId,
    kind: row.kind === "CREDIT_NOTE" ? "credit_note" : "invoice",
    number: row.number,
    ocr: row.ocr,
    status: row.status,
    currency: row.currency,
    totalOre: row.totalOre,
    paidOre: paid,
    amountDueOre: Math.max(0, balance),
    dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null,
    creditedInvoiceId: row.creditedInvoiceId,
    customer: { id: row.customer.id, externalId: row.customer.externalId },
  };
}

export async function recordWebhookEvents(
  tx: Tx,
  events: WebhookEventInput[],
  options: { summaries?: ReadonlyMap<string, InvoiceSummary> } = {},
): Promise<number> {
  if (events.length === 0) return 0;
  const organizationId = events[0]!.organizationId;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId, disabledAt: null },
    select: { id: true, events: true },
  });
  const wanted = events.filter((event) =>
    endpoints.some((endpoint) => endpoint.events.includes(event.type)),
  );
  if (wanted.length === 0) return 0;
  const summaries = new Map(options.summaries ?? []);
  const missing = [
    ...new Set(wanted.map((e) => e.invoiceId).filter((id): id is string => Boolean(id))),
  ].filter((id) => !summaries.has(id));
  if (missing.length > 0) {
    const rows = await tx.invoice.findMany({
      where: { id: { in: missing } },
      select: invoiceSummarySelect,
    });
    for (const row of rows) summaries.set(row.id, summarizeInvoice(row));
  }
  const eventRows: Prisma.WebhookEventCreateManyInput[] = [];
  const deliveryRows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const event of wanted) {
    const invoice = event.invoiceId ? (summaries.get(event.invoiceId) ?? null) : null;
    const id = newWebhookMessageId();
    const occurredAt = event.occurredAt ?? new Date();
    eventRows.push({
      id,
      organizationId,
      type: event.type,
      payload: {
        type: event.type,
        timestamp: occurredAt.toISOString(),
        data: { ...(invoice ? { invoice } : {}), ...(event.data ?? {}) },
      } as Prisma.InputJsonObject,
      invoiceId: event.invoiceId ?? null,
      createdAt: occurredAt,
    });
    for (const endpoint of endpoints.filter((e) => e.events.includes(event.type))) {
      deliveryRows.push({ id: randomUUID(), organizationId, eventId: id, endpointId: endpoint.id });
    }
  }
  await tx.webhookEvent.createMany({ data: eventRows });
  await tx.webhookDelivery.createMany({ data: deliveryRows });
  await enqueueJobs(
    tx,
    "webhooks.deliver",
    deliveryRows.map((row) => ({ organizationId, deliveryId: row.id! })),
  );
  return deliveryRows.length;
}
