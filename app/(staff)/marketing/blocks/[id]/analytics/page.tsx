import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalyticsChart } from "@/components/marketing/analytics-chart";
import { AnalyticsVariantTable } from "@/components/marketing/analytics-variant-table";
import { KIND_LABELS } from "@/components/marketing/block-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { loadBlockAnalytics } from "@/lib/content/analytics/analytics";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { isRouteId } from "@/lib/validation/parse-input";

export const metadata: Metadata = { title: "Content analytics" };
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
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          Marketing
        </Link>{" "}
        ·{" "}
        <Link href={`/marketing/blocks/${id}`} className="text-blue-800 underline">
          Edit block
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">Analytics: {block.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {KIND_LABELS[block.kind]} · {block.status.toLowerCase()}. Outcomes are counted among the
          invoices that showed each variant; customers get a variant at random, so the variants can
          be compared with each other.
        </p>
      </div>
      <AnalyticsVariantTable analytics={analytics} />
      <p>
        <a
          href={`/api/marketing/blocks/${id}/analytics.csv`}
          className="text-blue-800 underline"
          download
        >
          Download as CSV
        </a>
      </p>
      <section
        aria-labelledby="over-time-heading"
        className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm"
      >
        <h2 id="over-time-heading" className="text-lg font-semibold">
          Over time
        </h2>
        <AnalyticsChart
          daily={analytics.daily}
          variantKeys={analytics.variants.map((variant) => variant.key)}
        />
      </section>
    </StaffShell>
  );
}
