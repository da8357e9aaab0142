import { describe, expect, it } from "vitest";
import { groupInvoiceLines } from "@/lib/invoice-page/line-groups";

describe("groupInvoiceLines", () => {
  it("orders groups subscription, usage, fees, other, discounts, credits and drops empty ones", () => {
    const lines = [
      { kind: "DISCOUNT" as const, position: 3 },
      { kind: "USAGE" as const, position: 2 },
      { kind: "SUBSCRIPTION" as const, position: 4 },
      { kind: "SUBSCRIPTION" as const, position: 1 },
    ];
    const groups = groupInvoiceLines(lines);
    expect(groups.map((g) => g.kind)).toEqual(["SUBSCRIPTION", "USAGE", "DISCOUNT"]);
    expect(groups[0]!.lines.map((l) => l.position)).toEqual([1, 4]);
  });

  it("keeps every line exactly once", () => {
    const kinds = ["SUBSCRIPTION", "USAGE", "DISCOUNT", "CREDIT", "FEE", "OTHER"] as const;
    const lines = Array.from({ length: 30 }, (_, i) => ({
      kind: kinds[i % kinds.length]!,
      position: i + 1,
    }));
    const flattened = groupInvoiceLines(lines).flatMap((g) => g.lines);
    expect(flattened).toHaveLength(30);
    expect(new Set(flattened.map((l) => l.position)).size).toBe(30);
  });
});
