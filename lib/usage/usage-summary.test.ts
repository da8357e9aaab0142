import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { UsagePeriodTotal, UsageSeries } from "@/lib/invoice-page/load-usage-series";
import {
  compareUsage,
  describeComparison,
  formatUsagePointTime,
  summarizeUsage,
  type UsageComparison,
  usageUnitLabel,
} from "@/lib/usage/usage-summary";

const NBSP = "\u00A0";

function period(
  start: string,
  end: string,
  totalMilli: number,
  daysWithData?: number,
): UsagePeriodTotal {
  const periodStart = parseCalendarDate(start);
  const periodEnd = parseCalendarDate(end);
  const daysInPeriod = daysBetween(periodStart, addDays(periodEnd, 1));
  return {
    periodStart,
    periodEnd,
    totalMilli,
    daysWithData: daysWithData ?? daysInPeriod,
    daysInPeriod,
  };
}

const march2025 = (totalMilli: number, days?: number) =>
  period("2025-03-01", "2025-03-31", totalMilli, days);
const march2024 = (totalMilli: number, days?: number) =>
  period("2024-03-01", "2024-03-31", totalMilli, days);
const february2025 = (totalMilli: number, days?: number) =>
  period("2025-02-01", "2025-02-28", totalMilli, days);

describe("compareUsage", () => {
  it("880 vs 1000 kWh is 12 % less", () => {
    expect(compareUsage(march2025(880_000), march2024(1_000_000))).toEqual({
      changePercent: -12,
      direction: "less",
      otherTotalMilli: 1_000_000,
      otherPeriodStart: parseCalendarDate("2024-03-01"),
      otherPeriodEnd: parseCalendarDate("2024-03-31"),
    });
  });

  it("1080 vs 1000 kWh is 8 % more", () => {
    const result = compareUsage(march2025(1_080_000), february2025(1_000_000));
    expect(result).toMatchObject({ changePercent: 8, direction: "more" });
  });

  it("rounds a half percent away from zero in both directions", () => {
    // 1125/1000 = +12.5 % → 13; 875/1000 = −12.5 % → −13.
    expect(compareUsage(march2025(1_125_000), march2024(1_000_000))?.changePercent).toBe(13);
    expect(compareUsage(march2025(875_000), march2024(1_000_000))?.changePercent).toBe(-13);
    // Just under the half stays down: 1124.999 / 1000 = +12.4999 %.
    expect(compareUsage(march2025(1_124_999), march2024(1_000_000))?.changePercent).toBe(12);
    // 1/3 more: 33.33 % → 33; 2/3 more: 66.67 % → 67.
    expect(compareUsage(march2025(4000), march2024(3000))?.changePercent).toBe(33);
    expect(compareUsage(march2025(5000), march2024(3000))?.changePercent).toBe(67);
  });

  it("calls a change under 1 % 'same', even when it rounds to 1 %", () => {
    expect(compareUsage(march2025(1_000_000), march2024(1_000_000))).toMatchObject({
      changePercent: 0,
      direction: "same",
    });
    expect(compareUsage(march2025(1_009_999), march2024(1_000_000))).toMatchObject({
      changePercent: 1,
      direction: "same",
    });
    expect(compareUsage(march2025(990_001), march2024(1_000_000))).toMatchObject({
      changePercent: -1,
      direction: "same",
    });
    expect(compareUsage(march2025(1_010_000), march2024(1_000_000))?.direction).toBe("more");
    expect(compareUsage(march2025(990_000), march2024(1_000_000))?.direction).toBe("less");
  });

  it("handles a current total of zero as 100 % less", () => {
    expect(compareUsage(march2025(0), march2024(1_000_000))).toMatchObject({
      changePercent: -100,
      direction: "less",
    });
  });

  it("returns null when the other period has no data or a zero total", () => {
    expect(compareUsage(march2025(1000), march2024(0, 0))).toBeNull();
    expect(compareUsage(march2025(1000), march2024(0))).toBeNull();
    expect(compareUsage(march2025(1000), march2024(-500))).toBeNull();
  });

  it("needs 90 % of the days with data in both periods", () => {
    // 31 days: 28 is 90.3 %, 27 is 87.1 %.
    expect(compareUsage(march2025(1000, 28), march2024(1000, 28))).not.toBeNull();
    expect(compareUsage(march2025(1000, 27), march2024(1000))).toBeNull();
    expect(compareUsage(march2025(1000), march2024(1000, 27))).toBeNull();
    // Exactly 90 %: 9 of 10 days.
    const tenDays = (days: number) => period("2025-03-01", "2025-03-10", 1000, days);
    expect(compareUsage(tenDays(9), tenDays(9))).not.toBeNull();
    expect(compareUsage(tenDays(8), tenDays(10))).toBeNull();
  });

  it("returns null for a period without days", () => {
    const empty = { ...march2025(1000), daysInPeriod: 0, daysWithData: 0 };
    expect(compareUsage(empty, march2024(1000))).toBeNull();
  });

  it("stays exact for totals far beyond what a float product would hold", () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(compareUsage(march2025(big), march2024(big - 1))?.direction).toBe("same");
    expect(compareUsage(march2025(2_250_000_000_000_000), march2024(2e15))?.changePercent).toBe(13);
    expect(compareUsage(march2025(2_249_999_999_999_999), march2024(2e15))?.changePercent).toBe(12);
  });
});

