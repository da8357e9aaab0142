import { getToken } from "next-auth/jwt";
import type { Db } from "@/lib/db/database";
import type { Locale, StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who a staff member is, decided once for pages, route handlers, the socket handshake and the
 * periodic re-check of open sockets: the session cookie names a staff id, and the database says
 * whether that account still exists, is enabled and has a role that may do the thing asked. No
 * other module reads sessions or staff rows for access decisions. (Plain Node: the socket server
 * uses this without loading next-auth's providers.)
 */
export interface StaffContext {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  organizationId: string;
  organizationName: string;
  /** The language the consoles speak to this person: their own choice, else the organisation's. */
  locale: Locale;
  /** Their own choice of language; null when they follow the organisation's. */
  ownLocale: Locale | null;
  organizationLocale: Locale;
}

const SIGN_IN = "Sign in to continue";

/** The account behind a session, if it may still act with one of `roles`. */
export async function loadActiveStaff(
  db: Db,
  staffId: string | null | undefined,
  roles: readonly StaffRole[],
): Promise<StaffContext> {
  if (!staffId) throw new AppError("UNAUTHENTICATED", SIGN_IN);
  const staff = await db.staffUser.findUnique({
    where: { id: staffId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      organizationId: true,
      locale: true,
      organization: { select: { name: true, defaultLocale: true } },
    },
  });
  if (!staff || staff.disabledAt) throw new AppError("UNAUTHENTICATED", SIGN_IN);
  if (!roles.includes(staff.role)) {
    throw new AppError("FORBIDDEN", "Your role does not give access to this");
  }
  return {
    id: staff.id,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    organizationId: staff.organizationId,
    organizationName: staff.organization.name,
    locale: staff.locale ?? staff.organization.defaultLocale,
    ownLocale: staff.locale,
    organizationLocale: staff.organization.defaultLocale,
  };
}

function parseCookies(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(/;\s*/)) {
    const index = pair.indexOf("=");
    if (index <= 0) continue;
    try {
      cookies[pair.slice(0, index)] = decodeURIComponent(pair.slice(index + 1));
    } catch {
      // A malformed cookie is no session.
    }
  }
  return cookies;
}

/**
 * The staff id a request's session cookie carries (next-auth's signed and encrypted JWT), or null.
 * Works from any headers: a Request's, a page's, a socket handshake's.
 */
export async function sessionStaffId(
  cookieHeader: string | null | undefined,
  secret: string | undefined = process.env.NEXTAUTH_SECRET,
): Promise<string | null> {
  if (!cookieHeader || !secret) return null;
  const token = await getToken({
    // getToken reads `cookies` and `headers` from whatever request shape it is given.
    req: { headers: { cookie: cookieHeader }, cookies: parseCookies(cookieHeader) } as Parameters<
      typeof getToken
    >[0]["req"],
    secret,
  }).catch(() => null);
  return typeof token?.staffId === "string" ? token.staffId : null;
}
