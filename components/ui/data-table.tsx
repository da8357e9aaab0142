"use client";

import {
  type ColumnDef,
  createColumnHelper,
  type RowData,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";

/**
 * The one generic table (TanStack Table v9, headless): semantic markup, sortable headers as
 * buttons with aria-sort, numbers right-aligned. Sorting and paging belong to the server (manual
 * mode): a header click only reports the wanted order; the caller fetches rows in that order.
 * Per entity, a columns file defines the columns with createDataTableColumnHelper.
 */

export interface DataTableColumnMeta {
  /** "end" right-aligns the column with tabular digits (money, counts). */
  align?: "start" | "end";
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

export interface DataTableProps<TData extends RowData> {
  // Columns hold values of different types; TanStack's own `columns()` helper returns `any` here.
  // biome-ignore lint/suspicious/noExplicitAny: heterogeneous column value types
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData, any>>;
  data: ReadonlyArray<TData>;
  caption: string;
  getRowId: (row: TData) => string;
  /** The order the rows arrived in (one column); the table never reorders them itself. */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  emptyMessage: string;
  /** A new order or page is on its way. */
  isBusy?: boolean;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { sorting, onSortingChange } = props;
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.data,
    getRowId: (row) => props.getRowId(row),
    state: { sorting },
    onSortingChange: (updater) =>
      onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    manualSorting: true,
    enableMultiSort: false,
    // The server always sorts by something: clicking the sorted column flips it, never unsorts.
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;

  return (
    <div className="mt-4 overflow-x-auto">
      <table
        className="w-full border-collapse bg-white text-left text-sm"
        aria-busy={props.isBusy || undefined}
      >
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-300">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const end = header.column.columnDef.meta?.align === "end";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    // Only the sorted column carries aria-sort, as the ARIA sortable-table pattern does.
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                    className={`p-2 font-semibold ${end ? "text-right" : ""}`}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 rounded px-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="text-xs text-slate-500">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={props.isBusy ? "opacity-60" : undefined}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} className="p-4 text-center text-slate-700">
                {props.emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-column={cell.column.id}
                    className={`p-2 ${cell.column.columnDef.meta?.align === "end" ? "text-right tabular-nums" : ""}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
