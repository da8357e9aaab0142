import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { errorResponse, readBodyText } from "@/lib/http/api-response";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { requestFreshLink } from "@/lib/invoices/link-management";

export const dynamic = "force-dynamic";

/**
 * The holder of an expired link asks for a fresh one (the expired-link page's form). It goes to
 * the address on file; the answer is the same whether a mail goes out or not. A token that is not
 * an expired link is the same 404 as any unknown link.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    assertSameOrigin(request);
    // The form sends nothing that matters; a body is still never read past a small limit.
    await readBodyText(request, 1024);
    const { token } = await params;
    const outcome = await requestFreshLink(await getDb(), token);
    if (outcome === "not-expired") return new NextResponse("Not found", { status: 404 });
    return NextResponse.redirect(new URL(`/i/${token}?new-link=sent`, request.url), 303);
  } catch (error) {
    return errorResponse(error, { route: "fresh link" });
  }
}
