import Link from "next/link";
import { CannedRepliesEditor } from "@/components/agent/canned-replies-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { listCannedReplies } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";
import { agentInboxMessages } from "@/lib/i18n/staff/agent/inbox";

export async function generateMetadata() {
  return { title: agentInboxMessages[await staffLocaleForMetadata()].canned.title };
}

export default async function CannedRepliesPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.agent, "/agent/canned-replies");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const t = agentInboxMessages[access.staff.locale].canned;
  const replies = await listCannedReplies(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff} className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/agent" className="text-blue-800 underline">
          {t.inbox}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.title}</h1>
      <p className="mt-1 mb-4 text-slate-700">{t.intro(access.staff.organizationName)}</p>
      <CannedRepliesEditor replies={replies} locale={access.staff.locale} />
    </StaffShell>
  );
}
