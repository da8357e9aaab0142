"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { InvoiceSearchRow, InvoiceSearchSort } from "@/lib/invoices/invoice-search";
import { formatStaffMoney } from "@/lib/money/staff-money";

const column = createDataTableColumnHelper<InvoiceSearchRow>();

const date = (value: Date | null) => (value ? formatCalendarDate(value) : "—");

/** Column ids are the search's sort names, so a header click maps straight onto the URL. */
export const invoiceColumns = column.columns([
  column.accessor("number", {
    id: "number" satisfies InvoiceSearchSort,
    header: "Number",
    cell: (info) => (
      <>
        <Link
          href={`/agent/invoices/${info.row.original.id}`}
          className="text-blue-800 underline underline-offset-2"
        >
          {info.getValue() ?? "Draft"}
        </Link>
        {info.row.original.kind === "CREDIT_NOTE" ? " (credit note)" : ""}
      </>
    ),
  }),
  column.accessor("customerName", {
    id: "customer" satisfies InvoiceSearchSort,
    header: "Customer",
    cell: (info) => (
      <>
        {info.getValue()}{" "}
        <span className="text-slate-600">({info.row.original.customerNumber})</span>
      </>
    ),
  }),
  column.accessor("issueDate", {
    id: "issueDate" satisfies InvoiceSearchSort,
    header: "Issued",
    cell: (info) => date(info.getValue()),
  }),
  column.accessor("dueDate", {
    id: "dueDate" satisfies InvoiceSearchSort,
    header: "Due",
    cell: (info) => date(info.getValue()),
  }),
  column.accessor("status", {
    id: "status" satisfies InvoiceSearchSort,
    header: "Status",
    cell: (info) => info.getValue().toLowerCase(),
  }),
  column.accessor("totalOre", {
    id: "totalOre" satisfies InvoiceSearchSort,
    header: "Total",
    meta: { align: "end" },
    cell: (info) => formatStaffMoney(info.getValue()),
  }),
]);

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
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const sorting = useMemo(
    () => [{ id: props.sort, desc: props.dir === "desc" }],
    [props.sort, props.dir],
  );

  return (
    <DataTable
      columns={invoiceColumns}
      data={props.rows}
      caption="Invoices"
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
      emptyMessage="No invoices match this search."
      isBusy={isPending}
    />
  );
}
