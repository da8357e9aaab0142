import type { Metadata } from "next";
import Link from "next/link";
import { adminTime } from "@/components/admin/admin-time";
import { kronor } from "@/components/finance/finance-labels";
import { RepaymentList } from "@/components/finance/repayment-list";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { listBankRepayments, pendingRepaymentTotals } from "@/lib/bank-files/bank-repayments";
import { getDb } from "@/lib/db/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

export async function generateMetadata(): Promise<Metadata> {
  return { title: financeBankMessages[await staffLocaleForMetadata()].repayments.title };
}
export const dynamic = "force-dynamic";

/**
 * Money from the bank's files that goes back to its payer, oldest first, for finance to pay from
 * the bank and mark here — and the latest decided, with who decided what kept in the record.
 */
export default async function RepaymentsPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/repayments");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = financeBankMessages[staff.locale];
  const db = await getDb();
  const [pending, decided, totals] = await Promise.all([
    listBankRepayments(db, staff.organizationId, { status: "PENDING" }),
    listBankRepayments(db, staff.organizationId, { status: "DECIDED", limit: 20 }),
    pendingRepaymentTotals(db, staff.organizationId),
  ]);
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          {t.overview.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.repayments.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t.repayments.intro(staff.organizationName)}</p>
      <p className="mt-2 text-sm" data-testid="repayments-total">
        {totals.count === 0
          ? t.repayments.none
          : t.repayments.total(totals.count, kronor(totals.sumOre))}
      </p>
      <RepaymentList
        items={pending.map((item) => ({
          id: item.id,
          amountOre: item.amountOre,
          reason: item.reason,
          method: item.method,
          payerName: item.payerName,
          payerAccount: item.payerAccount,
          bookingDate: item.bookingDate,
          plannedAt: item.createdAt.toISOString(),
          invoice: item.invoice,
        }))}
        locale={staff.locale}
        canOpenInvoices={(CONSOLE_ROLES.agent as readonly string[]).includes(staff.role)}
      />
      {decided.length > 0 ? (
        <section aria-labelledby="repayments-decided" className="mt-8">
          <h2 id="repayments-decided" className="text-lg font-semibold">
            {t.repayments.decidedTitle}
          </h2>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2 text-right">
                    {t.repayments.columns.amount}
                  </th>
                  <th scope="col" className="p-2">
                    {t.repayments.columns.payer}
                  </th>
                  <th scope="col" className="p-2">
                    {t.repayments.columns.invoice}
                  </th>
                  <th scope="col" className="p-2">
                    {t.repayments.columns.outcome}
                  </th>
                  <th scope="col" className="p-2">
                    {t.repayments.columns.reference}
                  </th>
                  <th scope="col" className="p-2">
                    {t.repayments.columns.when}
                  </th>
                </tr>
              </thead>
              <tbody>
                {decided.map((item) => (
                  <tr
                    key={item.id}
                    className="border-b border-slate-200 align-top"
                    data-testid="repayment-decided-row"
                  >
                    <td className="p-2 text-right tabular-nums whitespace-nowrap">
                      {kronor(item.amountOre)}
                    </td>
                    <td className="p-2 break-words">
                      {item.payerName ?? t.repayments.unnamedPayer}
                    </td>
                    <td className="p-2">
                      {item.invoice ? (item.invoice.number ?? "—") : t.repayments.noInvoice}
                    </td>
                    <td className="p-2">
                      {t.repayments.decidedStatus[item.status] ?? item.status}
                    </td>
                    <td className="p-2 break-words">
                      {[item.bankReference, item.decisionNote].filter(Boolean).join(" · ")}
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {item.decidedAt ? adminTime(item.decidedAt) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </StaffShell>
  );
}
