import { describe, expect, it } from "vitest";
import {
  ConnectionCounter,
  ConnectionLimiter,
  EVENT_LIMITS,
  LINK_EVENT_LIMITS,
  MAX_REFUSALS,
  SharedBuckets,
} from "@/lib/realtime/connection-limiter";

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

describe("shared budgets", () => {
  it("makes every connection on one link draw on the link's budget, taking nothing when one is empty", () => {
    let now = 0;
    const perLink = new SharedBuckets(LINK_EVENT_LIMITS);
    const connections = Array.from(
      { length: 20 },
      () => new ConnectionLimiter(() => now, [{ buckets: perLink, key: "link-a" }]),
    );
    let allowed = 0;
    for (const connection of connections) {
      for (let i = 0; i < EVENT_LIMITS.message.burst; i++) {
        if (connection.take("message")) allowed += 1;
      }
    }
    // 20 × 8 asked for; the link's burst is all that passes.
    expect(allowed).toBe(LINK_EVENT_LIMITS.message.burst);
    // Another link, and another class, are not affected.
    const other = new ConnectionLimiter(() => now, [{ buckets: perLink, key: "link-b" }]);
    expect(other.take("message")).toBe(true);
    expect(connections[0]!.take("typing")).toBe(true);
    // A refusal by the link took nothing from the connection: it has its burst once the link refills.
    now += 1000 * LINK_EVENT_LIMITS.message.burst;
    const fresh = connections.at(-1)!;
    for (let i = 0; i < EVENT_LIMITS.message.burst; i++) expect(fresh.take("message")).toBe(true);
  });

  it("stays within its bound of keys, forgetting the least recently used", () => {
    const buckets = new SharedBuckets(LINK_EVENT_LIMITS, 100);
    for (let i = 0; i < 1000; i++) {
      new ConnectionLimiter(() => 0, [{ buckets, key: `address-${i}` }]).take("message");
    }
    expect(buckets.size).toBe(100);
  });

  it("counts open connections per key and forgets keys that have none", () => {
    const counter = new ConnectionCounter(2);
    expect(counter.open("a")).toBe(true);
    expect(counter.open("a")).toBe(true);
    expect(counter.open("a")).toBe(false);
    expect(counter.open("b")).toBe(true);
    counter.close("a");
    expect(counter.open("a")).toBe(true);
    for (const key of ["a", "a", "b"]) counter.close(key);
    expect(counter.size).toBe(0);
  });
});
