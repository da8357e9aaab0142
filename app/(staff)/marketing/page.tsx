import type { Metadata } from "next";
import Link from "next/link";
import { KIND_LABELS } from "@/components/marketing/block-labels";
import { BlocksTable } from "@/components/marketing/blocks-table";
import { ContentSettingsForm } from "@/components/marketing/content-settings-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { BLOCK_KINDS } from "@/lib/content/blocks/block-input";
import { listConsoleBlocks } from "@/lib/content/blocks/console-queries";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Marketing" };
export const dynamic = "force-dynamic";

/** The marketers' console: the organisation's content blocks and its content settings. */
export default async function MarketingPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, "/marketing");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { organizationId } = access.staff;
  const db = await getDb();
  const [blocks, organization] = await Promise.all([
    listConsoleBlocks(db, organizationId),
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { maxContentBlocksPerInvoice: true },
    }),
  ]);
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">Marketing</h1>
        <p className="mt-1 text-slate-700">
          Content blocks on {access.staff.organizationName}'s invoice pages: who sees what, and how
          it went.
        </p>
        <p className="mt-1 text-sm">
          <Link href="/marketing/receivables" className="text-blue-800 underline">
            Reminders and customers
          </Link>
          : support load, churn after reminders and the collection experiments.
        </p>
      </div>
      <nav aria-label="New content block" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">New:</span>
        {BLOCK_KINDS.map((kind) => (
          <Link
            key={kind}
            href={`/marketing/blocks/new?kind=${kind}`}
            className="rounded border border-slate-400 bg-white px-2 py-1 hover:bg-slate-50"
          >
            {KIND_LABELS[kind]}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="blocks-heading" className="flex flex-col gap-2">
        <h2 id="blocks-heading" className="text-lg font-semibold">
          Content blocks
        </h2>
        <BlocksTable blocks={blocks} />
      </section>
      <section
        aria-labelledby="settings-heading"
        className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="settings-heading" className="text-lg font-semibold">
          Settings
        </h2>
        <p className="text-sm text-slate-700">
          Blocks fill the page's slots by priority until this many are shown; legal and payment
          details are never blocks and always shown.
        </p>
        <ContentSettingsForm maxContentBlocksPerInvoice={organization.maxContentBlocksPerInvoice} />
      </section>
    </StaffShell>
  );
}
