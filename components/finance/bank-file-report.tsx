import Link from "next/link";
import {
  kronor,
  PAYMENT_STATUS_LABELS,
  referenceKindLabel,
} from "@/components/finance/finance-labels";
import type {
  BankFileDetail,
  BankFilePaymentRow,
  BankFileSummary,
} from "@/lib/bank-files/bank-file-console";

/** The checks a file went through before anything was booked: each passed or failed, and why. */
export function BankFileChecks({ checks }: { checks: BankFileDetail["checks"] }) {
  if (checks.length === 0) {
    return <p className="mt-2 text-slate-700">The file has not been checked yet.</p>;
  }
  return (
    <table className="mt-2 w-full max-w-4xl border-collapse bg-white text-left text-sm">
      <caption className="p-2 text-left text-slate-700">
        Every check must pass before anything in the file is booked.
      </caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            Check
          </th>
          <th scope="col" className="p-2">
            Result
          </th>
          <th scope="col" className="p-2">
            Detail
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
              {check.ok ? "Passed" : "Failed"}
            </td>
            <td className="p-2 break-words">{check.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the import made of the file's entries, with sums in kronor. */
export function BankFileSummaryList({ summary }: { summary: BankFileSummary }) {
  const items: Array<{ key: string; label: string; value: string }> = [
    { key: "entries", label: "Entries in the file", value: String(summary.entries) },
    {
      key: "booked",
      label: "Booked by OCR",
      value: `${summary.booked} · ${kronor(summary.bookedOre)}`,
    },
    {
      key: "unmatched",
      label: "Sent to the unmatched queue",
      value: `${summary.unmatched} · ${kronor(summary.unmatchedOre)}`,
    },
    {
      key: "already-booked",
      label: "Already booked from an earlier file",
      value: String(summary.alreadyBooked),
    },
    {
      key: "not-payments",
      label: "Not payments (money out, not yet booked by the bank)",
      value: String(summary.notPayments),
    },
    { key: "total", label: "Paid in, in all", value: kronor(summary.totalOre) },
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
}: {
  payments: BankFilePaymentRow[];
  caption: string;
  invoiceLinks: boolean;
}) {
  if (payments.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-bank-payments">
        No payments from this file.
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
              Bank reference
            </th>
            <th scope="col" className="p-2">
              Booking date
            </th>
            <th scope="col" className="p-2 text-right">
              Amount
            </th>
            <th scope="col" className="p-2">
              Reference
            </th>
            <th scope="col" className="p-2">
              Payer
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
            <th scope="col" className="p-2">
              Invoice
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
              </td>
              <td className="p-2 break-words">
                <span className="block text-slate-600">
                  {referenceKindLabel(payment.referenceKind)}
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
                    {PAYMENT_STATUS_LABELS.UNMATCHED}
                  </Link>
                ) : (
                  PAYMENT_STATUS_LABELS[payment.status]
                )}
                {payment.status === "ASSIGNED" && !payment.invoice && payment.customerId ? (
                  <span className="block text-slate-700">On the customer's balance</span>
                ) : null}
                {payment.decisionReason ? (
                  <span className="block max-w-xs break-words text-slate-700">
                    Why: {payment.decisionReason}
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
