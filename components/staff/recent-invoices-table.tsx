import { formatMoney } from "@/lib/money/money";

interface Row {
  id: string;
  number: number | null;
  kind: string;
  status: string;
  issueDate: Date | null;
  dueDate: Date | null;
  totalOre: number;
  customer: { name: string };
}

export function RecentInvoicesTable({ invoices }: { invoices: Row[] }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Latest invoices</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th className="p-2">Number</th>
            <th className="p-2">Customer</th>
            <th className="p-2">Issued</th>
            <th className="p-2">Due</th>
            <th className="p-2">Status</th>
            <th className="p-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id} className="border-b border-slate-200">
              <td className="p-2">
                <a
                  href={`/agent/invoices/${invoice.id}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {invoice.number}
                </a>
                {invoice.kind === "CREDIT_NOTE" ? " (credit note)" : ""}
              </td>
              <td className="p-2">{invoice.customer.name}</td>
              <td className="p-2">{invoice.issueDate?.toISOString().slice(0, 10)}</td>
              <td className="p-2">{invoice.dueDate?.toISOString().slice(0, 10) ?? "—"}</td>
              <td className="p-2">{invoice.status.toLowerCase()}</td>
              <td className="p-2 text-right tabular-nums">
                {formatMoney(invoice.totalOre, { locale: "en" })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
