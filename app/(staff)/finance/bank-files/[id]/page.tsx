import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTime } from "@/components/admin/admin-time";
import {
  BankFileChecks,
  BankFilePaymentsTable,
  BankFileSummaryList,
} from "@/components/finance/bank-file-report";
import { FILE_FORMAT_LABELS } from "@/components/finance/finance-labels";
import { RefreshWhileImporting } from "@/components/finance/refresh-while-importing";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { getBankFileDetail, listBankFilePaymentPage } from "@/lib/bank-files/bank-file-console";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";
import { isRouteId } from "@/lib/validation/parse-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: financeBankMessages[await staffLocaleForMetadata()].report.title };
}
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
  const t = financeBankMessages[staff.locale];
  const r = t.report;
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
          {t.overview.title}
        </Link>{" "}
        ·{" "}
        <Link href="/finance/bank-files" className="text-blue-800 underline">
          {t.files.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-all">{r.heading(file.fileName)}</h1>
      <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{r.status}</dt>
        <dd data-testid="bank-file-status" data-status={file.status}>
          {t.labels.fileStatus[file.status]}
        </dd>
        <dt className="font-medium">{r.format}</dt>
        <dd>{FILE_FORMAT_LABELS[file.format]}</dd>
        <dt className="font-medium">{r.cameBy}</dt>
        <dd>{t.labels.fileSource[file.source]}</dd>
        <dt className="font-medium">{r.received}</dt>
        <dd>{adminTime(file.receivedAt)}</dd>
        <dt className="font-medium">{r.processed}</dt>
        <dd>{adminTime(file.processedAt, r.notYet)}</dd>
        <dt className="font-medium">{r.size}</dt>
        <dd>
          {file.sizeBytes.toLocaleString("sv-SE")} {r.bytes}
        </dd>
      </dl>
      <RefreshWhileImporting importing={file.status === "RECEIVED"} locale={staff.locale} />
      {file.status === "REFUSED" ? (
        <div
          className="mt-4 max-w-3xl rounded border border-red-300 bg-red-50 p-3"
          data-testid="bank-file-refusal"
        >
          <h2 className="font-semibold text-red-900">{r.refused}</h2>
          <p className="mt-1 break-words text-red-900">{file.refusalReason}</p>
        </div>
      ) : null}

      <h2 className="mt-8 text-lg font-semibold">{r.checks}</h2>
      <BankFileChecks checks={file.checks} locale={staff.locale} />

      <h2 className="mt-8 text-lg font-semibold">{r.summary}</h2>
      {file.summary ? (
        <BankFileSummaryList summary={file.summary} locale={staff.locale} />
      ) : (
        <p className="mt-2 text-slate-700">
          {file.status === "RECEIVED" ? r.beingImported : r.notCounted}
        </p>
      )}

      <div className="mt-8 flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{r.payments}</h2>
        <a
          href={`/api/finance/bank-files/${file.id}/payments.csv`}
          className="text-blue-800 underline"
          download
        >
          {r.downloadCsv}
        </a>
      </div>
      <BankFilePaymentsTable
        payments={payments.rows}
        invoiceLinks={(CONSOLE_ROLES.agent as readonly string[]).includes(staff.role)}
        caption={
          payments.total > PAGE_SIZE
            ? r.captionPaged(first, last, payments.total)
            : r.captionAll(payments.total)
        }
        locale={staff.locale}
      />
      {pages > 1 ? (
        <nav aria-label={r.pagesNav} className="mt-3 flex gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-blue-800 underline">
              {r.previous(PAGE_SIZE)}
            </Link>
          ) : null}
          <span>{r.page(page, pages)}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-blue-800 underline">
              {r.next(PAGE_SIZE)}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </StaffShell>
  );
}
