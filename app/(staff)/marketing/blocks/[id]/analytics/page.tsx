import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalyticsChart } from "@/components/marketing/analytics-chart";
import { AnalyticsVariantTable } from "@/components/marketing/analytics-variant-table";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { loadBlockAnalytics } from "@/lib/content/analytics/analytics";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { isRouteId } from "@/lib/validation/parse-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.analytics };
}
export const dynamic = "force-dynamic";

export default async function BlockAnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requireStaffPage(
    CONSOLE_ROLES.marketing,
    `/marketing/blocks/${id}/analytics`,
  );
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const analytics = await loadBlockAnalytics(await getDb(), {
    organizationId: access.staff.organizationId,
    blockId: id,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { block } = analytics;
  const { locale } = access.staff;
  const t = marketingMessages[locale];
  const words = blockEditorMessages[locale];
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          {t.crumbs.marketing}
        </Link>{" "}
        ·{" "}
        <Link href={`/marketing/blocks/${id}`} className="text-blue-800 underline">
          {t.crumbs.editBlock}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t.analytics.heading(block.name)}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t.analytics.about(words.kinds[block.kind], words.statuses[block.status])}
        </p>
      </div>
      <AnalyticsVariantTable analytics={analytics} locale={locale} />
      <p>
        <a
          href={`/api/marketing/blocks/${id}/analytics.csv`}
          className="text-blue-800 underline"
          download
        >
          {t.analytics.csv}
        </a>
      </p>
      <section
        aria-labelledby="over-time-heading"
        className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="over-time-heading" className="text-lg font-semibold">
          {t.analytics.overTime}
        </h2>
        <AnalyticsChart
          daily={analytics.daily}
          variantKeys={analytics.variants.map((variant) => variant.key)}
          locale={locale}
        />
      </section>
    </StaffShell>
  );
}
