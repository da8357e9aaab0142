import type { Metadata } from "next";
import Link from "next/link";
import { BankFileUpload } from "@/components/finance/bank-file-upload";
import { BankFilesTable } from "@/components/finance/bank-files-table";
import { RefreshWhileImporting } from "@/components/finance/refresh-while-importing";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { listBankFiles } from "@/lib/bank-files/bank-file-console";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

export async function generateMetadata(): Promise<Metadata> {
  return { title: financeBankMessages[await staffLocaleForMetadata()].files.title };
}
export const dynamic = "force-dynamic";

const LIST_LIMIT = 100;

/** Upload a bank file, and the organisation's files with what became of each. */
export default async function BankFilesPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/bank-files");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = financeBankMessages[staff.locale];
  const files = await listBankFiles(await getDb(), staff.organizationId, LIST_LIMIT);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          {t.overview.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.files.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {t.files.intro(staff.organizationName)}
        <code>POST /api/v1/bank-files</code>
        {t.files.introAfterApi}
      </p>
      <BankFileUpload maxBytes={getEnv().BANK_FILE_MAX_BYTES} locale={staff.locale} />
      <h2 className="mt-8 text-lg font-semibold">{t.files.filesHeading}</h2>
      <RefreshWhileImporting
        importing={files.some((file) => file.status === "RECEIVED")}
        locale={staff.locale}
      />
      <BankFilesTable files={files} limit={LIST_LIMIT} locale={staff.locale} />
    </StaffShell>
  );
}
