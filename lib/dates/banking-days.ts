import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";

/**
 * Swedish banking days. A payment due on a Saturday, a Sunday or a public holiday (lag 1989:253
 * om allmänna helgdagar), or on midsommarafton, julafton or nyårsafton, is on time when it is
 * made the next weekday that is none of these (lag 1930:173 om beräkning av lagstadgad tid, 2 §;
 * the banks and Bankgirot keep the same days closed). Calendar dates are UTC-midnight Dates,
 * as everywhere in lib/dates.
 */

/** Easter Sunday of a year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const date = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** The Saturday on or after a date (midsommardagen, alla helgons dag fall so). */
function saturdayFrom(start: Date): Date {
  return addDays(start, (6 - start.getUTCDay() + 7) % 7);
}

export interface NonBankingDay {
  date: Date;
  name: string;
}

/** The days of a year that are not banking days although they are weekdays' dates. */
export function swedishHolidays(year: number): NonBankingDay[] {
  const easter = easterSunday(year);
  const midsummerDay = saturdayFrom(date(year, 6, 20));
  return [
    { date: date(year, 1, 1), name: "Nyårsdagen" },
    { date: date(year, 1, 6), name: "Trettondedag jul" },
    { date: addDays(easter, -2), name: "Långfredagen" },
    { date: easter, name: "Påskdagen" },
    { date: addDays(easter, 1), name: "Annandag påsk" },
    { date: date(year, 5, 1), name: "Första maj" },
    { date: addDays(easter, 39), name: "Kristi himmelsfärds dag" },
    { date: addDays(easter, 49), name: "Pingstdagen" },
    { date: date(year, 6, 6), name: "Sveriges nationaldag" },
    { date: addDays(midsummerDay, -1), name: "Midsommarafton" },
    { date: midsummerDay, name: "Midsommardagen" },
    { date: saturdayFrom(date(year, 10, 31)), name: "Alla helgons dag" },
    { date: date(year, 12, 24), name: "Julafton" },
    { date: date(year, 12, 25), name: "Juldagen" },
    { date: date(year, 12, 26), name: "Annandag jul" },
    { date: date(year, 12, 31), name: "Nyårsafton" },
  ];
}

const holidayCache = new Map<number, Set<string>>();
function holidaysOf(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set(swedishHolidays(year).map((holiday) => formatCalendarDate(holiday.date)));
    holidayCache.set(year, days);
  }
  return days;
}

export function isBankingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(day.getUTCFullYear()).has(formatCalendarDate(day));
}

/** The day itself if it is a banking day, else the next one. */
export function bankingDayOnOrAfter(day: Date): Date {
  let candidate = day;
  while (!isBankingDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/**
 * The last day a payment of something due on `dueDate` is on time: the due date, or the next
 * banking day when the due date is not one. An invoice is overdue only after this day.
 */
export function lastDayToPay(dueDate: Date): Date {
  return bankingDayOnOrAfter(dueDate);
}

/**
 * The latest due date that is overdue today: a due date on a weekend or holiday may still be paid
 * on the next banking day (lag 1930:173), so on a Monday Saturday's and Sunday's are not overdue.
 */
export function latestOverdueDueDate(today: Date): Date {
  let dueDate = addDays(today, -1);
  while (lastDayToPay(dueDate) >= today) dueDate = addDays(dueDate, -1);
  return dueDate;
}

/** The n-th banking day after a day (n ≥ 0; 0 is the day itself if a banking day, else the next). */
export function addBankingDays(day: Date, n: number): Date {
  let result = bankingDayOnOrAfter(day);
  for (let i = 0; i < n; i += 1) result = bankingDayOnOrAfter(addDays(result, 1));
  return result;
}
