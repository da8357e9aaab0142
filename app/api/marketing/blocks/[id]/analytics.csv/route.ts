import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { loadBlockAnalytics } from "@/lib/content/analytics/analytics";
import { analyticsFileName, analyticsToCsv } from "@/lib/content/analytics/csv";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The block's per-variant analytics as a CSV download (the same numbers as its page). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.marketing);
    const blockId = parseRouteId((await params).id, "content block");
    const analytics = await loadBlockAnalytics(await getDb(), {
      organizationId: staff.organizationId,
      blockId,
    });
    const fileName = analyticsFileName(analytics.block.name, formatCalendarDate(todayInSweden()));
    return new Response(analyticsToCsv(analytics), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "content block analytics csv" });
  }
}
