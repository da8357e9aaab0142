import type { Metadata } from "next";
import Link from "next/link";
import { kronor } from "@/components/finance/finance-labels";
import { UnmatchedQueue } from "@/components/finance/unmatched-queue";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { financeOverview } from "@/lib/bank-files/bank-file-console";
import { listUnmatchedPayments } from "@/lib/bank-files/unmatched-queue";
import { getDb } from "@/lib/db/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

export async function generateMetadata(): Promise<Metadata> {
  return { title: financeBankMessages[await staffLocaleForMetadata()].unmatched.title };
}
export const dynamic = "force-dynamic";

const QUEUE_LIMIT = 100;

/**
 * Payments the bank's files could not place by OCR, oldest first, for finance (and support) to
 * decide: book on an invoice, put on a customer's balance, or mark for return — once, with why.
 */
export default async function UnmatchedPaymentsPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.unmatchedPayments, "/finance/unmatched");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = financeBankMessages[staff.locale];
  const db = await getDb();
  const [payments, overview] = await Promise.all([
    listUnmatchedPayments(db, staff.organizationId, QUEUE_LIMIT),
    financeOverview(db, staff.organizationId),
  ]);
  const isFinance = (CONSOLE_ROLES.finance as readonly string[]).includes(staff.role);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        {isFinance ? (
          <Link href="/finance" className="text-blue-800 underline">
            {t.overview.title}
          </Link>
        ) : (
          <Link href="/agent" className="text-blue-800 underline">
            {t.unmatched.support}
          </Link>
        )}
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.unmatched.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t.unmatched.intro(staff.organizationName)}</p>
      <p className="mt-2 text-sm" data-testid="unmatched-total">
        {overview.unmatchedCount === 0
          ? t.unmatched.queueEmpty
          : t.unmatched.total(
              overview.unmatchedCount,
              kronor(overview.unmatchedOre),
              overview.unmatchedCount > QUEUE_LIMIT ? QUEUE_LIMIT : null,
            )}
      </p>
      <UnmatchedQueue
        payments={payments.map((payment) => ({
          id: payment.id,
          bankFileId: payment.bankFileId,
          fileName: payment.fileName,
          amountOre: payment.amountOre,
          bookingDate: payment.bookingDate,
          referenceKind: payment.referenceKind,
          reference: payment.reference,
          extraReferences: payment.extraReferences,
          payerName: payment.payerName,
          payerAccount: payment.payerAccount,
          suggestions: payment.suggestions,
          waitingSince: payment.createdAt.toISOString(),
        }))}
        canOpenFiles={isFinance}
        locale={staff.locale}
        canOpenInvoices={(CONSOLE_ROLES.agent as readonly string[]).includes(staff.role)}
      />
    </StaffShell>
  );
}
