import Link from "next/link";
import { kronor, referenceKindLabel } from "@/components/finance/finance-labels";
import type {
  BankFileDetail,
  BankFilePaymentRow,
  BankFileSummary,
} from "@/lib/bank-files/bank-file-console";
import type { Locale } from "@/lib/db/generated/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/** The checks a file went through before anything was booked: each passed or failed, and why. */
export function BankFileChecks({
  checks,
  locale,
}: {
  checks: BankFileDetail["checks"];
  locale: Locale;
}) {
  const t = financeBankMessages[locale].report;
  if (checks.length === 0) {
    return <p className="mt-2 text-slate-700">{t.notChecked}</p>;
  }
  return (
    <table className="mt-2 w-full max-w-4xl border-collapse bg-white text-left text-sm">
      <caption className="p-2 text-left text-slate-700">{t.checksCaption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {t.checkColumns.check}
          </th>
          <th scope="col" className="p-2">
            {t.checkColumns.result}
          </th>
          <th scope="col" className="p-2">
            {t.checkColumns.detail}
          </th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr
            key={`${check.name}: ${check.detail}`}
            className="border-b border-slate-200 align-top"
            data-testid="bank-file-check"
            data-ok={check.ok}
          >
            <th scope="row" className="p-2 font-normal">
              {check.name}
            </th>
            <td className={`p-2 font-semibold ${check.ok ? "text-green-800" : "text-red-800"}`}>
              {check.ok ? t.passed : t.failed}
            </td>
            <td className="p-2 break-words">{check.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the import made of the file's entries, with sums in kronor. */
export function BankFileSummaryList({
  summary,
  locale,
}: {
  summary: BankFileSummary;
  locale: Locale;
}) {
  const t = financeBankMessages[locale].report.summaryItems;
  const items: Array<{ key: string; label: string; value: string }> = [
    { key: "entries", label: t.entries, value: String(summary.entries) },
    {
      key: "booked",
      label: t.booked,
      value: `${summary.booked} · ${kronor(summary.bookedOre)}`,
    },
    {
      key: "unmatched",
      label: t.unmatched,
      value: `${summary.unmatched} · ${kronor(summary.unmatchedOre)}`,
    },
    {
      key: "already-booked",
      label: t.alreadyBooked,
      value: String(summary.alreadyBooked),
    },
    {
      key: "not-payments",
      label: t.notPayments,
      value: String(summary.notPayments),
    },
    { key: "total", label: t.total, value: kronor(summary.totalOre) },
  ];
  return (
    <dl className="mt-2 grid max-w-4xl grid-cols-1 gap-2 sm:grid-cols-3">
      {items.map((item) => (
        <div key={item.key} className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{item.label}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`report-${item.key}`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A file's payments and what became of each. The invoice number opens the agent's workspace for
 * those who may open it (`invoiceLinks`); for others it is the number alone.
 */
export function BankFilePaymentsTable({
  payments,
  caption,
  invoiceLinks,
  locale,
}: {
  payments: BankFilePaymentRow[];
  caption: string;
  invoiceLinks: boolean;
  locale: Locale;
}) {
  const { report: t, labels, repayments } = financeBankMessages[locale];
  const methodLabels = repayments.method;
  if (payments.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-bank-payments">
        {t.noPayments}
      </p>
    );
  }
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="p-2 text-left text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              {t.paymentColumns.bankReference}
            </th>
            <th scope="col" className="p-2">
              {t.paymentColumns.bookingDate}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.paymentColumns.amount}
            </th>
            <th scope="col" className="p-2">
              {t.paymentColumns.reference}
            </th>
            <th scope="col" className="p-2">
              {t.paymentColumns.payer}
            </th>
            <th scope="col" className="p-2">
              {t.paymentColumns.status}
            </th>
            <th scope="col" className="p-2">
              {t.paymentColumns.invoice}
            </th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr
              key={payment.id}
              className="border-b border-slate-200 align-top"
              data-testid="bank-payment-row"
              data-status={payment.status}
            >
              <th scope="row" className="p-2 font-mono font-normal break-all">
                {payment.entryReference}
              </th>
              <td className="p-2 whitespace-nowrap">{payment.bookingDate ?? "—"}</td>
              <td className="p-2 text-right tabular-nums whitespace-nowrap">
                {kronor(payment.amountOre)}
                <span className="block text-slate-600" data-testid="bank-payment-method">
                  {methodLabels[payment.method] ?? payment.method}
                </span>
              </td>
              <td className="p-2 break-words">
                <span className="block text-slate-600">
                  {referenceKindLabel(payment.referenceKind, locale)}
                </span>
                {payment.reference ?? "—"}
              </td>
              <td className="p-2 break-words">
                {payment.payerName ?? "—"}
                {payment.payerAccount ? (
                  <span className="block font-mono text-slate-600">{payment.payerAccount}</span>
                ) : null}
              </td>
              <td className="p-2">
                {payment.status === "UNMATCHED" ? (
                  <Link href="/finance/unmatched" className="text-blue-800 underline">
                    {labels.paymentStatus.UNMATCHED}
                  </Link>
                ) : (
                  labels.paymentStatus[payment.status]
                )}
                {payment.status === "ASSIGNED" && !payment.invoice && payment.customerId ? (
                  <span className="block text-slate-700">{t.onBalance}</span>
                ) : null}
                {payment.decisionReason ? (
                  <span className="block max-w-xs break-words text-slate-700">
                    {t.why(payment.decisionReason)}
                  </span>
                ) : null}
              </td>
              <td className="p-2">
                {payment.invoice?.number == null ? (
                  "—"
                ) : invoiceLinks ? (
                  <Link
                    href={`/agent/invoices/${payment.invoice.id}`}
                    className="text-blue-800 underline"
                  >
                    {payment.invoice.number}
                  </Link>
                ) : (
                  payment.invoice.number
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
