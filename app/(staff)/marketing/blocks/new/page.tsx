import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockEditor } from "@/components/marketing/block-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { BLOCK_KINDS } from "@/lib/content/blocks/block-input";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { getDb } from "@/lib/db/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { loadEditorOptions } from "../editor-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.newBlock };
}
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
  const { locale } = access.staff;
  const t = marketingMessages[locale];
  const options = await loadEditorOptions(await getDb(), access.staff.organizationId);
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          {t.crumbs.marketing}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t.newBlock(blockEditorMessages[locale].kinds[chosen])}
      </h1>
      <BlockEditor
        kind={chosen}
        plans={options.plans}
        suggestions={options.suggestions}
        locale={locale}
      />
    </StaffShell>
  );
}
