import type { DeliveryLogRow, EndpointView } from "@/lib/webhooks/endpoints";

/** Webhook endpoints and their delivery log as API v1 shows them. */
export function webhookEndpointView(row: EndpointView & { secret?: string }) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    ...(row.secret ? { secret: row.secret } : {}),
  };
}

export function webhookDeliveryView(row: DeliveryLogRow) {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  };
}
