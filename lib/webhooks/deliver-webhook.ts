import type { Db } from "@/lib/db/database";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { createLogger } from "@/lib/log";
import { postOutbound } from "@/lib/webhooks/safe-http";
import { webhookHeaders } from "@/lib/webhooks/signing";

/**
 * One try at delivering one event to one endpoint, run by the `webhooks.deliver` job. The Standard
 * Webhooks retry schedule: at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and
 * 24 h; each next try is a job written with the try's outcome. A 2xx is delivered; 410 Gone
 * disables the endpoint; 429 waits at least its Retry-After; anything else (or no answer within
 * 15 s) tries again until the schedule ends. A process that dies mid-try leaves the job to run
 * again, so a receiver may see an event twice (it deduplicates on webhook-id) — never not at all.
 */
export const RETRY_SCHEDULE_SECONDS = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  14 * 3600,
  20 * 3600,
  24 * 3600,
] as const;
export const DELIVERY_TIMEOUT_MS = 15_000;

const log = createLogger("webhooks");

export type WebhookTryOutcome =
  | "delivered"
  | "retry-scheduled"
  | "given-up"
  | "endpoint-gone"
  | "not-pending"
  | "not-found";

export async function deliverWebhook(options: {
  db: Db;
  deliveryId: string;
  organizationId: string;
  allowPrivateNetworks: boolean;
  now?: () => Date;
  timeoutMs?: number;
}): Promise<WebhookTryOutcome> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: options.deliveryId, organizationId: options.organizationId },
    include: { event: true, endpoint: true },
  });
  if (!delivery) return "not-found";
  if (delivery.status !== "PENDING") return "not-pending";
  if (delivery.endpoint.disabledAt) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "FAILED", lastError: "the endpoint is disabled", nextAttemptAt: null },
    });
    return "given-up";
  }
  // The body is the stored payload, byte for byte the same on every try (receivers may hash it).
  const body = JSON.stringify(delivery.event.payload);
  const startedAt = now();
  const headers = webhookHeaders(delivery.endpoint.secret, {
    id: delivery.event.id,
    timestampSeconds: Math.floor(startedAt.getTime() / 1000),
    body,
  });
  let status: number | null = null;
  let retryAfterSeconds = 0;
  let failure: string | null = null;
  try {
    const answer = await postOutbound({
      url: delivery.endpoint.url,
      body,
      headers,
      timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
      allowPrivate: options.allowPrivateNetworks,
    });
    status = answer.status;
    if (status < 200 || status >= 300) {
      failure = `HTTP ${status}${answer.bodyStart ? `: ${answer.bodyStart.slice(0, 200)}` : ""}`;
    }
    retryAfterSeconds = parseRetryAfter(answer.headers["retry-after"], startedAt);
  } catch (error) {
    failure = (error as Error).message.slice(0, 300);
  }
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastAttemptAt: startedAt, lastStatusCode: status };
  if (!failure) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...base, status: "SUCCEEDED", lastError: null, nextAttemptAt: null },
    });
    return "delivered";
  }
  if (status === 410) {
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { ...base, status: "FAILED", lastError: failure, nextAttemptAt: null },
      });
      await tx.webhookEndpoint.update({
        where: { id: delivery.endpointId },
        data: { disabledAt: startedAt, disabledReason: "The endpoint answered 410 Gone" },
      });
    });
    log.warn("webhook endpoint answered 410 Gone and was disabled", {
      endpointId: delivery.endpointId,
      organizationId: delivery.organizationId,
    });
    return "endpoint-gone";
  }
  const wait = RETRY_SCHEDULE_SECONDS[attempts - 1];
  if (wait === undefined) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...base, status: "FAILED", lastError: failure, nextAttemptAt: null },
    });
    return "given-up";
  }
  const nextAttemptAt = new Date(startedAt.getTime() + Math.max(wait, retryAfterSeconds) * 1000);
  // The outcome and the next try are written together: a crash between them cannot lose the try.
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...base, lastError: failure, nextAttemptAt },
    });
    await enqueueJob(
      tx,
      "webhooks.deliver",
      { organizationId: delivery.organizationId, deliveryId: delivery.id },
      { startAfter: nextAttemptAt },
    );
  });
  return "retry-scheduled";
}

/** Retry-After as seconds from now: a number of seconds or an HTTP date; 0 when absent. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return 0;
  if (/^\d+$/.test(text.trim())) return Math.min(Number(text.trim()), 48 * 3600);
  const at = Date.parse(text);
  return Number.isNaN(at) ? 0 : Math.min(Math.max(0, (at - now.getTime()) / 1000), 48 * 3600);
}
