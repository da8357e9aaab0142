import type { Metadata } from "next";
import Link from "next/link";
import { BlocksTable } from "@/components/marketing/blocks-table";
import { ContentSettingsForm } from "@/components/marketing/content-settings-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { BLOCK_KINDS } from "@/lib/content/blocks/block-input";
import { listConsoleBlocks } from "@/lib/content/blocks/console-queries";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { getDb } from "@/lib/db/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.marketing };
}
export const dynamic = "force-dynamic";

/** The marketers' console: the organisation's content blocks and its content settings. */
export default async function MarketingPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, "/marketing");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { organizationId, locale } = access.staff;
  const t = marketingMessages[locale];
  const kinds = blockEditorMessages[locale].kinds;
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
        <h1 className="text-2xl font-bold">{t.home.heading}</h1>
        <p className="mt-1 text-slate-700">{t.home.intro(access.staff.organizationName)}</p>
        <p className="mt-1 text-sm">
          <Link href="/marketing/receivables" className="text-blue-800 underline">
            {t.home.receivables}
          </Link>
          {t.home.receivablesAfter}
        </p>
      </div>
      <nav aria-label={t.home.newNav} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">{t.home.newLabel}</span>
        {BLOCK_KINDS.map((kind) => (
          <Link
            key={kind}
            href={`/marketing/blocks/new?kind=${kind}`}
            className="rounded border border-slate-400 bg-white px-2 py-1 hover:bg-slate-50"
          >
            {kinds[kind]}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="blocks-heading" className="flex flex-col gap-2">
        <h2 id="blocks-heading" className="text-lg font-semibold">
          {t.home.blocks}
        </h2>
        <BlocksTable blocks={blocks} locale={locale} />
      </section>
      <section
        aria-labelledby="settings-heading"
        className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="settings-heading" className="text-lg font-semibold">
          {t.home.settings}
        </h2>
        <p className="text-sm text-slate-700">{t.home.settingsHelp}</p>
        <ContentSettingsForm
          maxContentBlocksPerInvoice={organization.maxContentBlocksPerInvoice}
          locale={locale}
        />
      </section>
    </StaffShell>
  );
}
