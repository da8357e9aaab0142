import Link from "next/link";
import type { StaffContext } from "@/lib/auth/require-staff";
import { shellMessages } from "@/lib/i18n/staff/shell";
import { LanguageSetting } from "./language-setting";
import { SignOutButton } from "./sign-out-button";

const LINKS = [
  { href: "/agent", key: "support", roles: ["AGENT", "ADMIN"] },
  { href: "/agent/invoices", key: "invoices", roles: ["AGENT", "ADMIN"] },
  { href: "/marketing", key: "marketing", roles: ["MARKETER", "ADMIN"] },
  { href: "/finance", key: "finance", roles: ["FINANCE", "ADMIN"] },
  { href: "/admin", key: "admin", roles: ["ADMIN"] },
] as const;

export function StaffHeader({ staff }: { staff: StaffContext }) {
  const t = shellMessages[staff.locale];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <span className="font-bold">{t.product}</span>
        <nav aria-label={t.consoles} className="flex gap-3">
          {LINKS.filter((link) => (link.roles as readonly string[]).includes(staff.role)).map(
            (link) => (
              <Link
                key={link.href}
                href={link.href}
                className="text-blue-800 underline-offset-2 hover:underline"
              >
                {t.links[link.key]}
              </Link>
            ),
          )}
        </nav>
        <span className="ml-auto text-sm text-slate-700" data-testid="signed-in-as">
          {staff.name} · {t.roles[staff.role]} · {staff.organizationName}
        </span>
        <LanguageSetting
          locale={staff.locale}
          ownLocale={staff.ownLocale}
          organizationLocale={staff.organizationLocale}
        />
        <SignOutButton label={t.signOut} />
      </div>
    </header>
  );
}
