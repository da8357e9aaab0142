import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readBodyText } from "@/lib/http/api-response";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { requestFreshLink } from "@/lib/invoices/link-management";

export const dynamic = "force-dynamic";

/**
 * The holder of an expired link asks for a fresh one (the expired-link page's form). It goes to
 * the address on file; the answer is the same whether a mail goes out or not. A token that is not
 * an expired link is the same 404 as any unknown link, and counts against the asker's address like
 * any failed lookup (the token is resolved by resolveLink, as everywhere).
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    assertSameOrigin(request);
    // The form sends nothing that matters; a body is still never read past a small limit.
    await readBodyText(request, 1024);
    const { token } = await params;
    const outcome = await requestFreshLink(await getDb(), {
      token,
      visitorKey: clientKey(clientAddressFrom(request.headers)),
    });
    if (outcome === "not-expired") {
      throw new AppError("NOT_FOUND", "This link does not lead to an invoice");
    }
    return NextResponse.redirect(new URL(`/i/${token}?new-link=sent`, request.url), 303);
  } catch (error) {
    return errorResponse(error, { route: "fresh link" });
  }
}
