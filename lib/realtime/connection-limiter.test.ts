import { describe, expect, it } from "vitest";
import { ConnectionLimiter, EVENT_LIMITS, MAX_REFUSALS } from "@/lib/realtime/connection-limiter";

describe("ConnectionLimiter", () => {
  it("allows the burst, then the steady rate, per event class", () => {
    let now = 0;
    const limiter = new ConnectionLimiter(() => now);
    for (let i = 0; i < EVENT_LIMITS.message.burst; i++) expect(limiter.take("message")).toBe(true);
    expect(limiter.take("message")).toBe(false);
    // Typing has its own bucket.
    expect(limiter.take("typing")).toBe(true);
    now += 999;
    expect(limiter.take("message")).toBe(false);
    now += 2;
    expect(limiter.take("message")).toBe(true);
    expect(limiter.take("message")).toBe(false);
    now += 60_000;
    for (let i = 0; i < EVENT_LIMITS.message.burst; i++) expect(limiter.take("message")).toBe(true);
    expect(limiter.take("message")).toBe(false);
  });

  it("asks for a disconnect after too many refusals", () => {
    const limiter = new ConnectionLimiter();
    for (let i = 1; i < MAX_REFUSALS; i++) expect(limiter.refuse()).toBe(false);
    expect(limiter.refuse()).toBe(true);
  });
});
