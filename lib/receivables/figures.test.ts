import { describe, expect, it } from "vitest";
import {
  addHistograms,
  daysSalesOutstanding,
  lifetimeValue,
  medianOfHistogram,
  per100,
  shareOf,
} from "@/lib/receivables/figures";

describe("the dashboard's arithmetic", () => {
  it("divides only when there is something to divide by", () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
    expect(per100(3, 200)).toBe(1.5);
    expect(per100(3, 0)).toBeNull();
  });

  it("takes DSO as outstanding at the end / invoiced in the period × its days", () => {
    expect(daysSalesOutstanding(100_000, 300_000, 30)).toBe(10);
    expect(daysSalesOutstanding(100_000, 0, 30)).toBeNull();
    // Customers owed money back (a negative balance) give a negative DSO, as the books say.
    expect(daysSalesOutstanding(-30_000, 300_000, 30)).toBe(-3);
  });

  it("finds the median of a days-to-pay histogram as of the list it stands for", () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([0, 0, 0])).toBeNull();
    // 1, 2, 2 → 2
    expect(medianOfHistogram([0, 1, 2])).toEqual({ days: 2, atLeast: true });
    // 7, 15, 45, 46 → 30
    const histogram = Array(101).fill(0);
    for (const days of [7, 15, 45, 46]) histogram[days] += 1;
    expect(medianOfHistogram(histogram)).toEqual({ days: 30, atLeast: false });
    // Most paid 100 or more days after issue: "at least 100".
    const slow = Array(101).fill(0);
    slow[3] = 1;
    slow[100] = 2;
    expect(medianOfHistogram(slow)).toEqual({ days: 100, atLeast: true });
  });

  it("adds histograms bucket by bucket", () => {
    expect(addHistograms([1, 2], [0, 1, 5])).toEqual([1, 3, 5]);
  });

  it("estimates lifetime value as monthly invoiced × margin × tenure", () => {
    // 12,000 kr over 24 customer-months is 500 kr a month; 2 customers stayed 730.485 days in
    // all (12 months each); at 30 %: 500 × 0.3 × 12 = 1,800 kr.
    expect(
      lifetimeValue(
        { customers: 2, tenureDaysSum: 730.485, invoicedOre12m: 1_200_000, customerMonths12m: 24 },
        30,
      ),
    ).toEqual({ monthlyInvoicedOre: 50_000, tenureMonths: 12, lifetimeValueOre: 180_000 });
    expect(
      lifetimeValue(
        { customers: 0, tenureDaysSum: 0, invoicedOre12m: 0, customerMonths12m: 0 },
        30,
      ),
    ).toEqual({ monthlyInvoicedOre: null, tenureMonths: null, lifetimeValueOre: null });
  });
});
