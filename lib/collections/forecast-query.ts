import { z } from "zod";

/** The forecast's query: from today or later, for 1–90 days, a page of invoices at a time. */
export const forecastQuerySchema = z.object({
  from: z.iso.date({ error: "from must be a date in the form YYYY-MM-DD" }).optional(),
  days: z.coerce
    .number({ error: "days must be a number" })
    .int("days must be a whole number")
    .min(1, "days must be at least 1")
    .max(90, "days must be at most 90")
    .default(14),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(500, "limit must be at most 500")
    .default(100),
  cursor: z.uuid({ error: "cursor must be the nextCursor of the previous page" }).optional(),
});
export type ForecastQuery = z.output<typeof forecastQuerySchema>;
