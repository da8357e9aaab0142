import Form from "next/form";
import Link from "next/link";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { agentSearchMessages } from "@/lib/i18n/staff/agent/search";
import { agentStatusMessages, statusName } from "@/lib/i18n/staff/agent/statuses";
import {
  amountParamText,
  CUSTOMER_QUERY_MAX_LENGTH,
  INVOICE_SEARCH_PAGE_SIZES,
  INVOICE_STATUSES,
  type InvoiceSearchParams,
} from "@/lib/invoices/invoice-search-params";

const input = "mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1";

/**
 * The search's filters as a GET form: submitting puts them in the URL (next/form navigates
 * without a full reload, and without JavaScript it is a plain GET), so every search can be
 * reloaded, bookmarked and shared. Sort and rows per page are kept; the page starts over at 1.
 * Render it with key={the current query}, so its fields follow back/forward navigation.
 */
export function InvoiceFilters({
  params,
  locale,
}: {
  params: InvoiceSearchParams;
  locale: Locale;
}) {
  const t = agentSearchMessages[locale].filters;
  const statuses = agentStatusMessages[locale].invoice;
  return (
    <Form
      action="/agent/invoices"
      aria-label={t.label}
      className="mt-4 grid gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <div className="sm:col-span-2">
        <label htmlFor="filter-customer" className="block font-medium">
          {t.customer}
        </label>
        <input
          id="filter-customer"
          name="customer"
          type="search"
          maxLength={CUSTOMER_QUERY_MAX_LENGTH}
          defaultValue={params.customer ?? ""}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="filter-issued-from" className="block font-medium">
          {t.issuedFrom}
        </label>
        <input
          id="filter-issued-from"
          name="issuedFrom"
          type="date"
          defaultValue={params.issuedFrom ? formatCalendarDate(params.issuedFrom) : ""}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="filter-issued-to" className="block font-medium">
          {t.issuedTo}
        </label>
        <input
          id="filter-issued-to"
          name="issuedTo"
          type="date"
          defaultValue={params.issuedTo ? formatCalendarDate(params.issuedTo) : ""}
          className={input}
        />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="font-medium">{t.status}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {INVOICE_STATUSES.map((status) => (
            <label key={status} className="inline-flex items-center gap-1">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={params.statuses.includes(status)}
              />
              {statusName(statuses, status)}
            </label>
          ))}
          <label className="inline-flex items-center gap-1">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdueOnly} />
            {t.overdue}
          </label>
        </div>
      </fieldset>
      <div>
        <label htmlFor="filter-min-amount" className="block font-medium">
          {t.minAmount}
        </label>
        <input
          id="filter-min-amount"
          name="minAmount"
          inputMode="decimal"
          defaultValue={params.minOre === undefined ? "" : amountParamText(params.minOre)}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="filter-max-amount" className="block font-medium">
          {t.maxAmount}
        </label>
        <input
          id="filter-max-amount"
          name="maxAmount"
          inputMode="decimal"
          defaultValue={params.maxOre === undefined ? "" : amountParamText(params.maxOre)}
          className={input}
        />
      </div>
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4">
        <label className="inline-flex items-center gap-2">
          {t.pageSize}
          <select
            name="pageSize"
            defaultValue={String(params.pageSize)}
            className="rounded border border-slate-400 bg-white px-2 py-1"
          >
            {INVOICE_SEARCH_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800"
        >
          {t.search}
        </button>
        <Link href="/agent/invoices" className="text-blue-800 underline underline-offset-2">
          {t.clear}
        </Link>
      </div>
    </Form>
  );
}
