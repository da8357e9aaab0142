import { apiRoute } from "@/lib/api/api-handler";
import { forecastQuerySchema } from "@/lib/collections/forecast-query";
import { forecastCollections } from "@/lib/collections/run";
import { parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { AppError } from "@/lib/errors/app-error";
import { queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getCollectionForecast",
  async handle({ db, principal, url }) {
    const query = parseInput(forecastQuerySchema, queryObject(url), "query");
    const today = todayInSweden();
    const from = query.from ? parseCalendarDate(query.from) : today;
    if (from < today) {
      throw new AppError("BAD_INPUT", "from is today or later: the past is in the timeline", {
        param: "from",
      });
    }
    const forecast = await forecastCollections({
      db,
      organizationId: principal.organizationId,
      today,
      from,
      days: query.days,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return {
      status: 200,
      body: {
        object: "collection_forecast",
        from: forecast.from,
        days: forecast.days,
        invoices: forecast.invoices,
        hasMore: forecast.nextCursor !== null,
        nextCursor: forecast.nextCursor,
      },
    };
  },
});
