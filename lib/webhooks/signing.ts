import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks 1.0: the secret is `whsec_` + base64 of the key; each message carries
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`. Receivers verify with any Standard Webhooks library.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith("whsec_")) throw new Error("a webhook secret starts with whsec_");
  return Buffer.from(secret.slice("whsec_".length), "base64");
}

export function signWebhook(
  secret: string,
  message: { id: string; timestampSeconds: number; body: string },
): string {
  const signature = createHmac("sha256", keyOf(secret))
    .update(`${message.id}.${message.timestampSeconds}.${message.body}`, "utf8")
    .digest("base64");
  return `v1,${signature}`;
}

export function webhookHeaders(
  secret: string,
  message: { id: string; timestampSeconds: number; body: string },
): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Nota-Webhooks/1",
    "webhook-id": message.id,
    "webhook-timestamp": String(message.timestampSeconds),
    "webhook-signature": signWebhook(secret, message),
  };
}

/** Our own check (the receiving side), for tests and tools: any of the listed v1 signatures. */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
): boolean {
  const expected = Buffer.from(
    signWebhook(secret, { id: headers.id, timestampSeconds: Number(headers.timestamp), body }),
  );
  return headers.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