describe("compareUsage properties", () => {
  const total = fc.integer({ min: 0, max: 10_000_000_000 });

  it("changePercent never points against the order of the totals; direction matches it", () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 10_000_000_000 }), (current, other) => {
        const result = compareUsage(march2025(current), march2024(other));
        expect(result).not.toBeNull();
        const { changePercent, direction } = result!;
        expect(Number.isInteger(changePercent)).toBe(true);
        if (current > other) expect(changePercent).toBeGreaterThanOrEqual(0);
        if (current < other) expect(changePercent).toBeLessThanOrEqual(0);
        if (direction === "more") expect(changePercent).toBeGreaterThanOrEqual(1);
        if (direction === "less") expect(changePercent).toBeLessThanOrEqual(-1);
        if (direction === "same") expect(Math.abs(changePercent)).toBeLessThanOrEqual(1);
        // The exact rule, checked with floats only where they are exact enough to judge.
        const exact = ((current - other) * 100) / other;
        if (Math.abs(Math.abs(exact) - 1) > 1e-6) {
          expect(direction).toBe(Math.abs(exact) < 1 ? "same" : exact > 0 ? "more" : "less");
        }
        if (Math.abs(Math.abs(exact % 1) - 0.5) > 1e-6) {
          // `|| 0` turns the oracle's −0 into the 0 that integer arithmetic gives.
          expect(changePercent).toBe(Math.sign(exact) * Math.round(Math.abs(exact)) || 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("compare(a, a) is 'same' with 0 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (value) => {
        const a = march2025(value);
        expect(compareUsage(a, a)).toMatchObject({ changePercent: 0, direction: "same" });
      }),
    );
  });

  it("swapping the periods flips the direction", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (a, b) => {
        const forward = compareUsage(march2025(a), march2024(b))!;
        const backward = compareUsage(march2024(b), march2025(a))!;
        const flipped = { more: "less", less: "more", same: "same" } as const;
        // |a−b| < b/100 and |b−a| ≥ a/100 can both hold, so only firm answers must mirror.
        if (forward.direction !== "same" && backward.direction !== "same") {
          expect(backward.direction).toBe(flipped[forward.direction]);
        }
      }),
    );
  });
});

function comparison(
  changePercent: number,
  direction: UsageComparison["direction"],
  start: string,
  end: string,
): UsageComparison {
  return {
    changePercent,
    direction,
    otherTotalMilli: 1000,
    otherPeriodStart: parseCalendarDate(start),
    otherPeriodEnd: parseCalendarDate(end),
  };
}

