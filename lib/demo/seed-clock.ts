import { parseCalendarDate } from "@/lib/dates/calendar-date";

/**
 * The moment demo data is seeded at: now, or noon in Sweden on `NOTA_TODAY` (YYYY-MM-DD). Only the
 * seed scripts and tests read it, to prove the demo holds every kind of showcase invoice whatever
 * the date; the server and everything that charges, books or sends use the real clock.
 */
export function seedClock(env: Record<string, string | undefined> = process.env): Date {
  const override = env.NOTA_TODAY?.trim();
  if (!override) return new Date();
  const day = parseCalendarDate(override);
  // 11:00 UTC is noon in Stockholm in winter and 13:00 in summer: the same calendar day either way.
  return new Date(day.getTime() + 11 * 3_600_000);
}
