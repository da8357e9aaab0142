import { redirect } from "next/navigation";
import { ALL_STAFF_ROLES } from "@/lib/auth/console-roles";
import { requireStaff, type StaffContext } from "@/lib/auth/require-staff";
import type { Locale, StaffRole } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";

/**
 * For staff pages: signed-out → the sign-in page; signed in with another role → the page shows
 * "not for your role" (with the header, so the user can go to their console or sign out).
 */
export async function requireStaffPage(
  roles: readonly StaffRole[],
  path: string,
): Promise<{ staff: StaffContext; forbidden: boolean }> {
  try {
    const staff = await requireStaff(ALL_STAFF_ROLES);
    return { staff, forbidden: !roles.includes(staff.role) };
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    throw error;
  }
}

/**
 * The signed-in staff member's console language, for what is decided outside the page body (the
 * page's title in generateMetadata); English when nobody is signed in (the page then redirects).
 */
export async function staffLocaleForMetadata(): Promise<Locale> {
  try {
    return (await requireStaff(ALL_STAFF_ROLES)).locale;
  } catch {
    return "en";
  }
}
