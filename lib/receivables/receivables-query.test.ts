import { describe, expect, it } from "vitest";
import { formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { isoWeekLabel, periodsOf } from "@/lib/receivables/dashboard";
import {
  NO_SEGMENT,
  readReceivablesSearch,
  receivablesQuerySchema,
  receivablesSearch,
} from "@/lib/receivables/receivables-query";

const today = parseCalendarDate("2026-12-07");
const day = formatCalendarDate;

describe("the dashboard's filters", () => {
  it("defaults to the last 12 months, by month, everyone, a 30 % margin", () => {
    const { filter, problem } = readReceivablesSearch({}, today);
    expect(problem).toBeNull();
    expect({ ...filter, from: day(filter.from), to: day(filter.to) }).toEqual({
      period: "month",
      from: "2026-01-01",
      to: "2026-12-07",
      segment: null,
      isBusiness: null,
      marginPercent: 30,
    });
  });

  it("by week, starts 12 ISO weeks back on a Monday", () => {
    const { filter } = readReceivablesSearch({ period: "week" }, today);
    expect(day(filter.from)).toBe("2026-09-21");
    expect(filter.from.getUTCDay()).toBe(1);
  });

  it("reads a segment, 'no segment' and the customer kind, and writes them back the same", () => {
    const { filter } = readReceivablesSearch(
      { segment: NO_SEGMENT, kind: "business", from: "2026-03-01", to: "2026-03-31", margin: "25" },
      today,
    );
    expect(filter).toMatchObject({ segment: "", isBusiness: true, marginPercent: 25 });
    expect(Object.fromEntries(receivablesSearch(filter))).toEqual({
      period: "month",
      from: "2026-03-01",
      to: "2026-03-31",
      segment: NO_SEGMENT,
      kind: "business",
      margin: "25",
    });
  });

  it("refuses what does not parse in words, and shows the defaults instead", () => {
    const { filter, problem } = readReceivablesSearch(
      { period: "year", from: "2026-02-30", kind: "x" },
      today,
    );
    expect(problem).toMatch(/period is month or week/);
    expect(problem).toMatch(/from is a date/);
    expect(problem).toMatch(/kind is all, consumer or business/);
    expect(filter.period).toBe("month");
    expect(receivablesQuerySchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).success).toBe(
      false,
    );
    expect(receivablesQuerySchema.safeParse({ from: "2016-01-01", to: "2026-02-01" }).success).toBe(
      false,
    );
    expect(receivablesQuerySchema.safeParse({ margin: "0" }).success).toBe(false);
  });

  it("splits a range into periods clipped to it, labelled by month or ISO week", () => {
    const months = periodsOf({
      period: "month",
      from: parseCalendarDate("2026-01-15"),
      to: parseCalendarDate("2026-03-10"),
    });
    expect(months.map((p) => [p.label, day(p.from), day(p.to)])).toEqual([
      ["2026-01", "2026-01-15", "2026-01-31"],
      ["2026-02", "2026-02-01", "2026-02-28"],
      ["2026-03", "2026-03-01", "2026-03-10"],
    ]);
    expect(isoWeekLabel(parseCalendarDate("2026-01-05"))).toBe("2026-W02");
    expect(isoWeekLabel(parseCalendarDate("2024-12-30"))).toBe("2025-W01");
    expect(isoWeekLabel(parseCalendarDate("2020-12-28"))).toBe("2020-W53");
  });
});
