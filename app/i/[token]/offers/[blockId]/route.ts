import { NextResponse } from "next/server";
import { z } from "zod";
import { acceptOffer } from "@/lib/content/blocks/accept-offer";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  linkInvoiceNumberSchema,
  requireInvoiceInScope,
  requireLinkScope,
} from "@/lib/invoice-page/page-request";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ invoiceNumber: linkInvoiceNumberSchema });

/** The customer accepts an offer shown on their invoice (idempotent). */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; blockId: string }> },
) {
  try {
    const { token, blockId: rawBlockId } = await params;
    const blockId = parseRouteId(rawBlockId, "offer");
    const link = await requireLinkScope(request, token);
    const { invoiceNumber } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const accepted = await acceptOffer({ db: await getDb(), invoiceId: scope.invoiceId, blockId });
    if (!accepted.alreadyAccepted) {
      emitInvoiceChanged({
        invoiceId: scope.invoiceId,
        version: accepted.invoiceVersion,
        kind: "content",
      });
    }
    return NextResponse.json({ ok: true, ...accepted });
  } catch (error) {
    return errorResponse(error, { route: "accept offer" });
  }
}
