import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { PolicyEditor } from "@/components/finance/collections/policy-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { policyRuleSuggestions } from "../editor-options";

export const metadata: Metadata = { title: "New collection policy" };
export const dynamic = "force-dynamic";

export default async function NewPolicyPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/policies/new");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const suggestions = await policyRuleSuggestions(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <CollectionsNav current={null} />
      <h1 className="text-2xl font-bold">New collection policy</h1>
      <p className="max-w-3xl text-slate-700">
        A new policy is tried after the existing ones and before the default; move it in the list
        afterwards.
      </p>
      <PolicyEditor suggestions={suggestions} />
    </StaffShell>
  );
}
