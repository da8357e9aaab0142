import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bankingDayOnOrAfter,
  easterSunday,
  isBankingDay,
  lastDayToPay,
  swedishHolidays,
} from "@/lib/dates/banking-days";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";

const day = parseCalendarDate;
const iso = formatCalendarDate;

describe("Swedish banking days", () => {
  it("knows Easter (checked against the almanac)", () => {
    expect(iso(easterSunday(2024))).toBe("2024-03-31");
    expect(iso(easterSunday(2025))).toBe("2025-04-20");
    expect(iso(easterSunday(2026))).toBe("2026-04-05");
    expect(iso(easterSunday(2027))).toBe("2027-03-28");
    expect(iso(easterSunday(2038))).toBe("2038-04-25");
  });

  it("lists 2026's holidays and eves with their dates", () => {
    const holidays = Object.fromEntries(
      swedishHolidays(2026).map((holiday) => [holiday.name, iso(holiday.date)]),
    );
    expect(holidays).toEqual({
      Nyårsdagen: "2026-01-01",
      "Trettondedag jul": "2026-01-06",
      Långfredagen: "2026-04-03",
      Påskdagen: "2026-04-05",
      "Annandag påsk": "2026-04-06",
      "Första maj": "2026-05-01",
      "Kristi himmelsfärds dag": "2026-05-14",
      Pingstdagen: "2026-05-24",
      "Sveriges nationaldag": "2026-06-06",
      Midsommarafton: "2026-06-19",
      Midsommardagen: "2026-06-20",
      "Alla helgons dag": "2026-10-31",
      Julafton: "2026-12-24",
      Juldagen: "2026-12-25",
      "Annandag jul": "2026-12-26",
      Nyårsafton: "2026-12-31",
    });
  });

  it("moves a due date on midsommar to the Monday after", () => {
    // 2026: midsommarafton Friday 19 June, midsommardagen Saturday 20 June.
    expect(iso(lastDayToPay(day("2026-06-19")))).toBe("2026-06-22");
    expect(iso(lastDayToPay(day("2026-06-20")))).toBe("2026-06-22");
    expect(iso(lastDayToPay(day("2026-06-18")))).toBe("2026-06-18");
    // 2025: midsommarafton Friday 20 June.
    expect(iso(lastDayToPay(day("2025-06-20")))).toBe("2025-06-23");
  });

  it("moves a due date over Christmas and New Year", () => {
    // 2026: Thursday 24 (julafton), Friday 25, Saturday 26, Sunday 27 → Monday 28 December.
    for (const due of ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27"]) {
      expect(iso(lastDayToPay(day(due)))).toBe("2026-12-28");
    }
    // Thursday 31 December (nyårsafton), Friday 1 January → Monday 4 January 2027.
    expect(iso(lastDayToPay(day("2026-12-31")))).toBe("2027-01-04");
    expect(iso(lastDayToPay(day("2027-01-01")))).toBe("2027-01-04");
    // Easter 2026: Good Friday 3 April to Easter Monday 6 April → Tuesday 7 April.
    expect(iso(lastDayToPay(day("2026-04-03")))).toBe("2026-04-07");
  });

  it("moves a weekend to Monday and leaves ordinary weekdays alone", () => {
    expect(iso(lastDayToPay(day("2026-11-28")))).toBe("2026-11-30"); // Saturday
    expect(iso(lastDayToPay(day("2026-11-29")))).toBe("2026-11-30"); // Sunday
    expect(isBankingDay(day("2026-12-01"))).toBe(true);
    expect(isBankingDay(day("2026-12-23"))).toBe(true);
  });

  it("always gives a banking day within a week on or after the day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 80 }), (offset) => {
        const start = addDays(day("2000-01-01"), offset);
        const result = bankingDayOnOrAfter(start);
        expect(isBankingDay(result)).toBe(true);
        expect(result >= start).toBe(true);
        expect((result.getTime() - start.getTime()) / 86_400_000).toBeLessThanOrEqual(5);
        for (let d = start; d < result; d = addDays(d, 1)) expect(isBankingDay(d)).toBe(false);
      }),
    );
  });
});
