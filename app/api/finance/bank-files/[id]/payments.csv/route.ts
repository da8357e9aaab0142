import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { bankFilePaymentsCsv } from "@/lib/bank-files/bank-file-report";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** A bank file's payments as CSV (what was booked where, what waits in the queue). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.finance);
    const id = parseRouteId((await params).id, "bank file");
    const { fileName, csv } = await bankFilePaymentsCsv(await getDb(), staff.organizationId, id);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}-payments.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "bank file payments csv" });
  }
}
