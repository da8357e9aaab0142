import { describe, expect, it } from "vitest";
import { isWithinSupportHours } from "@/lib/chat/support-hours";

const hours = {
  timeZone: "Europe/Stockholm",
  days: { mon: ["08:00", "17:00"], sat: ["10:00", "14:00"] },
};

describe("isWithinSupportHours", () => {
  it("reads the clock in the organisation's time zone, winter and summer", () => {
    // Monday 2026-11-23: Stockholm is UTC+1.
    expect(isWithinSupportHours(hours, new Date("2026-11-23T06:59:00Z"))).toBe(false);
    expect(isWithinSupportHours(hours, new Date("2026-11-23T07:00:00Z"))).toBe(true);
    expect(isWithinSupportHours(hours, new Date("2026-11-23T15:59:00Z"))).toBe(true);
    expect(isWithinSupportHours(hours, new Date("2026-11-23T16:00:00Z"))).toBe(false);
    // Monday 2026-06-22: Stockholm is UTC+2, so 06:30Z is 08:30 there.
    expect(isWithinSupportHours(hours, new Date("2026-06-22T06:30:00Z"))).toBe(true);
    expect(isWithinSupportHours(hours, new Date("2026-06-22T15:30:00Z"))).toBe(false);
  });

  it("is closed on days without hours and open on the days listed", () => {
    expect(isWithinSupportHours(hours, new Date("2026-11-24T10:00:00Z"))).toBe(false); // Tuesday
    expect(isWithinSupportHours(hours, new Date("2026-11-28T10:00:00Z"))).toBe(true); // Saturday 11:00
    expect(isWithinSupportHours(hours, new Date("2026-11-29T10:00:00Z"))).toBe(false); // Sunday
  });

  it("counts unreadable hours as closed", () => {
    const monday = new Date("2026-11-23T10:00:00Z");
    expect(isWithinSupportHours(null, monday)).toBe(false);
    expect(isWithinSupportHours({ timeZone: "Mars/Olympus", days: {} }, monday)).toBe(false);
    expect(isWithinSupportHours({ timeZone: "UTC", days: { mon: ["8", "17"] } }, monday)).toBe(
      false,
    );
  });
});
