import { NextResponse } from "next/server";
import { CONSOLE_ROLES, staffForRequest } from "@/lib/auth/require-staff";
import { decisionTargetQuerySchema, findDecisionTarget } from "@/lib/bank-files/bank-file-console";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * The invoice (`?invoiceNumber=`) or customer (`?customerNumber=`) a person names by number when
 * deciding a payment from the unmatched queue: its id, and enough to say whose it is.
 */
export async function GET(request: Request) {
  try {
    const staff = await staffForRequest(request, CONSOLE_ROLES.unmatchedPayments);
    const query = parseInput(
      decisionTargetQuerySchema,
      Object.fromEntries(new URL(request.url).searchParams),
      "query",
    );
    return NextResponse.json(await findDecisionTarget(await getDb(), staff.organizationId, query), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error, { route: "find decision target" });
  }
}
