import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { parseImageHosts } from "@/lib/http/image-hosts";
import { generateNonce, pageSecurityHeaders } from "@/lib/security/content-security-policy";

/**
 * Two jobs. Every page: its security headers (a Content-Security-Policy with a fresh nonce per
 * response, handed to Next on the request so its scripts carry it; Permissions-Policy; COOP; HSTS
 * over https). Staff consoles: keep signed-out visitors away (only the first gate — every staff
 * page and action checks role and organisation itself, lib/auth/require-staff.ts).
 */
export const PATHNAME_HEADER = "x-nota-pathname";

function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = generateNonce();
  const headers = pageSecurityHeaders(nonce, request.nextUrl.pathname, {
    isDev: process.env.NODE_ENV === "development",
    stripe: Boolean(process.env.STRIPE_SECRET_KEY),
    imageHosts: parseImageHosts(process.env.CONTENT_IMAGE_HOSTS),
    appUrl: process.env.APP_URL,
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  forwarded.set("x-nonce", nonce);
  forwarded.set(PATHNAME_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const staffGate = withAuth(withSecurityHeaders, {
  pages: { signIn: "/signin" },
  callbacks: { authorized: ({ token }) => Boolean(token?.staffId) },
});

const STAFF_CONSOLE = /^\/(agent|marketing|admin|finance)(\/|$)/;

export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  if (STAFF_CONSOLE.test(request.nextUrl.pathname)) return staffGate(request, event);
  return withSecurityHeaders(request);
}

export const config = {
  // Every page — the API reference at /api/docs included; not the rest of the API (JSON, never
  // rendered) nor Next's static files.
  matcher: ["/((?!api/(?!docs)|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)"],
};
