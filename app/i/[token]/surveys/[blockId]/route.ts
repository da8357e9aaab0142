import { NextResponse } from "next/server";
import { answerSurvey } from "@/lib/content/content-events";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { invoiceForLinkRequest } from "@/lib/invoice-page/page-request";

export const dynamic = "force-dynamic";

/** The customer answers the survey question of a block on their invoice (once per invoice). */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ token: string; blockId: string }> },
) {
  try {
    const { token, blockId } = await params;
    const body = (await readJson(request)) as { invoiceNumber?: unknown } | null;
    const invoiceId = await invoiceForLinkRequest(token, body?.invoiceNumber);
    const answered = await answerSurvey({ db: await getDb(), invoiceId, blockId, input: body });
    return NextResponse.json({ ok: true, ...answered });
  } catch (error) {
    return apiError(error, { route: "survey answer" });
  }
}
