import { describe, expect, it } from "vitest";
import { fromStockholmLocal, toStockholmLocal } from "@/lib/dates/stockholm-datetime";

describe("Swedish wall-clock times for datetime-local inputs", () => {
  it("converts winter (UTC+1) and summer (UTC+2) times both ways", () => {
    expect(fromStockholmLocal("2026-01-15T08:30")).toBe("2026-01-15T07:30:00.000Z");
    expect(fromStockholmLocal("2026-07-01T00:00")).toBe("2026-06-30T22:00:00.000Z");
    expect(toStockholmLocal("2026-01-15T07:30:00.000Z")).toBe("2026-01-15T08:30");
    expect(toStockholmLocal(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01T00:00");
  });

  it("round-trips every hour across both DST changes of 2026", () => {
    for (
      let time = Date.parse("2026-03-28T00:00:00Z");
      time < Date.parse("2026-03-30T00:00:00Z");
      time += 3_600_000
    ) {
      const local = toStockholmLocal(new Date(time));
      expect(toStockholmLocal(fromStockholmLocal(local)!)).toBe(local);
    }
    for (
      let time = Date.parse("2026-10-24T00:00:00Z");
      time < Date.parse("2026-10-26T00:00:00Z");
      time += 3_600_000
    ) {
      const local = toStockholmLocal(new Date(time));
      expect(toStockholmLocal(fromStockholmLocal(local)!)).toBe(local);
    }
  });

  it("refuses text that is not a wall-clock time", () => {
    expect(fromStockholmLocal("")).toBeNull();
    expect(fromStockholmLocal("2026-01-15")).toBeNull();
  });

  it("takes the earlier instant in the autumn hour that happens twice", () => {
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time, so 02:30 happens twice.
    expect(fromStockholmLocal("2026-10-25T02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(fromStockholmLocal("2026-10-25T03:30")).toBe("2026-10-25T02:30:00.000Z");
  });
});
