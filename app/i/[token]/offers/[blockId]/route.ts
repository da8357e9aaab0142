import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { invoiceForLinkRequest } from "@/lib/invoice-page/page-request";
import { acceptOffer } from "@/lib/offers/accept-offer";
import { emitInvoiceChanged } from "@/lib/realtime/invoice-cues";

export const dynamic = "force-dynamic";

/** The customer accepts an offer shown on their invoice (idempotent). */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; blockId: string }> },
) {
  try {
    const { token, blockId } = await params;
    const body = (await readJson(request)) as { invoiceNumber?: unknown } | null;
    const invoiceId = await invoiceForLinkRequest(token, body?.invoiceNumber);
    const accepted = await acceptOffer({ db: await getDb(), invoiceId, blockId });
    if (!accepted.alreadyAccepted) {
      emitInvoiceChanged({ invoiceId, version: accepted.invoiceVersion, kind: "content" });
    }
    return NextResponse.json({ ok: true, ...accepted });
  } catch (error) {
    return apiError(error, { route: "accept offer" });
  }
}
