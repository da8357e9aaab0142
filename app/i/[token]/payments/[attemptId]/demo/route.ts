import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { apiError, readJson } from "@/lib/http/api-response";
import { resolveLinkScopeForApi } from "@/lib/invoice-page/page-request";
import { completeDemoPayment, demoOutcomeSchema } from "@/lib/payments/demo-payments";
import { isDemoPaymentsEnabled, requirePaymentProvider } from "@/lib/payments/payment-providers";
import { settleLatePayment } from "@/lib/payments/refund-credited-invoice";
import { attemptInvoiceInScope } from "@/lib/payments/start-payment";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

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
    const applied = await completeDemoPayment({ db: await getDb(), invoiceId, attemptId, outcome });
    if (applied.invoiceId)
      emitInvoiceChanged({
        invoiceId: applied.invoiceId,
        version: applied.version,
        kind: "payment",
      });
    // Money that landed on an invoice credited meanwhile goes back to the customer; checked on
    // every press, so a press after a failed refund tries it again.
    if (outcome === "succeeded") {
      await settleLatePayment({ db: await getDb(), invoiceId, provider: requirePaymentProvider() });
    }
    return NextResponse.json({ outcome: applied.outcome });
  } catch (error) {
    if (error instanceof z.ZodError)
      return apiError(new AppError("BAD_INPUT", "outcome must be succeeded or failed"));
    return apiError(error, { route: "demo payment" });
  }
}
