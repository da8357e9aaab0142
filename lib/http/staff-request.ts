import { requireStaff, type StaffContext } from "@/lib/auth/require-staff";
import type { StaffRole } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { assertSameOrigin } from "./same-origin";

/** The start of every state-changing staff API route: same-site request, signed in, right role. */
export async function requireStaffRequest(
  request: Request,
  roles: readonly StaffRole[],
): Promise<StaffContext> {
  assertSameOrigin(request, getEnv().appUrl);
  return requireStaff(roles);
}
