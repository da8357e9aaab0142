import { NextResponse } from "next/server";
import { acceptPaymentPlan, acceptPaymentPlanInputSchema } from "@/lib/collections/payment-plans";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  linkInvoiceNumberSchema,
  requireInvoiceInScope,
  requireLinkScope,
} from "@/lib/invoice-page/page-request";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = acceptPaymentPlanInputSchema.extend({ invoiceNumber: linkInvoiceNumberSchema });

/** "Dela upp betalningen": the customer agrees to pay the invoice their link opens in parts. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const link = await requireLinkScope(request, (await params).token);
    const { invoiceNumber, ...input } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const accepted = await acceptPaymentPlan({
      db: await getDb(),
      invoice: { invoiceId: scope.invoiceId, organizationId: scope.organizationId },
      input,
    });
    emitInvoiceChanged({
      invoiceId: accepted.invoiceId,
      version: accepted.version,
      kind: "collection",
    });
    return NextResponse.json(accepted);
  } catch (error) {
    return errorResponse(error, { route: "accept payment plan" });
  }
}