describe("describeComparison", () => {
  const lastMarch = (pct: number, dir: UsageComparison["direction"]) =>
    comparison(pct, dir, "2024-03-01", "2024-03-31");
  const lastOctober = comparison(0, "same", "2023-10-01", "2023-10-31");
  const february = (pct: number, dir: UsageComparison["direction"]) =>
    comparison(pct, dir, "2025-02-01", "2025-02-28");
  const oddPeriod = (pct: number, dir: UsageComparison["direction"]) =>
    comparison(pct, dir, "2025-01-15", "2025-02-14");
  const sv = (c: UsageComparison, kind: "previous" | "lastYear") =>
    describeComparison(c, { locale: "sv", kind, unit: "KWH" });
  const en = (c: UsageComparison, kind: "previous" | "lastYear") =>
    describeComparison(c, { locale: "en", kind, unit: "KWH" });

  it("speaks Swedish", () => {
    expect(sv(lastMarch(-12, "less"), "lastYear")).toBe(`12${NBSP}% mindre än i mars förra året`);
    expect(sv(lastMarch(7, "more"), "lastYear")).toBe(`7${NBSP}% mer än i mars förra året`);
    expect(sv(february(8, "more"), "previous")).toBe(`8${NBSP}% mer än förra månaden`);
    expect(sv(february(-3, "less"), "previous")).toBe(`3${NBSP}% mindre än förra månaden`);
    expect(sv(lastOctober, "lastYear")).toBe("ungefär lika mycket som i oktober förra året");
    expect(sv(february(1, "same"), "previous")).toBe("ungefär lika mycket som förra månaden");
    expect(sv(oddPeriod(8, "more"), "previous")).toBe(`8${NBSP}% mer än förra perioden`);
    expect(sv(oddPeriod(-8, "less"), "lastYear")).toBe(
      `8${NBSP}% mindre än samma period förra året`,
    );
    expect(sv(oddPeriod(0, "same"), "previous")).toBe("ungefär lika mycket som förra perioden");
  });

  it("speaks English", () => {
    expect(en(lastMarch(-12, "less"), "lastYear")).toBe(`12${NBSP}% less than last March`);
    expect(en(lastMarch(40, "more"), "lastYear")).toBe(`40${NBSP}% more than last March`);
    expect(en(february(8, "more"), "previous")).toBe(`8${NBSP}% more than the month before`);
    expect(en(lastOctober, "lastYear")).toBe("about the same as last October");
    expect(en(february(0, "same"), "previous")).toBe("about the same as the month before");
    expect(en(oddPeriod(5, "more"), "previous")).toBe(`5${NBSP}% more than the period before`);
    expect(en(oddPeriod(-5, "less"), "lastYear")).toBe(
      `5${NBSP}% less than the same period last year`,
    );
  });

  it("groups large percentages the locale's way", () => {
    expect(sv(february(1250, "more"), "previous")).toBe(`1${NBSP}250${NBSP}% mer än förra månaden`);
    expect(en(february(1250, "more"), "previous")).toBe(`1,250${NBSP}% more than the month before`);
  });

  it("treats a leap February and December as calendar months", () => {
    expect(en(comparison(5, "more", "2024-02-01", "2024-02-29"), "previous")).toBe(
      `5${NBSP}% more than the month before`,
    );
    expect(en(comparison(5, "more", "2024-02-01", "2024-02-28"), "previous")).toBe(
      `5${NBSP}% more than the period before`,
    );
    expect(sv(comparison(5, "more", "2023-12-01", "2023-12-31"), "lastYear")).toBe(
      `5${NBSP}% mer än i december förra året`,
    );
    // Two whole months are not "the month before".
    expect(en(comparison(5, "more", "2025-01-01", "2025-02-28"), "previous")).toBe(
      `5${NBSP}% more than the period before`,
    );
  });
});

describe("usageUnitLabel and formatUsagePointTime", () => {
  it("labels units the same in both languages", () => {
    for (const locale of ["sv", "en"] as const) {
      expect(usageUnitLabel("KWH", locale)).toBe("kWh");
      expect(usageUnitLabel("GB", locale)).toBe("GB");
      expect(usageUnitLabel("MINUTES", locale)).toBe("min");
    }
  });

  it("formats days and hours from the UTC fields", () => {
    const at = new Date(Date.UTC(2025, 2, 12, 18));
    expect(formatUsagePointTime(at, "HOUR", "sv")).toBe("12 mars kl. 18:00");
    expect(formatUsagePointTime(at, "HOUR", "en")).toBe("12 March, 18:00");
    expect(formatUsagePointTime(parseCalendarDate("2025-03-01"), "DAY", "sv")).toBe("1 mars");
    expect(formatUsagePointTime(parseCalendarDate("2025-03-31"), "DAY", "en")).toBe("31 March");
  });
});

function series(overrides: Partial<UsageSeries> = {}): UsageSeries {
  return {
    unit: "KWH",
    resolution: "DAY",
    points: [
      { at: parseCalendarDate("2025-03-01"), quantityMilli: 30_000 },
      { at: parseCalendarDate("2025-03-02"), quantityMilli: 41_500 },
      { at: parseCalendarDate("2025-03-03"), quantityMilli: 41_500 },
    ],
    current: march2025(880_000),
    previous: february2025(800_000),
    lastYear: march2024(1_000_000),
    usageCostOre: 98_560,
    unitPriceCentiOre: 11_200,
    ...overrides,
  };
}

