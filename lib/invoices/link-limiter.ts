import { getEnv } from "@/lib/env";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limit";

// Failed link lookups per client address and minute (INVOICE_LINK_RATE_LIMIT, default 120) before
// that address's misses are answered slowly (see link-scope.ts): generous for a person, useless for
// guessing 256-bit tokens. Only misses count and a valid link is never refused, so a customer
// waiting on a payment (or an office behind one address) is never locked out of a real link.
// Shared by pages, API routes and socket handshakes of this process.
const LINK_LOOKUP_WINDOW_MS = 60_000;
const limiterKey = Symbol.for("nota.invoice-link-limiter");

export function linkLimiter(): MemoryRateLimiter {
  const holder = globalThis as { [limiterKey]?: MemoryRateLimiter };
  holder[limiterKey] ??= new MemoryRateLimiter(
    getEnv().INVOICE_LINK_RATE_LIMIT,
    LINK_LOOKUP_WINDOW_MS,
  );
  return holder[limiterKey];
}
