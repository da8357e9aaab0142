import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { receivablesFileName, receivablesToCsv } from "@/lib/receivables/csv";
import { loadReceivablesDashboard } from "@/lib/receivables/dashboard";
import { receivablesFilter, receivablesQuerySchema } from "@/lib/receivables/receivables-query";
import { queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The receivables dashboard's figures per period as CSV, for the same filters as its page. */
export async function GET(request: Request) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.finance);
    const query = parseInput(receivablesQuerySchema, queryObject(new URL(request.url)), "query");
    const today = todayInSweden();
    const dashboard = await loadReceivablesDashboard(await getDb(), {
      organizationId: staff.organizationId,
      filter: receivablesFilter(query, today),
      today,
    });
    return new Response(receivablesToCsv(dashboard), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${receivablesFileName(dashboard)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "receivables csv" });
  }
}
