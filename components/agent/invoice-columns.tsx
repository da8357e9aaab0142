"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { agentSearchMessages } from "@/lib/i18n/staff/agent/search";
import { agentStatusMessages, statusName } from "@/lib/i18n/staff/agent/statuses";
import type { InvoiceSearchRow, InvoiceSearchSort } from "@/lib/invoices/invoice-search";
import { formatStaffMoney } from "@/lib/money/staff-money";

const column = createDataTableColumnHelper<InvoiceSearchRow>();

const date = (value: Date | null) => (value ? formatCalendarDate(value) : "—");

/** Column ids are the search's sort names, so a header click maps straight onto the URL. */
export function invoiceColumns(locale: Locale) {
  const t = agentSearchMessages[locale].columns;
  const statuses = agentStatusMessages[locale].invoice;
  return column.columns([
    column.accessor("number", {
      id: "number" satisfies InvoiceSearchSort,
      header: t.number,
      cell: (info) => (
        <>
          <Link
            href={`/agent/invoices/${info.row.original.id}`}
            className="text-blue-800 underline underline-offset-2"
          >
            {info.getValue() ?? t.draft}
          </Link>
          {info.row.original.kind === "CREDIT_NOTE" ? t.creditNote : ""}
        </>
      ),
    }),
    column.accessor("customerName", {
      id: "customer" satisfies InvoiceSearchSort,
      header: t.customer,
      cell: (info) => (
        <>
          {info.getValue()}{" "}
          <span className="text-slate-600">({info.row.original.customerNumber})</span>
        </>
      ),
    }),
    column.accessor("issueDate", {
      id: "issueDate" satisfies InvoiceSearchSort,
      header: t.issued,
      cell: (info) => date(info.getValue()),
    }),
    column.accessor("dueDate", {
      id: "dueDate" satisfies InvoiceSearchSort,
      header: t.due,
      cell: (info) => date(info.getValue()),
    }),
    column.accessor("status", {
      id: "status" satisfies InvoiceSearchSort,
      header: t.status,
      cell: (info) => statusName(statuses, info.getValue()),
    }),
    column.accessor("totalOre", {
      id: "totalOre" satisfies InvoiceSearchSort,
      header: t.total,
      meta: { align: "end" },
      cell: (info) => formatStaffMoney(info.getValue()),
    }),
  ]);
}

/**
 * The search's results. A header click puts the new order into the URL (first page, the filters
 * kept), so the server renders the page again in that order and the order survives a reload.
 */
export function InvoiceResultsTable(props: {
  rows: InvoiceSearchRow[];
  sort: InvoiceSearchSort;
  dir: "asc" | "desc";
  /** The current search as a URL query ("?…" or ""), as the server understood it. */
  query: string;
  locale: Locale;
}) {
  const t = agentSearchMessages[props.locale].columns;
  const columns = useMemo(() => invoiceColumns(props.locale), [props.locale]);
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const sorting = useMemo(
    () => [{ id: props.sort, desc: props.dir === "desc" }],
    [props.sort, props.dir],
  );

  return (
    <DataTable
      columns={columns}
      data={props.rows}
      caption={t.caption}
      getRowId={(row) => row.id}
      sorting={sorting}
      onSortingChange={(next) => {
        const wanted = next[0];
        if (!wanted) return;
        const search = new URLSearchParams(props.query);
        search.set("sort", wanted.id);
        search.set("dir", wanted.desc ? "desc" : "asc");
        search.delete("page");
        startTransition(() => router.push(`/agent/invoices?${search}`));
      }}
      emptyMessage={t.empty}
      isBusy={isPending}
    />
  );
}
