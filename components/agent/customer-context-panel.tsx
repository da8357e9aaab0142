import Link from "next/link";
import { FeeAgreementForm } from "@/components/agent/fee-agreement-form";
import type { FeeAgreement } from "@/lib/customers/fee-agreement";
import { formatStaffMoney } from "@/lib/money/staff-money";
import type { CustomerContext } from "@/lib/support/customer-context";

const date = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "–");
const sek = formatStaffMoney;

/** The customer's reminder-fee agreement in one line (lag 1981:739 2 §: no agreement, no fee). */
export function feeAgreementText(agreement: FeeAgreement | null): string {
  return agreement
    ? `Påminnelseavgift avtalad ${agreement.agreedOn} (${agreement.source})`
    : "Ingen avtalad påminnelseavgift";
}

/**
 * Who the customer is: tenure, plan, reminder-fee agreement (which the agent may record, change or
 * remove here), earlier invoices, payments and conversations.
 */
export function CustomerContextPanel({
  context,
  today,
}: {
  context: CustomerContext;
  /** Today (YYYY-MM-DD): an agreement cannot be dated later. */
  today?: string;
}) {
  const { customer } = context;
  const years = Math.floor(customer.tenureMonths / 12);
  return (
    <section
      aria-labelledby="customer-context-heading"
      className="rounded-lg bg-white p-4 text-sm shadow-sm"
      data-testid="customer-context"
    >
      <h2 id="customer-context-heading" className="text-lg font-semibold">
        {customer.name}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-700">Customer</dt>
        <dd>
          {customer.customerNumber} · {customer.isBusiness ? "business" : "private"}
          {customer.segment ? ` · ${customer.segment}` : ""} ·{" "}
          {customer.locale === "sv" ? "Swedish" : "English"}
        </dd>
        <dt className="text-slate-700">Tenure</dt>
        <dd data-testid="tenure">
          since {date(customer.customerSince)} ({years > 0 ? `${years} y ` : ""}
          {customer.tenureMonths % 12} mo)
        </dd>
        <dt className="text-slate-700">Contact</dt>
        <dd>{[customer.email, customer.phone].filter(Boolean).join(" · ") || "–"}</dd>
        <dt className="text-slate-700">Plan</dt>
        <dd>
          {context.contracts.length === 0
            ? "No active contract"
            : context.contracts
                .map(
                  (contract) =>
                    `${contract.plan.name} (${sek(contract.plan.monthlyFeeOre)}/mo${
                      contract.campaignMonthlyFeeOre !== null && contract.campaignEndsOn
                        ? `; campaign ${sek(contract.campaignMonthlyFeeOre)} until ${date(contract.campaignEndsOn)}`
                        : ""
                    })`,
                )
                .join("; ")}
        </dd>
        <dt className="text-slate-700">Reminder fee</dt>
        <dd>
          <span data-testid="fee-agreement-status">{feeAgreementText(customer.feeAgreement)}</span>
          <FeeAgreementForm
            customerId={customer.id}
            agreement={customer.feeAgreement}
            today={today}
          />
        </dd>
        <dt className="text-slate-700">Offers</dt>
        <dd data-testid="customer-offers">
          {context.offers.acceptances.length === 0
            ? `${context.offers.blocksShown} shown, none accepted`
            : context.offers.acceptances
                .map(
                  (acceptance) =>
                    `Accepted ${acceptance.toPlan.name} from ${date(acceptance.effectiveFrom)} (“${acceptance.block.name}”, invoice ${acceptance.invoice.number ?? "–"}, ${date(acceptance.acceptedAt)})`,
                )
                .join("; ")}
        </dd>
      </dl>
      <h3 className="mt-4 font-semibold">Invoices</h3>
      <ul className="mt-1 flex flex-col gap-0.5">
        {context.invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link href={`/agent/invoices/${invoice.id}`} className="underline">
              {invoice.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice"} {invoice.number}
            </Link>{" "}
            · {date(invoice.issueDate)} · {sek(invoice.totalOre)} · {invoice.status.toLowerCase()}
          </li>
        ))}
      </ul>
      <h3 className="mt-4 font-semibold">Payments and refunds</h3>
      {context.payments.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5">
          {context.payments.map((entry) => (
            <li key={entry.id}>
              {date(entry.occurredAt)} · {entry.kind === "PAYMENT" ? "paid" : "refunded"}{" "}
              {sek(Math.abs(entry.amountOre))} · invoice {entry.invoice.number}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 font-semibold">Earlier conversations</h3>
      {context.conversations.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5">
          {context.conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link href={`/agent/invoices/${conversation.invoiceId}`} className="underline">
                Invoice {conversation.invoice.number ?? "draft"}
              </Link>{" "}
              · {conversation.lastSeq} messages · {conversation.status.toLowerCase()} ·{" "}
              {date(conversation.lastMessageAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
