import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import type { Db } from "@/lib/db/database";
import { isUniqueViolation } from "@/lib/db/db-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";

/**
 * Idempotency-Key for API v1 POSTs, after the IETF httpapi draft ("The Idempotency-Key HTTP
 * Header Field"): the first answer (status and body) is kept for 24 h per API key; the same key
 * with the same request gets it again; the same key with another request is 422; a key whose
 * first request is still running is 409. A first request that failed on our side (5xx) keeps
 * nothing, so the retry runs again. A request that died with its process frees its key after a
 * minute.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
const LOCK_MS = 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`, "utf8").digest("hex");
}

export async function runIdempotently(
  db: Db,
  request: { apiKeyId: string; key: string | null; method: string; path: string; body: string },
  run: () => Promise<StoredAnswer>,
  now = () => new Date(),
): Promise<StoredAnswer & { replayed: boolean }> {
  if (request.key === null) return { ...(await run()), replayed: false };
  if (!KEY_PATTERN.test(request.key)) {
    throw new AppError(
      "BAD_INPUT",
      "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces",
    );
  }
  const fingerprint = requestFingerprint(request.method, request.path, request.body);
  const claimed = await claim(db, request, fingerprint, now());
  if (claimed.kind === "replay") return { ...claimed.answer, replayed: true };
  let answer: StoredAnswer;
  try {
    answer = await run();
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      // An expected refusal is the answer to this request: a retry gets the same.
      const problem = errorReply(error);
      await settle(db, claimed.id, { status: problem.status, body: problem });
    } else {
      await db.idempotencyKey.deleteMany({ where: { id: claimed.id } });
    }
    throw error;
  }
  if (answer.status >= 500) await db.idempotencyKey.deleteMany({ where: { id: claimed.id } });
  else await settle(db, claimed.id, answer);
  return { ...answer, replayed: false };
}

/**
 * A kept answer may hold what must never be stored in clear — an issued invoice's link, whose
 * secret exists only in that answer — so answers are kept sealed (AES-256-GCM, with a key derived
 * from the server's secret): a copy of the database does not give out working links.
 */
function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", resolveAuthSecret(), "", "nota idempotency answers", 32));
}

export function sealAnswer(body: unknown): { sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body ?? null), "utf8"), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64") };
}

export function openAnswer(stored: unknown): unknown {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  if (typeof sealed !== "string") throw new Error("a kept answer is not sealed");
  const bytes = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
    "utf8",
  );
  return JSON.parse(text);
}

async function settle(db: Db, id: string, answer: StoredAnswer) {
  await db.idempotencyKey.update({
    where: { id },
    data: {
      responseStatus: answer.status,
      responseBody: sealAnswer(answer.body) as Prisma.InputJsonValue,
    },
  });
}

type Claim = { kind: "run"; id: string } | { kind: "replay"; answer: StoredAnswer };

async function claim(
  db: Db,
  request: { apiKeyId: string; key: string | null; method: string; path: string },
  fingerprint: string,
  at: Date,
): Promise<Claim> {
  const key = request.key!;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const row = await db.idempotencyKey.create({
        data: {
          apiKeyId: request.apiKeyId,
          key,
          method: request.method,
          path: request.path,
          requestHash: fingerprint,
          lockedUntil: new Date(at.getTime() + LOCK_MS),
          expiresAt: new Date(at.getTime() + IDEMPOTENCY_TTL_MS),
        },
        select: { id: true },
      });
      return { kind: "run", id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.idempotencyKey.findUnique({
      where: { apiKeyId_key: { apiKeyId: request.apiKeyId, key } },
    });
    if (!existing) continue; // deleted meanwhile (a failed first try): claim it again
    if (existing.expiresAt <= at) {
      await db.idempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: at } } });
      continue;
    }
    if (existing.requestHash !== fingerprint) {
      throw new AppError(
        "UNPROCESSABLE",
        "This Idempotency-Key was used for a different request; use a new key for a new request",
        { idempotencyKey: key },
      );
    }
    if (existing.responseStatus !== null) {
      return {
        kind: "replay",
        answer: { status: existing.responseStatus, body: openAnswer(existing.responseBody) },
      };
    }
    if (existing.lockedUntil > at) {
      throw new AppError(
        "CONFLICT",
        "A request with this Idempotency-Key is still being processed; retry it in a moment",
        { idempotencyKey: key, retryAfterSeconds: 1 },
      );
    }
    // The first request died with its process: this one takes the key over (once).
    const taken = await db.idempotencyKey.updateMany({
      where: { id: existing.id, responseStatus: null, lockedUntil: existing.lockedUntil },
      data: { lockedUntil: new Date(at.getTime() + LOCK_MS) },
    });
    if (taken.count === 1) return { kind: "run", id: existing.id };
  }
  throw new AppError("CONFLICT", "The Idempotency-Key is busy; retry in a moment", {
    retryAfterSeconds: 1,
  });
}

/** Forgets answers older than 24 h (a daily job). */
export async function pruneIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
