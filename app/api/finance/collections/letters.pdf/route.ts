import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { letterBatchQuerySchema, mergedLettersPdf } from "@/lib/collections/letters";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { queryObject } from "@/lib/validation/input-schemas";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** The letters named in `?ids=` (a batch from the list), in that order, as one PDF to print. */
export async function GET(request: Request) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.finance);
    const { ids } = parseInput(letterBatchQuerySchema, queryObject(new URL(request.url)), "query");
    const bytes = await mergedLettersPdf(await getDb(), staff.organizationId, ids);
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="letters-${ids.length}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "collection letters pdf" });
  }
}
