import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { PolicyEditor } from "@/components/finance/collections/policy-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { loadEditablePolicy } from "@/lib/collections/policy-admin";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { isRouteId } from "@/lib/validation/parse-input";
import { policyRuleSuggestions } from "../editor-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].policy.title };
}
export const dynamic = "force-dynamic";

export default async function EditPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requireStaffPage(
    CONSOLE_ROLES.finance,
    `/finance/collections/policies/${id}`,
  );
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const db = await getDb();
  const [policy, suggestions] = await Promise.all([
    loadEditablePolicy(db, staff.organizationId, id),
    policyRuleSuggestions(db, staff.organizationId),
  ]);
  if (!policy) notFound();
  return (
    <StaffShell staff={staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <CollectionsNav current={null} locale={staff.locale} />
      <h1 className="text-2xl font-bold">
        {policy.input.name}
        {policy.isDefault ? (
          <span className="ml-2 align-middle text-sm font-normal text-slate-600">
            {tc.policy.default}
          </span>
        ) : null}
      </h1>
      <PolicyEditor policy={policy} suggestions={suggestions} locale={staff.locale} />
    </StaffShell>
  );
}
