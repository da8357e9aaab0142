import { describe, expect, it } from "vitest";
import { BoundedMap } from "@/lib/memory/bounded-map";

describe("BoundedMap", () => {
  it("never holds more than its bound, forgetting the least recently set", () => {
    const map = new BoundedMap<string, number>(3);
    for (let i = 0; i < 10_000; i++) map.set(`key-${i}`, i);
    expect(map.size).toBe(3);
    expect(map.get("key-9999")).toBe(9999);
    expect(map.get("key-0")).toBeUndefined();
    // Setting a key again makes it the newest.
    map.set("key-9997", 1);
    map.set("new", 2);
    expect(map.get("key-9997")).toBe(1);
    expect(map.get("key-9998")).toBeUndefined();
  });
});
