import { z } from "zod";
import { addDays, BUSINESS_TIME_ZONE, parseCalendarDate } from "@/lib/dates/calendar-date";

/**
 * The handover list's and files' window: `from` and `to` are Swedish calendar days, both
 * inclusive, either left out for no bound. A claim handed over at 00:30 on 1 March in Stockholm
 * (23:30 UTC the day before) is a handover of 1 March.
 */
export const handoverQuerySchema = z
  .object({
    from: z.iso.date({ error: "from is a date in the form YYYY-MM-DD" }).optional(),
    to: z.iso.date({ error: "to is a date in the form YYYY-MM-DD" }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: "to is on or after from",
    path: ["to"],
  });
export type HandoverQuery = z.output<typeof handoverQuerySchema>;

/** The instant a Swedish calendar day begins (midnight in Stockholm), as a UTC Date. */
export function swedishDayStart(day: Date): Date {
  // Stockholm is UTC+1 or UTC+2: midnight there is 22:00 or 23:00 UTC the day before.
  for (const hours of [1, 2]) {
    const candidate = new Date(day.getTime() - hours * 3_600_000);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: BUSINESS_TIME_ZONE,
      hour: "2-digit",
      hourCycle: "h23",
    }).format(candidate);
    if (local === "00") return candidate;
  }
  return day;
}

/** The window as listHandovers takes it: handed over at or after `from`, before `to`. */
export function handoverWindow(query: HandoverQuery): { from?: Date; to?: Date } {
  return {
    ...(query.from ? { from: swedishDayStart(parseCalendarDate(query.from)) } : {}),
    ...(query.to ? { to: swedishDayStart(addDays(parseCalendarDate(query.to), 1)) } : {}),
  };
}

/** The file name of a download: handovers[-from][-to].csv. */
export function handoverFileName(query: HandoverQuery, extension: "csv" | "json"): string {
  const parts = ["handovers", query.from ?? "", query.to ? `to-${query.to}` : ""].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}