describe("summarizeUsage", () => {
  it("prints everything in Swedish", () => {
    const summary = summarizeUsage(series(), "sv");
    expect(summary).toMatchObject({
      unitLabel: "kWh",
      totalMilli: 880_000,
      total: `880${NBSP}kWh`,
      cost: `985,60${NBSP}kr`,
      unitPrice: `112,00${NBSP}öre/kWh`,
      // 880 / 31 = 28.387… kWh.
      averagePerDayMilli: 28_387,
      averagePerDay: `28,4${NBSP}kWh`,
    });
    expect(summary.previous?.sentence).toBe(`10${NBSP}% mer än förra månaden`);
    expect(summary.previous?.comparison).toMatchObject({ changePercent: 10, direction: "more" });
    expect(summary.lastYear?.sentence).toBe(`12${NBSP}% mindre än i mars förra året`);
    // Ties go to the earliest point.
    expect(summary.peak).toEqual({
      at: parseCalendarDate("2025-03-02"),
      quantityMilli: 41_500,
      quantity: `41,5${NBSP}kWh`,
      when: "2 mars",
    });
  });

  it("prints everything in English", () => {
    const summary = summarizeUsage(series(), "en");
    expect(summary).toMatchObject({
      total: `880${NBSP}kWh`,
      cost: `SEK${NBSP}985.60`,
      // English has no öre: the same price in kronor.
      unitPrice: `SEK${NBSP}1.12/kWh`,
      averagePerDay: `28.4${NBSP}kWh`,
    });
    expect(summary.previous?.sentence).toBe(`10${NBSP}% more than the month before`);
    expect(summary.lastYear?.sentence).toBe(`12${NBSP}% less than last March`);
    expect(summary.peak?.when).toBe("2 March");
  });

  it("prints energy prices in öre per kWh and others in kronor, with their öre fractions", () => {
    expect(summarizeUsage(series({ unitPriceCentiOre: 4390 }), "sv").unitPrice).toBe(
      `43,90${NBSP}öre/kWh`,
    );
    expect(summarizeUsage(series({ unitPriceCentiOre: 10_937 }), "en").unitPrice).toBe(
      `SEK${NBSP}1.0937/kWh`,
    );
    expect(summarizeUsage(series({ unitPriceCentiOre: 700, unit: "GB" }), "en").unitPrice).toBe(
      `SEK${NBSP}0.07/GB`,
    );
    expect(summarizeUsage(series({ unitPriceCentiOre: 1234, unit: "GB" }), "sv").unitPrice).toBe(
      `0,1234${NBSP}kr/GB`,
    );
  });

  it("leaves out what is not known", () => {
    const summary = summarizeUsage(
      series({
        points: [],
        current: march2025(0, 0),
        previous: february2025(0, 0),
        lastYear: march2024(0, 0),
        usageCostOre: null,
        unitPriceCentiOre: null,
        unit: "MINUTES",
      }),
      "sv",
    );
    expect(summary).toEqual({
      unitLabel: "min",
      totalMilli: 0,
      total: `0${NBSP}min`,
      previous: null,
      lastYear: null,
      cost: null,
      unitPrice: null,
      priceBasis: null,
      averagePerDayMilli: null,
      averagePerDay: null,
      peak: null,
    });
  });

  it("gives a consumer the cost and price with VAT and a business without, each labelled", () => {
    const withRate = series({ usageVatRate: 25 });
    expect(summarizeUsage(withRate, "sv", { basis: "incl-vat" })).toMatchObject({
      cost: `1${NBSP}232,00${NBSP}kr`,
      unitPrice: `1,40${NBSP}kr/kWh`,
      priceBasis: "inkl. moms",
    });
    expect(summarizeUsage(withRate, "en", { basis: "excl-vat" })).toMatchObject({
      cost: `SEK${NBSP}985.60`,
      unitPrice: `SEK${NBSP}1.12/kWh`,
      priceBasis: "excl. VAT",
    });
    // Without one VAT rate for the usage nothing is guessed: the net figures, said to be net.
    expect(
      summarizeUsage(series({ usageVatRate: null }), "sv", { basis: "incl-vat" }),
    ).toMatchObject({ cost: `985,60${NBSP}kr`, priceBasis: "exkl. moms" });
  });

  it("averages over the days with readings and rounds once, from the exact total", () => {
    // 29 of 31 days with data: 130.355 / 29 = 4.495 kWh/day exactly → 4.5.
    const summary = summarizeUsage(series({ current: march2025(130_355, 29) }), "en");
    expect(summary.averagePerDayMilli).toBe(4495);
    expect(summary.averagePerDay).toBe(`4.5${NBSP}kWh`);
    // 4.488 / 30 = 0.1496 per day: the milli average is 150, yet the nearest tenth is 0.1.
    const small = summarizeUsage(series({ current: march2025(4488, 30) }), "en");
    expect(small.averagePerDayMilli).toBe(150);
    expect(small.averagePerDay).toBe(`0.1${NBSP}kWh`);
  });

  it("drops a comparison whose periods are not covered, and formats hourly peaks", () => {
    const summary = summarizeUsage(
      series({
        resolution: "HOUR",
        points: [
          { at: new Date(Date.UTC(2025, 2, 4, 7)), quantityMilli: 2_250 },
          { at: new Date(Date.UTC(2025, 2, 4, 18)), quantityMilli: 3_125 },
        ],
        lastYear: march2024(1_000_000, 20),
      }),
      "sv",
    );
    expect(summary.lastYear).toBeNull();
    expect(summary.previous).not.toBeNull();
    expect(summary.peak?.when).toBe("4 mars kl. 18:00");
    expect(summary.peak?.quantity).toBe(`3,125${NBSP}kWh`);
  });
});
