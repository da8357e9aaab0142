import { describe, expect, it } from "vitest";
import { monthsBetween } from "@/lib/support/tenure";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("monthsBetween", () => {
  it("counts whole months only", () => {
    expect(monthsBetween(d("2021-03-01"), d("2026-11-23"))).toBe(68);
    expect(monthsBetween(d("2026-01-31"), d("2026-02-28"))).toBe(0);
    expect(monthsBetween(d("2026-01-31"), d("2026-03-31"))).toBe(2);
    expect(monthsBetween(d("2026-11-23"), d("2026-11-23"))).toBe(0);
  });
  it("never goes negative", () => {
    expect(monthsBetween(d("2027-01-01"), d("2026-01-01"))).toBe(0);
  });
});
