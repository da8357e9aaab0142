import { z } from "zod";
import { formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import type { InvoiceStatus } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoneyPlain, parseMoney } from "@/lib/money/money";

/**
 * The agent console's invoice search lives in the URL, so a search can be bookmarked, shared and
 * reloaded: parseInvoiceSearch reads it, invoiceSearchQuery writes it back (./invoice-search.ts
 * runs it). URL names: page, pageSize, sort, dir, status (repeatable or comma-separated), overdue,
 * minAmount, maxAmount (kronor, as typed), customer, issuedFrom, issuedTo (YYYY-MM-DD).
 * No Prisma runtime here, so client components may import it.
 */

export const INVOICE_SEARCH_PAGE_SIZES = [25, 50, 100] as const;
export const INVOICE_SEARCH_SORTS = [
  "number",
  "issueDate",
  "dueDate",
  "totalOre",
  "customer",
  "status",
] as const;
export const INVOICE_STATUSES = [
  "DRAFT",
  "OPEN",
  "PAID",
  "CREDITED",
  "OVERDUE",
] as const satisfies readonly InvoiceStatus[];
export const CUSTOMER_QUERY_MAX_LENGTH = 100;

export type InvoiceSearchSort = (typeof INVOICE_SEARCH_SORTS)[number];

export interface InvoiceSearchParams {
  page: number;
  pageSize: (typeof INVOICE_SEARCH_PAGE_SIZES)[number];
  sort: InvoiceSearchSort;
  dir: "asc" | "desc";
  /** Empty: every status but DRAFT (drafts are work in progress, shown only when asked for). */
  statuses: InvoiceStatus[];
  overdueOnly: boolean;
  minOre?: number;
  maxOre?: number;
  customer?: string;
  issuedFrom?: Date;
  issuedTo?: Date;
}

export const DEFAULT_INVOICE_SEARCH: InvoiceSearchParams = {
  page: 1,
  pageSize: 25,
  sort: "number",
  dir: "desc",
  statuses: [],
  overdueOnly: false,
};

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** An empty form field means "no filter", exactly like a missing parameter. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

function single<T extends z.ZodType<unknown, string>>(schema: T) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: "must be given once" }).pipe(schema).optional(),
  );
}

/** Wraps one of the repo's parsers (AppError on bad input) as a zod transform. */
function parsedWith<T>(parse: (value: string) => T) {
  return z.string().transform((value, ctx) => {
    try {
      return parse(value);
    } catch (error) {
      if (!isAppError(error)) throw error;
      ctx.issues.push({ code: "custom", message: error.message, input: value });
      return z.NEVER;
    }
  });
}

const amount = single(
  z
    .string()
    .max(30, "is too long for an amount")
    .pipe(parsedWith((value) => parseMoney(value))),
);
const calendarDate = single(parsedWith(parseCalendarDate));

const statusList = z.preprocess(
  (value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value])
      .flatMap((item) => String(item).split(","))
      .map((item) => item.trim().toUpperCase())
      .filter((item) => item !== ""),
  z.array(
    z.enum(INVOICE_STATUSES, {
      error: (issue) => `"${String(issue.input)}" is not one of ${INVOICE_STATUSES.join(", ")}`,
    }),
  ),
);

