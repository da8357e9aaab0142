import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationSettingsForm } from "@/components/admin/organization-settings-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { readOrganizationSettings } from "@/lib/organizations/organization-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.organization };
}
export const dynamic = "force-dynamic";

/** What every invoice says about the seller, and the terms it is issued on. */
export default async function OrganizationPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/organization");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { locale } = access.staff;
  const t = adminMessages[locale];
  const settings = await readOrganizationSettings(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          {t.crumb}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.organization.heading}</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">{t.organization.intro}</p>
      <OrganizationSettingsForm initial={settings} locale={locale} />
    </StaffShell>
  );
}
