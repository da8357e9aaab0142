import type { Metadata } from "next";
import Link from "next/link";
import { kronor } from "@/components/finance/finance-labels";
import { FinanceReceivables } from "@/components/receivables/finance-receivables";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { financeOverview } from "@/lib/bank-files/bank-file-console";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";
import { loadReceivablesDashboard } from "@/lib/receivables/dashboard";
import { readReceivablesSearch } from "@/lib/receivables/receivables-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: financeBankMessages[await staffLocaleForMetadata()].overview.title };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The credit controller's console: what waits (the bank's payment files, the payments nobody
 * placed yet) on top, and below it the receivables dashboard, its filters in the URL.
 */
export default async function FinancePage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = financeBankMessages[staff.locale].overview;
  const today = todayInSweden();
  const { filter, problem } = readReceivablesSearch(await searchParams, today);
  const db = await getDb();
  const [overview, dashboard] = await Promise.all([
    financeOverview(db, staff.organizationId),
    loadReceivablesDashboard(db, { organizationId: staff.organizationId, filter, today }),
  ]);
  const figures = [
    { key: "files-waiting", label: t.filesWaiting, value: String(overview.filesWaiting) },
    {
      key: "files-refused",
      label: t.filesRefused,
      value: String(overview.filesRefusedLast30Days),
    },
    {
      key: "files-imported",
      label: t.filesImported,
      value: String(overview.filesImportedLast30Days),
    },
    {
      key: "unmatched",
      label: t.unmatchedWaiting,
      value: `${overview.unmatchedCount} · ${kronor(overview.unmatchedOre)}`,
    },
    {
      key: "repayments",
      label: t.repaymentsWaiting,
      value: `${overview.repaymentsCount} · ${kronor(overview.repaymentsOre)}`,
    },
  ];
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t.intro(staff.organizationName)}</p>
      <nav aria-label={t.nav} className="mt-3 flex gap-4 text-sm">
        <Link href="/finance/bank-files" className="text-blue-800 underline">
          {t.bankFiles}
        </Link>
        <Link href="/finance/unmatched" className="text-blue-800 underline">
          {t.unmatched}
        </Link>
        <Link href="/finance/repayments" className="text-blue-800 underline">
          {t.repayments}
        </Link>
        <Link href="/finance/collections" className="text-blue-800 underline">
          {t.collections}
        </Link>
      </nav>
      <h2 className="mt-6 text-lg font-semibold">{t.atAGlance}</h2>
      <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd
              className="text-xl font-semibold tabular-nums"
              data-testid={`finance-${figure.key}`}
            >
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
      <FinanceReceivables
        dashboard={dashboard}
        action="/finance"
        problem={problem}
        locale={staff.locale}
      />
    </StaffShell>
  );
}
