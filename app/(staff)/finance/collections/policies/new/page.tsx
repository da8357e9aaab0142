import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { PolicyEditor } from "@/components/finance/collections/policy-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { policyRuleSuggestions } from "../editor-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].policy.newTitle };
}
export const dynamic = "force-dynamic";

export default async function NewPolicyPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/policies/new");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const suggestions = await policyRuleSuggestions(await getDb(), staff.organizationId);
  return (
    <StaffShell staff={staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <CollectionsNav current={null} locale={staff.locale} />
      <h1 className="text-2xl font-bold">{tc.policy.newTitle}</h1>
      <p className="max-w-3xl text-slate-700">{tc.policy.newIntro}</p>
      <PolicyEditor suggestions={suggestions} locale={staff.locale} />
    </StaffShell>
  );
}
