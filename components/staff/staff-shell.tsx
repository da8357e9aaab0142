import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffContext } from "@/lib/auth/require-staff";
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
  return (
    <>
      <StaffHeader staff={staff} />
      {bare ? children : <main className={className}>{children}</main>}
    </>
  );
}

/** What a signed-in staff member sees on a console their role does not open. */
export function Forbidden({ staff }: { staff: StaffContext }) {
  return (
    <StaffShell staff={staff} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold" data-testid="forbidden">
        Not available for your role
      </h1>
      <p className="mt-4 text-slate-700">
        Your account ({staff.role.toLowerCase()}) does not give access to this console.{" "}
        <Link href="/signin" className="underline">
          Go to your console
        </Link>
        .
      </p>
    </StaffShell>
  );
}
