import { type NextFetchEvent, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { generateNonce, invoicePageCsp } from "@/lib/security/content-security-policy";

/**
 * Two jobs. Staff consoles: keep signed-out visitors away (only the first gate — every staff page
 * and action checks role and organisation itself, lib/auth/require-staff.ts). Customer invoice
 * pages: a fresh CSP nonce per response, handed to Next on the request so its scripts carry it.
 */
const staffGate = withAuth({
  pages: { signIn: "/signin" },
  callbacks: { authorized: ({ token }) => Boolean(token?.staffId) },
});

export const PATHNAME_HEADER = "x-nota-pathname";

export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  if (!request.nextUrl.pathname.startsWith("/i/")) return staffGate(request, event);
  const nonce = generateNonce();
  const policy = invoicePageCsp(nonce, {
    isDev: process.env.NODE_ENV === "development",
    stripe: Boolean(process.env.STRIPE_SECRET_KEY),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/agent/:path*", "/marketing/:path*", "/admin/:path*", "/i/:path*"],
};
