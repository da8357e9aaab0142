import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limit";

describe("MemoryRateLimiter", () => {
  it("allows the limit per window, refuses beyond it, and starts again when the window ends", () => {
    const limiter = new MemoryRateLimiter(3, 1000);
    expect([0, 1, 2, 3].map(() => limiter.hit("a", 0))).toEqual([false, false, false, true]);
    expect(limiter.hit("b", 10)).toBe(false);
    expect(limiter.hit("a", 999)).toBe(true);
    expect(limiter.hit("a", 1000)).toBe(false);
  });

  it("tells whether a key is limited without counting", () => {
    const limiter = new MemoryRateLimiter(2, 1000);
    expect(limiter.isLimited("a", 0)).toBe(false);
    limiter.hit("a", 0);
    limiter.hit("a", 0);
    expect(limiter.isLimited("a", 10)).toBe(true);
    expect(limiter.isLimited("a", 10)).toBe(true);
    expect(limiter.isLimited("a", 1000)).toBe(false);
  });

  it("stays bounded in keys, dropping expired windows before live ones", () => {
    const limiter = new MemoryRateLimiter(1, 100, 3);
    limiter.hit("old", 0);
    limiter.hit("x", 50);
    limiter.hit("y", 50);
    limiter.hit("z", 120);
    expect(limiter.size).toBe(3);
    // "old" had expired and made room; "x" kept its live window and count.
    expect(limiter.hit("x", 130)).toBe(true);
    for (let i = 0; i < 50; i++) limiter.hit(`k${i}`, 130);
    expect(limiter.size).toBeLessThanOrEqual(3);
  });
});
