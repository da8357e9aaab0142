import Link from "next/link";
import { adminTime } from "@/components/admin/admin-time";
import { FILE_FORMAT_LABELS, kronor } from "@/components/finance/finance-labels";
import type { BankFileListRow } from "@/lib/bank-files/bank-file-console";
import type { Locale } from "@/lib/db/generated/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/**
 * The organisation's bank files, newest first: when and how each came, what became of it (with
 * the refusal's reason) and its counts and sums; each file's name opens its report.
 */
export function BankFilesTable({
  files,
  limit,
  locale,
}: {
  files: BankFileListRow[];
  limit: number;
  locale: Locale;
}) {
  const { files: t, labels } = financeBankMessages[locale];
  if (files.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-bank-files">
        {t.empty}
      </p>
    );
  }
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="p-2 text-left text-slate-700">{t.caption(limit)}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              {t.columns.file}
            </th>
            <th scope="col" className="p-2">
              {t.columns.received}
            </th>
            <th scope="col" className="p-2">
              {t.columns.format}
            </th>
            <th scope="col" className="p-2">
              {t.columns.source}
            </th>
            <th scope="col" className="p-2">
              {t.columns.status}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.columns.entries}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.columns.booked}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.columns.unmatched}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.columns.paidIn}
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr
              key={file.id}
              className="border-b border-slate-200 align-top"
              data-testid="bank-file-row"
              data-bank-file-id={file.id}
              data-status={file.status}
            >
              <th scope="row" className="p-2 font-normal break-all">
                <Link href={`/finance/bank-files/${file.id}`} className="text-blue-800 underline">
                  {file.fileName}
                </Link>
              </th>
              <td className="p-2 whitespace-nowrap">{adminTime(file.receivedAt)}</td>
              <td className="p-2">{FILE_FORMAT_LABELS[file.format]}</td>
              <td className="p-2">{labels.fileSource[file.source]}</td>
              <td className="p-2" data-testid="bank-file-status">
                <span className={file.status === "REFUSED" ? "font-semibold text-red-800" : ""}>
                  {labels.fileStatus[file.status]}
                </span>
                {file.refusalReason ? (
                  <span className="block max-w-md break-words text-slate-700">
                    {file.refusalReason}
                  </span>
                ) : null}
              </td>
              <td className="p-2 text-right tabular-nums">{file.summary?.entries ?? "—"}</td>
              <td className="p-2 text-right tabular-nums">
                {file.summary ? (
                  <>
                    {file.summary.booked}
                    <span className="block text-slate-700">{kronor(file.summary.bookedOre)}</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="p-2 text-right tabular-nums">
                {file.summary ? (
                  <>
                    {file.summary.unmatched}
                    <span className="block text-slate-700">
                      {kronor(file.summary.unmatchedOre)}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="p-2 text-right tabular-nums whitespace-nowrap">
                {file.summary ? kronor(file.summary.totalOre) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
