import { fromStockholmLocal } from "@/lib/dates/stockholm-datetime";

/**
 * Dates and times as bank files write them. A time without a zone (BgMax always, camt sometimes)
 * is the bank's wall clock, and Swedish banks write Swedish time.
 */

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** "20261212" → "2026-12-12", or null when it is not a real date. */
export function compactDate(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** "2026-12-12" → the same, or null when it is not a real date. */
export function isoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) ? text : null;
}

/** Swedish wall-clock time → the instant; the fraction is milliseconds and below. */
function stockholmInstant(
  date: string,
  hour: string,
  minute: string,
  second: string,
  fraction: string,
) {
  const hours = Number(hour);
  const minutes = Number(minute);
  const seconds = Number(second);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const minuteInstant = fromStockholmLocal(`${date}T${hour}:${minute}`);
  if (minuteInstant === null) return null;
  const millis = Number(`0.${fraction || "0"}`) * 1000;
  return new Date(Date.parse(minuteInstant) + seconds * 1000 + Math.floor(millis));
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/** ISO 20022 ISODateTime ("2026-12-12T08:30:00+01:00", or without a zone) → the instant. */
export function isoDateTime(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match || isoDate(match[1]!) === null) return null;
  if (match[6] === undefined) {
    return stockholmInstant(match[1]!, match[2]!, match[3]!, match[4]!, match[5] ?? "");
  }
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** BgMax TK01 "YYYYMMDDHHMMSSffffff" (Swedish time) → the instant. */
export function compactTimestamp(text: string): Date | null {
  const match = /^(\d{8})(\d{2})(\d{2})(\d{2})(\d{6})$/.exec(text);
  const date = match && compactDate(match[1]!);
  if (!match || !date) return null;
  return stockholmInstant(date, match[2]!, match[3]!, match[4]!, match[5]!);
}
