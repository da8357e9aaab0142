import type { Db } from "@/lib/db/database";

/**
 * Fixed-window counters in the database, so every process sees the same count (sign-in failures,
 * invoice link lookups). One atomic upsert per hit; an expired window starts again at 1.
 */
export interface RateLimitRule {
  /** What is limited, e.g. "signin:email:anna@example.se". */
  key: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  count: number;
  resetAt: Date;
  limited: boolean;
  retryAfterSeconds: number;
}

export async function hitRateLimit(
  db: Db,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitState> {
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const rows = await db.$queryRaw<Array<{ count: number; resetAt: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES (${rule.key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  return state(rule, Number(row.count), new Date(row.resetAt), now);
}

/** Reads a counter without counting (e.g. "is this sign-in already locked?"). */
export async function peekRateLimit(
  db: Db,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitState> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: rule.key } });
  if (!row || row.resetAt <= now)
    return state(rule, 0, new Date(now.getTime() + rule.windowMs), now);
  return state(rule, row.count, row.resetAt, now);
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Gives back one hit that turned out not to count (e.g. an attempt that succeeded). */
export async function releaseRateLimit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

function state(rule: RateLimitRule, count: number, resetAt: Date, now: Date): RateLimitState {
  return {
    count,
    resetAt,
    limited: count > rule.limit,
    retryAfterSeconds: Math.max(0, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}
