import { InvoiceResultsTable } from "@/components/agent/invoice-columns";
import { InvoiceFilters } from "@/components/agent/invoice-filters";
import { InvoicePagination } from "@/components/agent/invoice-pagination";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getDb } from "@/lib/db/client";
import { agentSearchMessages } from "@/lib/i18n/staff/agent/search";
import {
  invoiceSearchQuery,
  parseInvoiceSearch,
  searchInvoices,
} from "@/lib/invoices/invoice-search";

export async function generateMetadata() {
  return { title: agentSearchMessages[await staffLocaleForMetadata()].title };
}

/** The agent's invoice search: every filter, the order and the page live in the URL. */
export default async function AgentInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { params, problems } = parseInvoiceSearch(await searchParams);
  // Signed out, the agent comes back to this very search after signing in.
  const access = await requireStaffPage(
    CONSOLE_ROLES.agent,
    `/agent/invoices${invoiceSearchQuery(params)}`,
  );
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { locale } = access.staff;
  const t = agentSearchMessages[locale];
  const result = await searchInvoices(await getDb(), access.staff.organizationId, params);
  const shown = { ...params, page: result.page };
  const query = invoiceSearchQuery(shown);

  return (
    <StaffShell staff={access.staff} className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 text-slate-700">{t.intro(access.staff.organizationName)}</p>
      {problems.length > 0 ? (
        <div
          role="alert"
          className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900"
          data-testid="invoice-search-problems"
        >
          <p>{t.problems}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem.param}>
                <code>{problem.param}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <InvoiceFilters key={query} params={shown} locale={locale} />
      <InvoiceResultsTable
        rows={result.rows}
        sort={params.sort}
        dir={params.dir}
        query={query}
        locale={locale}
      />
      <InvoicePagination
        params={shown}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        locale={locale}
      />
    </StaffShell>
  );
}
