import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { authOptions } from "./auth-options";

export interface StaffContext {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  organizationId: string;
  organizationName: string;
}

import { CONSOLE_ROLES } from "./console-roles";

export { CONSOLE_ROLES };

export function homePathForRole(role: StaffRole): string {
  return role === "MARKETER" ? "/marketing" : role === "AGENT" ? "/agent" : "/admin";
}

/**
 * Every staff action and page calls this itself (proxy.ts only keeps signed-out visitors away).
 * The session is re-checked against the database, so a disabled account or a changed role takes
 * effect at once rather than when the session expires.
 */
export async function requireStaff(roles: readonly StaffRole[]): Promise<StaffContext> {
  const session = await getServerSession(authOptions);
  if (!session?.staff?.id) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  const db = await getDb();
  const staff = await db.staffUser.findUnique({
    where: { id: session.staff.id },
    include: { organization: { select: { name: true } } },
  });
  if (!staff || staff.disabledAt) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (!roles.includes(staff.role)) {
    throw new AppError("FORBIDDEN", "Your role does not give access to this page");
  }
  return {
    id: staff.id,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    organizationId: staff.organizationId,
    organizationName: staff.organization.name,
  };
}
