import Link from "next/link";
import type { StaffContext } from "@/lib/auth/require-staff";
import { SignOutButton } from "./sign-out-button";

const LINKS = [
  { href: "/agent", label: "Support", roles: ["AGENT", "ADMIN"] },
  { href: "/agent/invoices", label: "Invoices", roles: ["AGENT", "ADMIN"] },
  { href: "/marketing", label: "Marketing", roles: ["MARKETER", "ADMIN"] },
  { href: "/finance", label: "Finance", roles: ["FINANCE", "ADMIN"] },
  { href: "/admin", label: "Admin", roles: ["ADMIN"] },
] as const;

export function StaffHeader({ staff }: { staff: StaffContext }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <span className="font-bold">Nota</span>
        <nav aria-label="Consoles" className="flex gap-3">
          {LINKS.filter((link) => (link.roles as readonly string[]).includes(staff.role)).map(
            (link) => (
              <Link
                key={link.href}
                href={link.href}
                className="text-blue-800 underline-offset-2 hover:underline"
              >
                {link.label}
              </Link>
            ),
          )}
        </nav>
        <span className="ml-auto text-sm text-slate-700" data-testid="signed-in-as">
          {staff.name} · {staff.role.toLowerCase()} · {staff.organizationName}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
