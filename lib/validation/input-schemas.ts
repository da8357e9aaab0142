import { z } from "zod";
import { MAX_STORED_INTEGER } from "@/lib/money/money";

/**
 * Building blocks of API v1's request schemas: the billing system's own ids, references to our
 * records by id or by its id, ISO dates, and decimal numbers sent as strings (quantities, unit
 * prices) turned into our integer units at the boundary.
 */
export const externalIdSchema = z
  .string({ error: "externalId must be a string" })
  .trim()
  .min(1, "externalId must not be empty")
  .max(100, "externalId may be at most 100 characters");

export const calendarDateSchema = z.iso.date({ error: "expected a date in the form YYYY-MM-DD" });

/** A record of ours named by our id or by the billing system's externalId. */
export function referenceSchema(what: string) {
  return z.union(
    [
      z.strictObject({ id: z.uuid({ error: `id must be a ${what}'s id` }) }),
      z.strictObject({ externalId: externalIdSchema }),
    ],
    { error: `name the ${what} by {"id": …} or {"externalId": …}` },
  );
}
export type Reference = { id: string } | { externalId: string };

/**
 * A decimal number as a string ("412.5", "-3", "118.25"), at most `decimals` decimals, turned
 * into an integer of 10^-decimals units without floating point. Numbers are taken too (they are
 * read through their shortest decimal form).
 */
export function scaledDecimalSchema(decimals: number, what: string, bound = MAX_STORED_INTEGER) {
  const pattern = new RegExp(`^-?\\d{1,12}(\\.\\d{1,${decimals}})?$`);
  return z
    .union([z.string(), z.number()], {
      error: `${what} must be a decimal number as a string, e.g. "12.5"`,
    })
    .transform((value, ctx) => {
      const text = typeof value === "number" ? String(value) : value.trim();
      if (!pattern.test(text)) {
        ctx.addIssue({
          code: "custom",
          message: `${what} must be a decimal number with at most ${decimals} decimals, e.g. "12.5"`,
        });
        return z.NEVER;
      }
      const negative = text.startsWith("-");
      const [whole, fraction = ""] = text.replace("-", "").split(".");
      const scaled = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || 0);
      if (!Number.isSafeInteger(scaled) || scaled > bound) {
        ctx.addIssue({ code: "custom", message: `${what} is too large` });
        return z.NEVER;
      }
      return negative ? -scaled : scaled;
    });
}

/** An amount in whole öre (money is never a decimal). */
export function oreSchema(what: string, options: { min?: number } = {}) {
  return z
    .number({ error: `${what} must be a whole number of öre` })
    .int(`${what} must be a whole number of öre`)
    .min(options.min ?? 0, `${what} must be at least ${options.min ?? 0} öre`)
    .max(MAX_STORED_INTEGER, `${what} must be at most ${MAX_STORED_INTEGER} öre`);
}

/** Cursor paging for lists: newest first, `starting_after` the last id of the previous page. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(20),
  starting_after: z
    .uuid({ error: "starting_after must be an id from the previous page" })
    .optional(),
});

export interface ListAnswer<T> {
  object: "list";
  data: T[];
  hasMore: boolean;
  /** Pass as `starting_after` for the next page (absent on the last one). */
  nextStartingAfter: string | null;
}

export function listAnswer<T extends { id: string }>(rows: T[], limit: number): ListAnswer<T> {
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    object: "list",
    data: page,
    hasMore,
    nextStartingAfter: hasMore ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The query string as an object, for parsing (repeated keys: the last one). */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
