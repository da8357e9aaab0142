import { NextResponse } from "next/server";
import { answerSurvey, surveyAnswerInputSchema } from "@/lib/content/blocks/content-events";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import {
  linkInvoiceNumberSchema,
  requireInvoiceInScope,
  requireLinkScope,
} from "@/lib/invoice-page/page-request";
import { parseInput, parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const bodySchema = surveyAnswerInputSchema.extend({ invoiceNumber: linkInvoiceNumberSchema });

/** The customer answers the survey question of a block on their invoice (once per invoice). */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; blockId: string }> },
) {
  try {
    const { token, blockId: rawBlockId } = await params;
    const blockId = parseRouteId(rawBlockId, "survey");
    const link = await requireLinkScope(request, token);
    const { invoiceNumber, ...input } = parseInput(bodySchema, await readJsonBody(request, 1024));
    const scope = await requireInvoiceInScope(link, invoiceNumber);
    const answered = await answerSurvey({
      db: await getDb(),
      invoiceId: scope.invoiceId,
      blockId,
      input,
    });
    return NextResponse.json({ ok: true, ...answered });
  } catch (error) {
    return errorResponse(error, { route: "survey answer" });
  }
}
