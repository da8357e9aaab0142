/**
 * A per-process fixed-window limiter for hot read paths (invoice link lookups), where a database
 * write on every page view would cost more than the view. Each process counts on its own, so N
 * processes allow N times the limit: fine where the limit only has to make guessing pointless,
 * not where an exact budget matters (sign-in uses the database limiter).
 */
export class MemoryRateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number; told?: boolean }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Bounds memory when many addresses pass by. */
    private readonly maxKeys = 100_000,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** Whether the key has used up its window's budget (does not count). */
  isLimited(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    return Boolean(window && window.resetAt > now && window.count >= this.limit);
  }

  /** Counts a hit; true when the key is over its limit for the current window. */
  hit(key: string, now = Date.now()): boolean {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (!window && this.windows.size >= this.maxKeys) this.evictExpired(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count > this.limit;
  }

  /** True once per window, the first time it is asked after the key went over its limit. */
  firstTimeOver(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now || window.count <= this.limit || window.told) return false;
    window.told = true;
    return true;
  }

  private evictExpired(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest entries rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
