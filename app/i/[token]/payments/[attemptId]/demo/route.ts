import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { requireLinkScope } from "@/lib/invoice-page/page-request";
import { demoOutcomeSchema, settleDemoPayment } from "@/lib/payments/demo-payments";
import { isDemoPaymentsEnabled, requirePaymentProvider } from "@/lib/payments/payment-providers";
import { attemptInvoiceInScope } from "@/lib/payments/start-payment";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ outcome: demoOutcomeSchema });

/** The demo's stand-in for the customer's bank or Swish app. Exists only when Stripe does not. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; attemptId: string }> },
) {
  try {
    if (!isDemoPaymentsEnabled())
      throw new AppError("NOT_FOUND", "Demo payments are not available");
    const { token, attemptId: rawAttemptId } = await params;
    const attemptId = parseRouteId(rawAttemptId, "payment");
    const scope = await requireLinkScope(request, token);
    const { outcome } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const db = await getDb();
    const invoiceId = await attemptInvoiceInScope(db, scope, attemptId);
    const applied = await settleDemoPayment({
      db,
      invoiceId,
      attemptId,
      outcome,
      provider: requirePaymentProvider(),
    });
    return NextResponse.json({ outcome: applied.outcome });
  } catch (error) {
    return errorResponse(error, { route: "demo payment" });
  }
}
