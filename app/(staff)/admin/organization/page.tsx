import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationSettingsForm } from "@/components/admin/organization-settings-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { readOrganizationSettings } from "@/lib/organizations/organization-settings";

export const metadata: Metadata = { title: "Organisation" };
export const dynamic = "force-dynamic";

/** What every invoice says about the seller, and the terms it is issued on. */
export default async function OrganizationPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/organization");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const settings = await readOrganizationSettings(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          Admin
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Organisation</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">
        These details are printed on every invoice. A change applies to invoices issued after it: an
        issued invoice keeps what it was issued with.
      </p>
      <OrganizationSettingsForm initial={settings} />
    </StaffShell>
  );
}
