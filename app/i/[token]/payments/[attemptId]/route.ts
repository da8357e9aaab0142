import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-response";
import { requireLinkScope } from "@/lib/invoice-page/page-request";
import { attemptInvoiceInScope, getPaymentAttemptStatus } from "@/lib/payments/start-payment";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/** Where a payment stands, for the page waiting on it. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; attemptId: string }> },
) {
  try {
    const { token, attemptId: rawAttemptId } = await params;
    const attemptId = parseRouteId(rawAttemptId, "payment");
    const scope = await requireLinkScope(request, token);
    const db = await getDb();
    const invoiceId = await attemptInvoiceInScope(db, scope, attemptId);
    const attempt = await getPaymentAttemptStatus(db, invoiceId, attemptId);
    return NextResponse.json({ status: attempt.status, amountOre: attempt.amountOre });
  } catch (error) {
    return errorResponse(error, { route: "payment status" });
  }
}
