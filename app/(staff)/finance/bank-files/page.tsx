import type { Metadata } from "next";
import Link from "next/link";
import { BankFileUpload } from "@/components/finance/bank-file-upload";
import { BankFilesTable } from "@/components/finance/bank-files-table";
import { RefreshWhileImporting } from "@/components/finance/refresh-while-importing";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listBankFiles } from "@/lib/bank-files/bank-file-console";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Bank files" };
export const dynamic = "force-dynamic";

const LIST_LIMIT = 100;

/** Upload a bank file, and the organisation's files with what became of each. */
export default async function BankFilesPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/bank-files");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const files = await listBankFiles(await getDb(), staff.organizationId, LIST_LIMIT);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          Finance
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Bank files</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        The bank's reports of the payments into {staff.organizationName}'s accounts. Files also
        arrive through the API (<code>POST /api/v1/bank-files</code>) and the watched folder. The
        same file twice, or two files that overlap, never book a payment twice.
      </p>
      <BankFileUpload maxBytes={getEnv().BANK_FILE_MAX_BYTES} />
      <h2 className="mt-8 text-lg font-semibold">Files</h2>
      <RefreshWhileImporting importing={files.some((file) => file.status === "RECEIVED")} />
      <BankFilesTable files={files} limit={LIST_LIMIT} />
    </StaffShell>
  );
}
