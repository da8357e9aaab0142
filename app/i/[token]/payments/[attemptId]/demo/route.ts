import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { apiError, readJson } from "@/lib/http/api-response";
import { resolveLinkScopeForApi } from "@/lib/invoice-page/page-request";
import { demoOutcomeSchema, settleDemoPayment } from "@/lib/payments/demo-payments";
import { isDemoPaymentsEnabled, requirePaymentProvider } from "@/lib/payments/payment-providers";
import { attemptInvoiceInScope } from "@/lib/payments/start-payment";

export const dynamic = "force-dynamic";

/** The demo's stand-in for the customer's bank or Swish app. Exists only when Stripe does not. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; attemptId: string }> },
) {
  try {
    if (!isDemoPaymentsEnabled())
      throw new AppError("NOT_FOUND", "Demo payments are not available");
    const { token, attemptId } = await params;
    if (!z.uuid().safeParse(attemptId).success) throw new AppError("NOT_FOUND", "No such payment");
    const scope = await resolveLinkScopeForApi(token);
    if (!scope) throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
    const invoiceId = await attemptInvoiceInScope(await getDb(), scope, attemptId);
    const body = (await readJson(request)) as { outcome?: unknown };
    const outcome = demoOutcomeSchema.parse(body?.outcome);
    const applied = await settleDemoPayment({
      db: await getDb(),
      invoiceId,
      attemptId,
      outcome,
      provider: requirePaymentProvider(),
    });
    return NextResponse.json({ outcome: applied.outcome });
  } catch (error) {
    if (error instanceof z.ZodError)
      return apiError(new AppError("BAD_INPUT", "outcome must be succeeded or failed"));
    return apiError(error, { route: "demo payment" });
  }
}
