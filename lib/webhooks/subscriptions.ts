import type { Db } from "@/lib/db/database";
import { BoundedMap } from "@/lib/memory/bounded-map";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

/**
 * Whether an organisation has an endpoint for an event type, for hot paths that must stay one
 * statement when nobody listens (a customer's chat message): read at most every 10 s per
 * organisation and process, and afresh in this process as soon as its endpoints change. On other
 * processes an endpoint made in the last 10 s may miss such an event; every event written through
 * the outbox itself (recordWebhookEvents) reads the endpoints afresh.
 */
const FRESH_MS = 10_000;
const subscribed = new BoundedMap<string, { types: Set<string>; at: number }>(10_000);
const organizationOfInvoice = new BoundedMap<string, string>(100_000);

export async function organizationWants(
  db: Db,
  organizationId: string,
  type: WebhookEventType,
  now = Date.now(),
): Promise<boolean> {
  const cached = subscribed.get(organizationId);
  if (cached && now - cached.at < FRESH_MS) return cached.types.has(type);
  const endpoints = await db.webhookEndpoint.findMany({
    where: { organizationId, disabledAt: null },
    select: { events: true },
  });
  const types = new Set(endpoints.flatMap((endpoint) => endpoint.events));
  subscribed.set(organizationId, { types, at: now });
  return types.has(type);
}

/** The organisation's endpoints changed (made, enabled, removed): read them afresh next time. */
export function forgetSubscriptions(organizationId: string): void {
  subscribed.delete(organizationId);
}

/** The organisation an invoice belongs to (it never changes, so it is kept). */
export async function invoiceOrganization(db: Db, invoiceId: string): Promise<string | null> {
  const known = organizationOfInvoice.get(invoiceId);
  if (known) return known;
  const row = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { organizationId: true },
  });
  if (row) organizationOfInvoice.set(invoiceId, row.organizationId);
  return row?.organizationId ?? null;
}
