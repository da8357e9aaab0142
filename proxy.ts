import type { NextFetchEvent } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";

/**
 * Keeps signed-out visitors away from the staff consoles. It is only the first gate: every staff
 * page and action checks role and organisation itself (lib/auth/require-staff.ts).
 */
const staffGate = withAuth({
  pages: { signIn: "/signin" },
  callbacks: { authorized: ({ token }) => Boolean(token?.staffId) },
});

export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  return staffGate(request, event);
}

export const config = { matcher: ["/agent/:path*", "/marketing/:path*", "/admin/:path*"] };
