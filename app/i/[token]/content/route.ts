import { NextResponse } from "next/server";
import { contentEventInputSchema, recordContentEvent } from "@/lib/content/blocks/content-events";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  linkInvoiceNumberSchema,
  requireInvoiceInScope,
  requireLinkScope,
} from "@/lib/invoice-page/page-request";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = contentEventInputSchema.extend({ invoiceNumber: linkInvoiceNumberSchema });

/** The page reports that a content block was seen (really on screen) or clicked. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const link = await requireLinkScope(request, (await params).token);
    const { invoiceNumber, ...input } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const result = await recordContentEvent({
      db: await getDb(),
      invoiceId: scope.invoiceId,
      input,
    });
    return NextResponse.json({ ok: true, ...result });
  } catch (error) {
    return errorResponse(error, { route: "content event" });
  }
}
