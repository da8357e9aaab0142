import { AppError } from "@/lib/errors/app-error";

/**
 * Invoice dates (issue, due, period) are calendar dates in Sweden, stored as DATE columns, which
 * Prisma hands over as a Date at 00:00 UTC. These helpers keep that convention in one place.
 */
export const BUSINESS_TIME_ZONE = "Europe/Stockholm";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: string): Date {
  const match = ISO_DATE.exec(value);
  if (!match) throw new AppError("BAD_INPUT", `"${value}" is not a date in the form YYYY-MM-DD`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) {
    throw new AppError("BAD_INPUT", `"${value}" is not a real calendar date`);
  }
  return date;
}

export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Made once: building an Intl formatter costs far more than using one, and every invoice page
// asks for today several times (it was ~4 % of a page view's CPU when built per call).
let swedishDay: Intl.DateTimeFormat | undefined;

/** Today's calendar date in Sweden, as a UTC-midnight Date. */
export function todayInSweden(now: Date = new Date()): Date {
  swedishDay ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: BUSINESS_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return parseCalendarDate(swedishDay.format(now));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()),
  );
  return result;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}
