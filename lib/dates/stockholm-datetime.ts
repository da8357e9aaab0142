import { BUSINESS_TIME_ZONE } from "@/lib/dates/calendar-date";

/**
 * `<input type="datetime-local">` values read as Swedish wall-clock time, whatever the zone of the
 * browser or server: a campaign "starts 1 March 00:00" in Sweden, and a console rendered on a UTC
 * server must show the same value the marketer's browser does (or hydration would disagree).
 */

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUSINESS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-03-01T00:00" for an instant, in Swedish time. */
export function toStockholmLocal(instant: Date | string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const get = (type: string) => parts.formatToParts(date).find((part) => part.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

function wallClockMs(local: string): number | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The instant (ISO, UTC) of a Swedish wall-clock time, or null for text that is not one. In the
 * autumn hour that happens twice the earlier one is taken; a spring-gap time moves forward.
 */
export function fromStockholmLocal(local: string): string | null {
  const wall = wallClockMs(local);
  if (wall === null) return null;
  // The zone's offset at a guess, then again at the corrected instant (DST changes within hours).
  let instant = wall;
  for (let round = 0; round < 2; round += 1) {
    const shown = wallClockMs(toStockholmLocal(new Date(instant)));
    if (shown === null) return null;
    instant += wall - shown;
  }
  // In the repeated autumn hour both instants show this wall time: take the earlier (summer) one.
  const hourEarlier = instant - 3_600_000;
  if (toStockholmLocal(new Date(hourEarlier)) === local) instant = hourEarlier;
  return new Date(instant).toISOString();
}
