import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { apiError } from "@/lib/http/api-response";
import { resolveLinkScopeForApi } from "@/lib/invoice-page/page-request";
import { attemptInvoiceInScope, getPaymentAttemptStatus } from "@/lib/payments/start-payment";

export const dynamic = "force-dynamic";

/** Where a payment stands, for the page waiting on it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ token: string; attemptId: string }> },
) {
  try {
    const { token, attemptId } = await params;
    if (!z.uuid().safeParse(attemptId).success) throw new AppError("NOT_FOUND", "No such payment");
    const scope = await resolveLinkScopeForApi(token);
    if (!scope) throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
    const invoiceId = await attemptInvoiceInScope(await getDb(), scope, attemptId);
    const attempt = await getPaymentAttemptStatus(await getDb(), invoiceId, attemptId);
    return NextResponse.json({
      status: attempt.status,
      amountOre: attempt.amountOre,
      failureMessage: attempt.failureMessage,
    });
  } catch (error) {
    return apiError(error, { route: "payment status" });
  }
}
