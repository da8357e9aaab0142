import type { Metadata } from "next";
import Link from "next/link";
import { CannedRepliesEditor } from "@/components/agent/canned-replies-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listCannedReplies } from "@/lib/chat/canned-replies";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.agent, "/agent/canned-replies");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const replies = await listCannedReplies(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff} className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/agent" className="text-blue-800 underline">
          Inbox
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Canned replies</h1>
      <p className="mt-1 mb-4 text-slate-700">
        Ready answers every agent of {access.staff.organizationName} can insert into a chat.
      </p>
      <CannedRepliesEditor replies={replies} />
    </StaffShell>
  );
}
