import { z } from "zod";
import type { Db } from "@/lib/db/database";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { WEBHOOK_TEST_EVENT, webhookEventTypeSchema } from "@/lib/webhooks/event-types";
import { newWebhookMessageId } from "@/lib/webhooks/outbox";
import { checkOutboundUrl, OutboundRefused } from "@/lib/webhooks/safe-http";
import { generateWebhookSecret } from "@/lib/webhooks/signing";
import { forgetSubscriptions } from "@/lib/webhooks/subscriptions";

/**
 * An organisation's webhook endpoints: made by an ADMIN (console) or a key with webhooks:manage
 * (API). The secret is shown when the endpoint is made and kept only to sign deliveries.
 */
export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;

export const webhookEndpointInputSchema = z.strictObject({
  url: z.string().trim().min(1, "url is required").max(2000, "url may be at most 2000 characters"),
  events: z
    .array(webhookEventTypeSchema)
    .min(1, "choose at least one event type")
    .transform((events) => [...new Set(events)]),
  description: z.string().trim().max(200).nullish(),
});
export type WebhookEndpointInput = z.output<typeof webhookEndpointInputSchema>;

export type EndpointView = Omit<WebhookEndpoint, "secret" | "organizationId">;

export function endpointView(row: WebhookEndpoint): EndpointView {
  const { secret: _secret, organizationId: _organizationId, ...view } = row;
  return view;
}

export async function createWebhookEndpoint(options: {
  db: Db;
  organizationId: string;
  input: WebhookEndpointInput;
  allowPrivateNetworks: boolean;
}): Promise<EndpointView & { secret: string }> {
  const { db, organizationId, input } = options;
  try {
    checkOutboundUrl(input.url, options.allowPrivateNetworks);
  } catch (error) {
    if (error instanceof OutboundRefused) {
      throw new AppError("BAD_INPUT", `url: ${error.message}`, { param: "/url" });
    }
    throw error;
  }
  const count = await db.webhookEndpoint.count({ where: { organizationId } });
  if (count >= MAX_ENDPOINTS_PER_ORGANIZATION) {
    throw new AppError(
      "CONFLICT",
      `An organisation may have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints`,
    );
  }
  const secret = generateWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      organizationId,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      secret,
    },
  });
  forgetSubscriptions(organizationId);
  return { ...endpointView(row), secret };
}

export async function listWebhookEndpoints(
  db: Db,
  organizationId: string,
): Promise<EndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(endpointView);
}

async function ownEndpoint(db: Db, organizationId: string, endpointId: string) {
  const row = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId } });
  if (!row) throw new AppError("NOT_FOUND", "No such webhook endpoint");
  return row;
}

export async function getWebhookEndpoint(
  db: Db,
  organizationId: string,
  endpointId: string,
): Promise<EndpointView> {
  return endpointView(await ownEndpoint(db, organizationId, endpointId));
}

/** Removes the endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  db: Db,
  organizationId: string,
  endpointId: string,
): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({
    where: { id: endpointId, organizationId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such webhook endpoint");
  forgetSubscriptions(organizationId);
}

/** Turns a disabled endpoint (410 Gone, or by hand) back on; later events go to it again. */
export async function enableWebhookEndpoint(
  db: Db,
  organizationId: string,
  endpointId: string,
): Promise<EndpointView> {
  await ownEndpoint(db, organizationId, endpointId);
  const row = await db.webhookEndpoint.update({
    where: { id: endpointId },
    data: { disabledAt: null, disabledReason: null },
  });
  forgetSubscriptions(organizationId);
  return endpointView(row);
}

/** A `webhook.test` event to this endpoint alone, delivered like any other. */
export async function sendTestWebhook(
  db: Db,
  organizationId: string,
  endpointId: string,
): Promise<{ eventId: string; deliveryId: string }> {
  const endpoint = await ownEndpoint(db, organizationId, endpointId);
  if (endpoint.disabledAt) {
    throw new AppError("CONFLICT", "The endpoint is disabled; enable it before testing it");
  }
  const id = newWebhookMessageId();
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.webhookEvent.create({
      data: {
        id,
        organizationId,
        type: WEBHOOK_TEST_EVENT,
        payload: {
          type: WEBHOOK_TEST_EVENT,
          timestamp: now.toISOString(),
          data: { endpointId, message: "A test event from Nota" },
        },
        createdAt: now,
      },
    });
    const delivery = await tx.webhookDelivery.create({
      data: { organizationId, eventId: id, endpointId },
      select: { id: true },
    });
    await enqueueJob(tx, "webhooks.deliver", { organizationId, deliveryId: delivery.id });
    return { eventId: id, deliveryId: delivery.id };
  });
}

/** Sends a delivered or given-up event again, now (one more try). */
export async function resendWebhookDelivery(
  db: Db,
  organizationId: string,
  deliveryId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, organizationId, status: { not: "PENDING" } },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.webhookDelivery.count({ where: { id: deliveryId, organizationId } });
      if (!exists) throw new AppError("NOT_FOUND", "No such delivery");
      throw new AppError("CONFLICT", "This delivery is still being tried");
    }
    await enqueueJob(tx, "webhooks.deliver", { organizationId, deliveryId });
  });
}

export interface DeliveryLogRow extends WebhookDelivery {
  eventType: string;
}

export async function listWebhookDeliveries(
  db: Db,
  organizationId: string,
  endpointId: string,
  limit = 50,
): Promise<DeliveryLogRow[]> {
  await ownEndpoint(db, organizationId, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId, organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { event: { select: { type: true } } },
  });
  return rows.map(({ event, ...row }) => ({ ...row, eventType: event.type }));
}
