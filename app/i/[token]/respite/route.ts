import { NextResponse } from "next/server";
import { takeRespite, takeRespiteInputSchema } from "@/lib/collections/self-service";
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

const bodySchema = takeRespiteInputSchema.extend({ invoiceNumber: linkInvoiceNumberSchema });

/** "Behöver du mer tid?": the customer moves the due date of the invoice their link opens. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const link = await requireLinkScope(request, (await params).token);
    const { invoiceNumber, ...input } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const taken = await takeRespite({
      db: await getDb(),
      invoice: { invoiceId: scope.invoiceId, organizationId: scope.organizationId },
      input,
    });
    emitInvoiceChanged({ invoiceId: taken.invoiceId, version: taken.version, kind: "respite" });
    return NextResponse.json(taken);
  } catch (error) {
    return errorResponse(error, { route: "take respite" });
  }
}
