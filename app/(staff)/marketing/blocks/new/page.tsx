import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockEditor } from "@/components/marketing/block-editor";
import { KIND_LABELS } from "@/components/marketing/block-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { BLOCK_KINDS } from "@/lib/content/blocks/block-input";
import { getDb } from "@/lib/db/client";
import { loadEditorOptions } from "../editor-data";

export const metadata: Metadata = { title: "New content block" };
export const dynamic = "force-dynamic";

export default async function NewBlockPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string | string[] }>;
}) {
  const { kind } = await searchParams;
  const access = await requireStaffPage(
    CONSOLE_ROLES.marketing,
    `/marketing/blocks/new?kind=${kind ?? ""}`,
  );
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const chosen = BLOCK_KINDS.find((candidate) => candidate === kind);
  if (!chosen) notFound();
  const options = await loadEditorOptions(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          Marketing
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New {KIND_LABELS[chosen].toLowerCase()} block</h1>
      <BlockEditor kind={chosen} plans={options.plans} suggestions={options.suggestions} />
    </StaffShell>
  );
}
