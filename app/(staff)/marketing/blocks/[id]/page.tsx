import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockEditor } from "@/components/marketing/block-editor";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { loadEditableBlock } from "@/lib/content/blocks/console-queries";
import { getDb } from "@/lib/db/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { isRouteId } from "@/lib/validation/parse-input";
import { loadEditorOptions } from "../editor-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.block };
}
export const dynamic = "force-dynamic";

export default async function EditBlockPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, `/marketing/blocks/${id}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const db = await getDb();
  const { organizationId, locale } = access.staff;
  const t = marketingMessages[locale];
  const [block, options] = await Promise.all([
    loadEditableBlock(db, { organizationId, blockId: id }),
    loadEditorOptions(db, organizationId),
  ]);
  if (!block) notFound();
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          {t.crumbs.marketing}
        </Link>{" "}
        ·{" "}
        <Link href={`/marketing/blocks/${id}/analytics`} className="text-blue-800 underline">
          {t.crumbs.analytics}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{block.input.name}</h1>
      {block.ruleProblem ? (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
        >
          {t.ruleProblem}
          {block.ruleProblem}
        </p>
      ) : null}
      <BlockEditor
        block={{ id: block.id, status: block.status, input: block.input }}
        kind={block.input.kind}
        plans={options.plans}
        suggestions={options.suggestions}
        locale={locale}
      />
    </StaffShell>
  );
}
