import { type NextRequest, NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/api-response";
import { isLocale, LOCALE_COOKIE } from "@/lib/invoice-page/invoice-locale";
import { isWellFormedAccessToken } from "@/lib/invoices/access-token";

/**
 * The language switch works without JavaScript: a link here remembers the choice in a cookie and
 * sends the customer back to the invoice. It reveals nothing about the token (no lookup).
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string; lang: string }> },
) {
  const { token, lang } = await params;
  if (!isLocale(lang) || !isWellFormedAccessToken(token)) {
    return errorResponse(new AppError("NOT_FOUND", "No such page"));
  }
  const back = request.nextUrl.searchParams.get("back") ?? "";
  const target = new RegExp(`^/i/${token}(/n/[1-9]\\d{0,8})?$`).test(back) ? back : `/i/${token}`;
  // A relative Location keeps the customer on the host they came in on (the cookie's host).
  const response = new NextResponse(null, { status: 303, headers: { location: target } });
  response.cookies.set(LOCALE_COOKIE, lang, {
    path: "/i",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}