export const invoiceSearchSchema = z
  .object({
    page: single(z.string().regex(/^[1-9]\d{0,5}$/, "must be a whole number from 1 to 999999")),
    pageSize: single(z.enum(["25", "50", "100"], { error: "must be 25, 50 or 100" })),
    sort: single(
      z.enum(INVOICE_SEARCH_SORTS, {
        error: `must be one of ${INVOICE_SEARCH_SORTS.join(", ")}`,
      }),
    ),
    dir: single(z.enum(["asc", "desc"], { error: "must be asc or desc" })),
    status: statusList,
    overdue: single(z.enum(["1", "true", "on", "0", "false", "off"], { error: "must be 1 or 0" })),
    minAmount: amount,
    maxAmount: amount,
    customer: single(
      z
        .string()
        .trim()
        .max(CUSTOMER_QUERY_MAX_LENGTH, `must be at most ${CUSTOMER_QUERY_MAX_LENGTH} characters`),
    ),
    issuedFrom: calendarDate,
    issuedTo: calendarDate,
  })
  .superRefine((value, ctx) => {
    if (value.minAmount !== undefined && value.maxAmount !== undefined) {
      if (value.minAmount > value.maxAmount) {
        ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "is below minAmount" });
      }
    }
    if (value.issuedFrom && value.issuedTo && value.issuedFrom > value.issuedTo) {
      ctx.addIssue({ code: "custom", path: ["issuedTo"], message: "is before issuedFrom" });
    }
  })
  .transform(
    (value): InvoiceSearchParams => ({
      page: value.page ? Number(value.page) : DEFAULT_INVOICE_SEARCH.page,
      pageSize: value.pageSize
        ? (Number(value.pageSize) as InvoiceSearchParams["pageSize"])
        : DEFAULT_INVOICE_SEARCH.pageSize,
      sort: value.sort ?? DEFAULT_INVOICE_SEARCH.sort,
      dir: value.dir ?? DEFAULT_INVOICE_SEARCH.dir,
      statuses: [...new Set(value.status)],
      overdueOnly: value.overdue === "1" || value.overdue === "true" || value.overdue === "on",
      minOre: value.minAmount,
      maxOre: value.maxAmount,
      customer: value.customer || undefined,
      issuedFrom: value.issuedFrom,
      issuedTo: value.issuedTo,
    }),
  );

export interface InvoiceSearchProblem {
  param: string;
  message: string;
}

function toRecord(input: RawSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const previous = record[key];
    record[key] = previous === undefined ? value : [previous, value].flat();
  }
  return record;
}

/**
 * Reads a search from URL parameters. A bad parameter never fails the page: it is reported (by
 * name, in words) and left at its default, and the rest of the search still applies.
 */
export function parseInvoiceSearch(input: RawSearchParams): {
  params: InvoiceSearchParams;
  problems: InvoiceSearchProblem[];
} {
  const record = toRecord(input);
  const problems: InvoiceSearchProblem[] = [];
  // Each round drops the parameters zod named; cross-field checks only run once fields parse.
  for (let round = 0; round < 4; round++) {
    const result = invoiceSearchSchema.safeParse(record);
    if (result.success) return { params: result.data, problems };
    for (const issue of result.error.issues) {
      const param = String(issue.path[0] ?? "search");
      if (!problems.some((p) => p.param === param))
        problems.push({ param, message: issue.message });
      delete record[param];
    }
  }
  return { params: DEFAULT_INVOICE_SEARCH, problems };
}

/** An amount as the URL and the filter form carry it: kronor, "." decimals, no grouping. */
export const amountParamText = (ore: number) => formatMoneyPlain(ore, "en").replaceAll(",", "");

/** The URL query ("?…", or "" for the defaults) of a search, defaults left out. */
export function invoiceSearchQuery(
  params: InvoiceSearchParams,
  changes: Partial<InvoiceSearchParams> = {},
): string {
  const next = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const status of next.statuses) query.append("status", status);
  if (next.overdueOnly) query.set("overdue", "1");
  if (next.minOre !== undefined) query.set("minAmount", amountParamText(next.minOre));
  if (next.maxOre !== undefined) query.set("maxAmount", amountParamText(next.maxOre));
  if (next.customer) query.set("customer", next.customer);
  if (next.issuedFrom) query.set("issuedFrom", formatCalendarDate(next.issuedFrom));
  if (next.issuedTo) query.set("issuedTo", formatCalendarDate(next.issuedTo));
  if (next.sort !== DEFAULT_INVOICE_SEARCH.sort) query.set("sort", next.sort);
  if (next.dir !== DEFAULT_INVOICE_SEARCH.dir) query.set("dir", next.dir);
  if (next.pageSize !== DEFAULT_INVOICE_SEARCH.pageSize)
    query.set("pageSize", String(next.pageSize));
  if (next.page !== 1) query.set("page", String(next.page));
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}
