import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { requireLinkScope } from "@/lib/invoice-page/page-request";
import { demoOutcomeSchema, settleDemoPayment } from "@/lib/payments/demo-payments";
import { committedChangesOf } from "@/lib/payments/invoice-changes";
import { isDemoPaymentsEnabled, requirePaymentProvider } from "@/lib/payments/payment-providers";
import { attemptInvoiceInScope } from "@/lib/payments/start-payment";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ outcome: demoOutcomeSchema });

/**
 * The demo's stand-in for the customer's bank or Swish app. Exists only when Stripe does not.
 * Every open page of the invoice hears what changed once it is committed — also when paying back
 * an overpayment failed after the payment itself was booked.
 */
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
    for (const change of applied.changes) emitInvoiceChanged(change);
    return NextResponse.json({ outcome: applied.outcome });
  } catch (error) {
    for (const change of committedChangesOf(error)) emitInvoiceChanged(change);
    return errorResponse(error, { route: "demo payment" });
  }
}
