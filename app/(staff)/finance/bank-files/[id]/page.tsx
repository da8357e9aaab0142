import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTime } from "@/components/admin/admin-time";
import {
  BankFileChecks,
  BankFilePaymentsTable,
  BankFileSummaryList,
} from "@/components/finance/bank-file-report";
import {
  FILE_FORMAT_LABELS,
  FILE_SOURCE_LABELS,
  FILE_STATUS_LABELS,
} from "@/components/finance/finance-labels";
import { RefreshWhileImporting } from "@/components/finance/refresh-while-importing";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getBankFileDetail, listBankFilePaymentPage } from "@/lib/bank-files/bank-file-console";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { isRouteId } from "@/lib/validation/parse-input";

export const metadata: Metadata = { title: "Bank file report" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 500;

/** One bank file's report: its checks, what the import made of it, and its payments. */
export default async function BankFileReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const access = await requireStaffPage(CONSOLE_ROLES.finance, `/finance/bank-files/${id}`);
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  if (!isRouteId(id)) notFound();
  const { staff } = access;
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const db = await getDb();
  const file = await getBankFileDetail(db, staff.organizationId, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const payments = await listBankFilePaymentPage(db, staff.organizationId, id, {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(payments.total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, payments.total);
  const pageHref = (n: number) => `/finance/bank-files/${file.id}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          Finance
        </Link>{" "}
        ·{" "}
        <Link href="/finance/bank-files" className="text-blue-800 underline">
          Bank files
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-all">Report: {file.fileName}</h1>
      <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Status</dt>
        <dd data-testid="bank-file-status" data-status={file.status}>
          {FILE_STATUS_LABELS[file.status]}
        </dd>
        <dt className="font-medium">Format</dt>
        <dd>{FILE_FORMAT_LABELS[file.format]}</dd>
        <dt className="font-medium">Came by</dt>
        <dd>{FILE_SOURCE_LABELS[file.source]}</dd>
        <dt className="font-medium">Received</dt>
        <dd>{adminTime(file.receivedAt)}</dd>
        <dt className="font-medium">Processed</dt>
        <dd>{adminTime(file.processedAt, "not yet")}</dd>
        <dt className="font-medium">Size</dt>
        <dd>{file.sizeBytes.toLocaleString("sv-SE")} bytes</dd>
      </dl>
      <RefreshWhileImporting importing={file.status === "RECEIVED"} />
      {file.status === "REFUSED" ? (
        <div
          className="mt-4 max-w-3xl rounded border border-red-300 bg-red-50 p-3"
          data-testid="bank-file-refusal"
        >
          <h2 className="font-semibold text-red-900">Refused: nothing in it was booked</h2>
          <p className="mt-1 break-words text-red-900">{file.refusalReason}</p>
        </div>
      ) : null}

      <h2 className="mt-8 text-lg font-semibold">Checks</h2>
      <BankFileChecks checks={file.checks} />

      <h2 className="mt-8 text-lg font-semibold">Summary</h2>
      {file.summary ? (
        <BankFileSummaryList summary={file.summary} />
      ) : (
        <p className="mt-2 text-slate-700">
          {file.status === "RECEIVED"
            ? "The file is being imported."
            : "The file was not counted: it did not get past its checks."}
        </p>
      )}

      <div className="mt-8 flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">Payments</h2>
        <a
          href={`/api/finance/bank-files/${file.id}/payments.csv`}
          className="text-blue-800 underline"
          download
        >
          Download CSV
        </a>
      </div>
      <BankFilePaymentsTable
        payments={payments.rows}
        invoiceLinks={(CONSOLE_ROLES.agent as readonly string[]).includes(staff.role)}
        caption={
          payments.total > PAGE_SIZE
            ? `Payments ${first}–${last} of ${payments.total}, in the file's order. The CSV has them all.`
            : `The file's payments (${payments.total}), in the file's order.`
        }
      />
      {pages > 1 ? (
        <nav aria-label="Pages of payments" className="mt-3 flex gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-blue-800 underline">
              Previous {PAGE_SIZE}
            </Link>
          ) : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-blue-800 underline">
              Next {PAGE_SIZE}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </StaffShell>
  );
}
