import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { apiError, readJson } from "@/lib/http/api-response";
import { invoiceIdInScope, resolveLinkScopeForApi } from "@/lib/invoice-page/page-request";
import { requirePaymentProvider } from "@/lib/payments/payment-providers";
import { startPayment } from "@/lib/payments/start-payment";

export const dynamic = "force-dynamic";

/** The customer starts paying (part of) the invoice their link opens. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const scope = await resolveLinkScopeForApi((await params).token);
    if (!scope) throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
    const body = (await readJson(request)) as { invoiceNumber?: unknown } | null;
    const parsedNumber = z
      .number()
      .int()
      .positive()
      .max(999_999_999)
      .nullish()
      .safeParse(body?.invoiceNumber);
    if (!parsedNumber.success)
      throw new AppError("BAD_INPUT", "invoiceNumber must be an invoice number");
    const number = parsedNumber.data ?? null;
    const invoiceId = await invoiceIdInScope(scope, number);
    if (!invoiceId) throw new AppError("NOT_FOUND", "No such invoice for this customer");
    const started = await startPayment({
      db: await getDb(),
      invoiceId,
      input: body as never,
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
    return apiError(error, { route: "start payment" });
  }
}
