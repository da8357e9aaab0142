import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyForm } from "@/components/admin/api-key-form";
import { ApiKeysTable } from "@/components/admin/api-keys-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { listApiKeys } from "@/lib/api/api-keys";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/lib/api/scopes";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

/** The keys a billing system uses to reach the organisation through API v1. */
export default async function ApiKeysPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/api-keys");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const keys = await listApiKeys(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          Admin
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">API keys</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        A billing system or ERP reaches {staff.organizationName} through the{" "}
        <Link href="/api/docs" className="text-blue-800 underline">
          integration API
        </Link>{" "}
        with one of these keys, sent as <code>Authorization: Bearer …</code>. A key sees only this
        organisation and may do only what its scopes allow. It is shown once, when it is created;
        Nota keeps only a hash of it.
      </p>
      <ApiKeyForm
        scopes={API_SCOPES.map((scope) => ({
          value: scope,
          description: API_SCOPE_DESCRIPTIONS[scope],
        }))}
      />
      <h2 className="mt-8 text-lg font-semibold">Keys</h2>
      <ApiKeysTable keys={keys} />
    </StaffShell>
  );
}
