import { z } from "zod";
import {
  addDays,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
} from "@/lib/dates/calendar-date";

/**
 * The dashboard's filters, as they stand in its URL (/finance?period=week&from=…), in the CSV
 * route's query and in the filter form's field names: one schema for all three. Periods are
 * calendar months or ISO weeks (Monday to Sunday); `from`/`to` are Swedish calendar days, both
 * inclusive; without them the last 12 months (or 12 weeks) up to today.
 */
export const PERIODS = ["month", "week"] as const;
export type Period = (typeof PERIODS)[number];
export const CUSTOMER_KINDS = ["all", "consumer", "business"] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
/** The segment filter's value for customers without a segment (a segment is never this). */
export const NO_SEGMENT = "__none__";
/** The longest range one view sums: five years (260 weeks) keeps the page and its table light. */
export const MAX_RANGE_DAYS = 5 * 366;
/** The margin assumed for the lifetime-value estimate unless the URL names another. */
export const DEFAULT_MARGIN_PERCENT = 30;

const day = (name: string) =>
  z.iso.date({ error: `${name} is a date in the form YYYY-MM-DD` }).optional();

export const receivablesQuerySchema = z
  .object({
    period: z.enum(PERIODS, { error: "period is month or week" }).default("month"),
    from: day("from"),
    to: day("to"),
    segment: z
      .string()
      .trim()
      .min(1, "segment is a segment's name")
      .max(100, "segment is at most 100 characters")
      .optional(),
    kind: z.enum(CUSTOMER_KINDS, { error: "kind is all, consumer or business" }).default("all"),
    margin: z.coerce
      .number({ error: "margin is a whole percent" })
      .int("margin is a whole percent")
      .min(1, "margin is at least 1 %")
      .max(100, "margin is at most 100 %")
      .default(DEFAULT_MARGIN_PERCENT),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: "to is on or after from",
    path: ["to"],
  })
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      daysBetween(parseCalendarDate(query.from), parseCalendarDate(query.to)) < MAX_RANGE_DAYS,
    { error: "from and to are at most five years apart", path: ["to"] },
  );
export type ReceivablesQuery = z.output<typeof receivablesQuerySchema>;

/** The query as the dashboard reads: both ends as days, the segment and kind as SQL filters. */
export interface ReceivablesFilter {
  period: Period;
  from: Date;
  to: Date;
  /** null: every segment; "" customers without one. */
  segment: string | null;
  /** null: consumers and businesses. */
  isBusiness: boolean | null;
  marginPercent: number;
}

/** First day of the period a day is in (a month's 1st, a week's Monday). */
export function periodStart(date: Date, period: Period): Date {
  if (period === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** The period after the one starting on `start`. */
export function nextPeriodStart(start: Date, period: Period): Date {
  return period === "month"
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : addDays(start, 7);
}

export function receivablesFilter(query: ReceivablesQuery, today: Date): ReceivablesFilter {
  const to = query.to ? parseCalendarDate(query.to) : today;
  let from: Date;
  if (query.from) from = parseCalendarDate(query.from);
  else {
    // Twelve whole periods back from the one `to` is in, that one included.
    from = periodStart(to, query.period);
    for (let index = 0; index < 11; index += 1) {
      from =
        query.period === "month"
          ? new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - 1, 1))
          : addDays(from, -7);
    }
    if (from > to) from = to;
  }
  return {
    period: query.period,
    from,
    to,
    segment: query.segment === undefined ? null : query.segment === NO_SEGMENT ? "" : query.segment,
    isBusiness: query.kind === "all" ? null : query.kind === "business",
    marginPercent: query.margin,
  };
}

/** The query string of a filter (for links, the CSV link and the form's current values). */
export function receivablesSearch(filter: ReceivablesFilter): URLSearchParams {
  const params = new URLSearchParams({
    period: filter.period,
    from: formatCalendarDate(filter.from),
    to: formatCalendarDate(filter.to),
  });
  if (filter.segment !== null) params.set("segment", filter.segment || NO_SEGMENT);
  if (filter.isBusiness !== null) params.set("kind", filter.isBusiness ? "business" : "consumer");
  if (filter.marginPercent !== DEFAULT_MARGIN_PERCENT) {
    params.set("margin", String(filter.marginPercent));
  }
  return params;
}

/**
 * Reads the search params of a page (strings only, empty ones dropped): the filter, or the
 * defaults and the problem in words when the URL does not parse — a page never fails on its URL.
 */
export function readReceivablesSearch(
  searchParams: Record<string, string | string[] | undefined>,
  today: Date,
): { filter: ReceivablesFilter; problem: string | null } {
  const raw = Object.fromEntries(
    Object.entries(searchParams).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" ? [[key, value]] : [],
    ),
  );
  const parsed = receivablesQuerySchema.safeParse(raw);
  if (parsed.success) return { filter: receivablesFilter(parsed.data, today), problem: null };
  return {
    filter: receivablesFilter(receivablesQuerySchema.parse({}), today),
    problem: parsed.error.issues.map((issue) => issue.message).join("; "),
  };
}
