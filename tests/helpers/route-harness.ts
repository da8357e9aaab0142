import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { StaffRole } from "@/lib/db/generated/client";

/**
 * Calls a Next route handler the way the server does: a real Request (method, URL, headers,
 * body) and its params as a promise, against the real database the test installed. The staff
 * session is a real next-auth JWT cookie, signed with the process's NEXTAUTH_SECRET; server.ts's
 * trusted client-address header is set as it would be.
 */
export const HARNESS_ORIGIN = "http://nota.test";

// Any route handler, whatever its params type: a handler that takes `{ params: Promise<{ id }> }`
// is assignable to one taking `never`; the harness then hands it the params it was given.
type Handler = (request: Request, context: never) => Promise<Response>;

export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

export interface RouteRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path as a browser would ask for it (query included). */
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** A body sent exactly as written (malformed ones included), instead of `body` as JSON. */
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export async function callRoute(module: RouteModule, request: RouteRequest): Promise<Response> {
  const handler = module[request.method];
  if (!handler) throw new Error(`the route has no ${request.method} handler`);
  const headers = new Headers({
    origin: HARNESS_ORIGIN,
    host: new URL(HARNESS_ORIGIN).host,
    "x-nota-client-address": "198.51.100.7",
    ...(request.body === undefined && request.rawBody === undefined
      ? {}
      : { "content-type": "application/json" }),
    ...(request.cookie ? { cookie: request.cookie } : {}),
    ...request.headers,
  });
  // Next hands route handlers a NextRequest (a Request with nextUrl and cookies).
  return handler(
    new NextRequest(`${HARNESS_ORIGIN}${request.path}`, {
      method: request.method,
      headers,
      body:
        request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
    }),
    { params: Promise.resolve(request.params ?? {}) } as never,
  );
}

/** The session cookie next-auth would set for this staff member. */
export async function sessionCookieFor(staff: {
  id: string;
  role: StaffRole;
  organizationId: string;
}): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("set NEXTAUTH_SECRET before minting sessions");
  const token = { staffId: staff.id, role: staff.role, organizationId: staff.organizationId };
  return `next-auth.session-token=${await encode({ token, secret })}`;
}
