import { NextResponse } from "next/server";
import { z } from "zod";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { requestReceivablesRefresh } from "@/lib/jobs/receivables-refresh";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** `{"full": true}` recomputes every day instead of the last 180. */
const refreshInputSchema = z.object({ full: z.boolean().optional() }).strict();

/**
 * Asks for the organisation's receivables figures to be recomputed now (the daily job, at once).
 * 202: `requested` is false when one is already waiting.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.finance);
    const { full } = parseInput(refreshInputSchema, await readJsonBody(request, 1024), "refresh");
    const jobId = await requestReceivablesRefresh(await getDb(), staff.organizationId, { full });
    return NextResponse.json({ requested: jobId !== null }, { status: 202 });
  } catch (error) {
    return errorResponse(error, { route: "receivables refresh" });
  }
}
