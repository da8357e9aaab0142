import type { Metadata } from "next";
import Link from "next/link";
import { MarketingReceivables } from "@/components/receivables/marketing-receivables";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";
import { loadReceivablesDashboard } from "@/lib/receivables/dashboard";
import { marketingView } from "@/lib/receivables/marketing-view";
import { readReceivablesSearch } from "@/lib/receivables/receivables-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: marketingMessages[await staffLocaleForMetadata()].titles.receivables };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The marketers' part of the receivables dashboard: support load, churn, experiments. */
export default async function MarketingReceivablesPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const access = await requireStaffPage(CONSOLE_ROLES.marketing, "/marketing/receivables");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const t = marketingMessages[access.staff.locale];
  const today = todayInSweden();
  const { filter, problem } = readReceivablesSearch(await searchParams, today);
  const dashboard = await loadReceivablesDashboard(await getDb(), {
    organizationId: access.staff.organizationId,
    filter,
    today,
  });
  return (
    <StaffShell staff={access.staff} className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <p className="text-sm">
        <Link href="/marketing" className="text-blue-800 underline">
          {t.crumbs.marketing}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t.titles.receivables}</h1>
      <MarketingReceivables
        view={marketingView(dashboard)}
        action="/marketing/receivables"
        problem={problem}
        locale={access.staff.locale}
      />
    </StaffShell>
  );
}
