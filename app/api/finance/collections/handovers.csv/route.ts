import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { handoversToCsv, listHandovers } from "@/lib/collections/handover-export";
import {
  handoverFileName,
  handoverQuerySchema,
  handoverWindow,
} from "@/lib/collections/handover-query";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The claims handed over (optionally from/to, Swedish days), as the agency's CSV file. */
export async function GET(request: Request) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.finance);
    const query = parseInput(handoverQuerySchema, queryObject(new URL(request.url)), "query");
    const claims = await listHandovers(await getDb(), {
      organizationId: staff.organizationId,
      ...handoverWindow(query),
    });
    return new Response(handoversToCsv(claims), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${handoverFileName(query, "csv")}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "collection handovers csv" });
  }
}
