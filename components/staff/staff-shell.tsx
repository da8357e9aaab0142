import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffContext } from "@/lib/auth/require-staff";
import { shellMessages } from "@/lib/i18n/staff/shell";
import { StaffHeader } from "./staff-header";

/**
 * Every staff page's frame: the header (consoles for the role, who is signed in, sign out) and the
 * page's main region. `bare` leaves the layout below the header to the page (the workspace).
 */
export function StaffShell({
  staff,
  className = "mx-auto max-w-6xl px-4 py-8",
  bare = false,
  children,
}: {
  staff: StaffContext;
  className?: string;
  bare?: boolean;
  children: ReactNode;
}) {
  // The consoles speak the staff member's language (the page's own <html lang> is the site's).
  return (
    <div lang={staff.locale}>
      <StaffHeader staff={staff} />
      {bare ? children : <main className={className}>{children}</main>}
    </div>
  );
}

/** What a signed-in staff member sees on a console their role does not open. */
export function Forbidden({ staff }: { staff: StaffContext }) {
  const t = shellMessages[staff.locale];
  return (
    <StaffShell staff={staff} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold" data-testid="forbidden">
        {t.forbidden.title}
      </h1>
      <p className="mt-4 text-slate-700">
        {t.forbidden.body(t.roles[staff.role])}{" "}
        <Link href="/signin" className="underline">
          {t.forbidden.goTo}
        </Link>
        .
      </p>
    </StaffShell>
  );
}
