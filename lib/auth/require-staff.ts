import { headers } from "next/headers";
import { CONSOLE_ROLES } from "@/lib/auth/console-roles";
import { loadActiveStaff, type StaffContext, sessionStaffId } from "@/lib/auth/staff-identity";
import { getDb } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { assertSameOrigin } from "@/lib/http/same-origin";

export type { StaffContext };
export { CONSOLE_ROLES };

export function homePathForRole(role: StaffRole): string {
  return role === "MARKETER"
    ? "/marketing"
    : role === "AGENT"
      ? "/agent"
      : role === "FINANCE"
        ? "/finance"
        : "/admin";
}

/**
 * For staff pages (server components): the signed-in staff member, checked against the database
 * on every request, so a disabled account or a changed role takes effect at once. proxy.ts only
 * keeps signed-out visitors away; this is the real check.
 */
export async function requireStaff(roles: readonly StaffRole[]): Promise<StaffContext> {
  const staffId = await sessionStaffId((await headers()).get("cookie"));
  return loadActiveStaff(await getDb(), staffId, roles);
}

/** For staff route handlers that only read (GET): the session of this very request. */
export async function staffForRequest(
  request: Request,
  roles: readonly StaffRole[],
): Promise<StaffContext> {
  const staffId = await sessionStaffId(request.headers.get("cookie"));
  return loadActiveStaff(await getDb(), staffId, roles);
}

/** The start of every state-changing staff route: same-site request, signed in, right role. */
export async function requireStaffRequest(
  request: Request,
  roles: readonly StaffRole[],
): Promise<StaffContext> {
  assertSameOrigin(request, getEnv().appUrl);
  return staffForRequest(request, roles);
}
