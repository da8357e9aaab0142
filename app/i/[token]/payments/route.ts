import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  linkInvoiceNumberSchema,
  requireInvoiceInScope,
  requireLinkScope,
} from "@/lib/invoice-page/page-request";
import { requirePaymentProvider } from "@/lib/payments/payment-providers";
import { startPayment, startPaymentInputSchema } from "@/lib/payments/start-payment";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = startPaymentInputSchema.extend({ invoiceNumber: linkInvoiceNumberSchema });

/** The customer starts paying (part of) the invoice their link opens. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const link = await requireLinkScope(request, (await params).token);
    const { invoiceNumber, ...input } = parseInput(bodySchema, await readJsonBody(request, 4096));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const started = await startPayment({
      db: await getDb(),
      invoiceId: scope.invoiceId,
      input,
      provider: requirePaymentProvider(),
    });
    return NextResponse.json({
      attemptId: started.attemptId,
      provider: started.provider,
      amountOre: started.amountOre,
      clientSecret: started.clientSecret,
      publishableKey:
        started.provider === "STRIPE" ? (getEnv().STRIPE_PUBLISHABLE_KEY ?? null) : null,
    });
  } catch (error) {
    return errorResponse(error, { route: "start payment" });
  }
}
