import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyForm } from "@/components/admin/api-key-form";
import { ApiKeysTable } from "@/components/admin/api-keys-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { listApiKeys } from "@/lib/api/api-keys";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/lib/api/scopes";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.apiKeys };
}
export const dynamic = "force-dynamic";

/** The keys a billing system uses to reach the organisation through API v1. */
export default async function ApiKeysPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/api-keys");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = adminMessages[staff.locale];
  const keys = await listApiKeys(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          {t.crumb}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.apiKeys.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {t.apiKeys.introBefore(staff.organizationName)}{" "}
        <Link href="/api/docs" className="text-blue-800 underline">
          {t.apiKeys.introLink}
        </Link>{" "}
        {t.apiKeys.introMiddle} <code>Authorization: Bearer …</code>
        {t.apiKeys.introAfter}
      </p>
      <ApiKeyForm
        scopes={API_SCOPES.map((scope) => ({
          value: scope,
          description: API_SCOPE_DESCRIPTIONS[scope],
        }))}
        locale={staff.locale}
      />
      <h2 className="mt-8 text-lg font-semibold">{t.apiKeys.keys}</h2>
      <ApiKeysTable keys={keys} locale={staff.locale} />
    </StaffShell>
  );
}
