import { NextResponse } from "next/server";
import { recordContentEvent } from "@/lib/content/content-events";
import { getDb } from "@/lib/db/client";
import { apiError, readJson } from "@/lib/http/api-response";
import { invoiceForLinkRequest } from "@/lib/invoice-page/page-request";

export const dynamic = "force-dynamic";

/** The page reports that a content block was seen (really on screen) or clicked. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const body = (await readJson(request)) as { invoiceNumber?: unknown } | null;
    const invoiceId = await invoiceForLinkRequest((await params).token, body?.invoiceNumber);
    const result = await recordContentEvent({ db: await getDb(), invoiceId, input: body });
    return NextResponse.json({ ok: true, ...result });
  } catch (error) {
    return apiError(error, { route: "content event" });
  }
}
