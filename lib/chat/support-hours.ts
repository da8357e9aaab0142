import { z } from "zod";

const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM");

/** An organisation's weekly support hours: {"timeZone":"Europe/Stockholm","days":{"mon":["08:00","17:00"]}}. */
export const supportHoursSchema = z.object({
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "unknown time zone"),
  days: z.partialRecord(z.enum(DAY_KEYS), z.tuple([clock, clock])),
});
export type SupportHours = z.infer<typeof supportHoursSchema>;

/**
 * Whether `now` falls inside the organisation's support hours, read in its own time zone (so
 * summer time is handled by the calendar, not by us). Unreadable hours count as closed: the chat
 * then promises an answer by email instead of one now, which is the safe mistake to make.
 */
export function isWithinSupportHours(hours: unknown, now: Date): boolean {
  const parsed = supportHoursSchema.safeParse(hours);
  if (!parsed.success) return false;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: parsed.data.timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const weekday = parts
    .find((part) => part.type === "weekday")
    ?.value.toLowerCase()
    .slice(0, 3);
  const hour = parts.find((part) => part.type === "hour")?.value ?? "00";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  const window = parsed.data.days[weekday as (typeof DAY_KEYS)[number]];
  if (!window) return false;
  const current = `${hour}:${minute}`;
  return current >= window[0] && current < window[1];
}
