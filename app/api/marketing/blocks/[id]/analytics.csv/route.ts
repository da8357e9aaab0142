import { CONSOLE_ROLES, requireStaff } from "@/lib/auth/require-staff";
import { loadBlockAnalytics } from "@/lib/content/analytics";
import { analyticsFileName, analyticsToCsv } from "@/lib/content/analytics-csv";
import { blockIdSchema } from "@/lib/content/block-status-input";
import { formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { apiError } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The block's per-variant analytics as a CSV download (the same numbers as its page). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await requireStaff(CONSOLE_ROLES.marketing);
    const blockId = parseInput(blockIdSchema, (await params).id);
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
    return apiError(error, { route: "content block analytics csv" });
  }
}
