import Link from "next/link";
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
}) {
  const { params, page, pageCount } = props;
  const links = [
    { label: "First", target: 1, enabled: page > 1 },
    { label: "Previous", target: page - 1, enabled: page > 1 },
    { label: "Next", target: page + 1, enabled: page < pageCount },
    { label: "Last", target: pageCount, enabled: page < pageCount },
  ];
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <p className="mr-auto text-slate-700" data-testid="invoice-search-summary">
        {props.total.toLocaleString("en")} {props.total === 1 ? "invoice" : "invoices"} · page{" "}
        {page} of {pageCount}
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
