import Link from "next/link";
import type { Locale } from "@/lib/db/generated/client";
import { agentSearchMessages } from "@/lib/i18n/staff/agent/search";
import { type InvoiceSearchParams, invoiceSearchQuery } from "@/lib/invoices/invoice-search-params";

const linkClass =
  "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700";
const disabledClass = "rounded border border-slate-200 px-3 py-1 text-slate-400";

/** Page links that keep the rest of the search (filters, order, page size) in the URL. */
export function InvoicePagination(props: {
  params: InvoiceSearchParams;
  page: number;
  pageCount: number;
  total: number;
  locale: Locale;
}) {
  const { params, page, pageCount } = props;
  const t = agentSearchMessages[props.locale].pages;
  const links = [
    { label: t.first, target: 1, enabled: page > 1 },
    { label: t.previous, target: page - 1, enabled: page > 1 },
    { label: t.next, target: page + 1, enabled: page < pageCount },
    { label: t.last, target: pageCount, enabled: page < pageCount },
  ];
  return (
    <nav aria-label={t.label} className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <p className="mr-auto text-slate-700" data-testid="invoice-search-summary">
        {t.summary(props.total, page, pageCount)}
      </p>
      {links.map((link) =>
        link.enabled ? (
          <Link
            key={link.label}
            href={`/agent/invoices${invoiceSearchQuery(params, { page: link.target })}`}
            className={linkClass}
          >
            {link.label}
          </Link>
        ) : (
          <span key={link.label} aria-disabled="true" className={disabledClass}>
            {link.label}
          </span>
        ),
      )}
    </nav>
  );
}
