import { describe, expect, it } from "vitest";
import {
  handoverFileName,
  handoverQuerySchema,
  handoverWindow,
  swedishDayStart,
} from "@/lib/collections/handover-query";
import { parseCalendarDate } from "@/lib/dates/calendar-date";

describe("the handover window", () => {
  it("starts a Swedish day at midnight in Stockholm, winter and summer", () => {
    expect(swedishDayStart(parseCalendarDate("2026-01-15")).toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(swedishDayStart(parseCalendarDate("2026-07-01")).toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
    // The spring change happens at 02:00: midnight is still winter time.
    expect(swedishDayStart(parseCalendarDate("2026-03-29")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
  });

  it("takes both days whole: from its first moment to the end of the last day", () => {
    expect(
      handoverWindow(handoverQuerySchema.parse({ from: "2026-12-01", to: "2026-12-31" })),
    ).toEqual({
      from: new Date("2026-11-30T23:00:00.000Z"),
      to: new Date("2026-12-31T23:00:00.000Z"),
    });
    expect(handoverWindow(handoverQuerySchema.parse({}))).toEqual({});
  });

  it("refuses an end before the start, and a date that is not one", () => {
    const backwards = handoverQuerySchema.safeParse({ from: "2026-12-02", to: "2026-12-01" });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]).toMatchObject({
      path: ["to"],
      message: "to is on or after from",
    });
    expect(handoverQuerySchema.safeParse({ from: "1 dec" }).success).toBe(false);
  });

  it("names the download after its window", () => {
    expect(handoverFileName({}, "csv")).toBe("handovers.csv");
    expect(handoverFileName({ from: "2026-12-01", to: "2026-12-31" }, "json")).toBe(
      "handovers-2026-12-01-to-2026-12-31.json",
    );
  });
});
