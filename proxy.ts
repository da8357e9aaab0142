import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { parseImageHosts } from "@/lib/http/image-hosts";
import { cleanPastedLinkPath } from "@/lib/invoices/link-pasted-path";
import { generateNonce, pageSecurityHeaders } from "@/lib/security/content-security-policy";

/**
 * Three jobs. An invoice link pasted with a trailing "." or space: on to its clean path. Every
 * page: its security headers (a Content-Security-Policy with a fresh nonce per response, handed to
 * Next on the request so its scripts carry it; Permissions-Policy; COOP; HSTS over https). Staff
 * consoles: keep signed-out visitors away (only the first gate — every staff page and action
 * checks role and organisation itself, lib/auth/require-staff.ts).
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

/**
 * Answered here, before any route runs, so the cleaned-up paste never reaches the token lookup and
 * never counts as a failed one (lib/invoices/link-limiter.ts). On the host the visitor came in on
 * (Next makes the Location relative again); never stored, as the Location holds the token.
 */
function redirectPastedLink(request: NextRequest): NextResponse | null {
  const clean = cleanPastedLinkPath(request.nextUrl.pathname);
  if (!clean) return null;
  const target = request.nextUrl.clone();
  target.pathname = clean;
  return new NextResponse(null, {
    status: 308,
    headers: {
      location: target.toString(),
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const pasted = redirectPastedLink(request);
  if (pasted) return pasted;
  if (STAFF_CONSOLE.test(request.nextUrl.pathname)) return staffGate(request, event);
  return withSecurityHeaders(request);
}

export const config = {
  // Every page — the API reference at /api/docs included; not the rest of the API (JSON, never
  // rendered) nor Next's static files.
  matcher: ["/((?!api/(?!docs)|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)"],
};
