import Link from "next/link";
import { FeeAgreementForm } from "@/components/agent/fee-agreement-form";
import type { FeeAgreement } from "@/lib/customers/fee-agreement";
import type { Locale } from "@/lib/db/generated/client";
import { agentStatusMessages, statusName } from "@/lib/i18n/staff/agent/statuses";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";
import { formatStaffMoney } from "@/lib/money/staff-money";
import type { CustomerContext } from "@/lib/support/customer-context";

const date = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "–");
const sek = formatStaffMoney;

/** The customer's reminder-fee agreement in one line (lag 1981:739 2 §: no agreement, no fee). */
export function feeAgreementText(agreement: FeeAgreement | null, locale: Locale): string {
  const t = agentWorkspaceMessages[locale].context;
  return agreement ? t.feeAgreed(agreement.agreedOn, agreement.source) : t.noFeeAgreement;
}

/**
 * Who the customer is: tenure, plan, reminder-fee agreement (which the agent may record, change or
 * remove here), earlier invoices, payments and conversations.
 */
export function CustomerContextPanel({
  context,
  today,
  locale,
}: {
  context: CustomerContext;
  locale: Locale;
  /** Today (YYYY-MM-DD): an agreement cannot be dated later. */
  today?: string;
}) {
  const { customer } = context;
  const t = agentWorkspaceMessages[locale].context;
  const statuses = agentStatusMessages[locale];
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
        <dt className="text-slate-700">{t.customer}</dt>
        <dd>
          {customer.customerNumber} · {customer.isBusiness ? t.business : t.private}
          {customer.segment ? ` · ${customer.segment}` : ""} ·{" "}
          {t.languages[customer.locale] ?? customer.locale}
        </dd>
        <dt className="text-slate-700">{t.tenure}</dt>
        <dd data-testid="tenure">
          {t.since(date(customer.customerSince), years, customer.tenureMonths % 12)}
        </dd>
        <dt className="text-slate-700">{t.contact}</dt>
        <dd>{[customer.email, customer.phone].filter(Boolean).join(" · ") || "–"}</dd>
        <dt className="text-slate-700">{t.plan}</dt>
        <dd>
          {context.contracts.length === 0
            ? t.noContract
            : context.contracts
                .map((contract) =>
                  t.contract(
                    contract.plan.name,
                    sek(contract.plan.monthlyFeeOre),
                    contract.campaignMonthlyFeeOre !== null && contract.campaignEndsOn
                      ? {
                          fee: sek(contract.campaignMonthlyFeeOre),
                          until: date(contract.campaignEndsOn),
                        }
                      : null,
                  ),
                )
                .join("; ")}
        </dd>
        <dt className="text-slate-700">{t.reminderFee}</dt>
        <dd>
          <span data-testid="fee-agreement-status">
            {feeAgreementText(customer.feeAgreement, locale)}
          </span>
          <FeeAgreementForm
            customerId={customer.id}
            agreement={customer.feeAgreement}
            today={today}
            locale={locale}
          />
        </dd>
        <dt className="text-slate-700">{t.offers}</dt>
        <dd data-testid="customer-offers">
          {context.offers.acceptances.length === 0
            ? t.noneAccepted(context.offers.blocksShown)
            : context.offers.acceptances
                .map((acceptance) =>
                  t.accepted(
                    acceptance.toPlan.name,
                    date(acceptance.effectiveFrom),
                    acceptance.block.name,
                    String(acceptance.invoice.number ?? "–"),
                    date(acceptance.acceptedAt),
                  ),
                )
                .join("; ")}
        </dd>
      </dl>
      <h3 className="mt-4 font-semibold">{t.invoices}</h3>
      <ul className="mt-1 flex flex-col gap-0.5">
        {context.invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link href={`/agent/invoices/${invoice.id}`} className="underline">
              {invoice.kind === "CREDIT_NOTE" ? t.creditNote : t.invoice} {invoice.number}
            </Link>{" "}
            · {date(invoice.issueDate)} · {sek(invoice.totalOre)} ·{" "}
            {statusName(statuses.invoice, invoice.status)}
          </li>
        ))}
      </ul>
      <h3 className="mt-4 font-semibold">{t.payments}</h3>
      {context.payments.length === 0 ? (
        <p>{t.noneYet}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5">
          {context.payments.map((entry) => (
            <li key={entry.id}>
              {date(entry.occurredAt)} · {entry.kind === "PAYMENT" ? t.paid : t.refunded}{" "}
              {sek(Math.abs(entry.amountOre))} · {t.onInvoice(entry.invoice.number)}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 font-semibold">{t.conversations}</h3>
      {context.conversations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5">
          {context.conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link href={`/agent/invoices/${conversation.invoiceId}`} className="underline">
                {t.conversationInvoice(conversation.invoice.number)}
              </Link>{" "}
              · {t.messages(conversation.lastSeq)} ·{" "}
              {statusName(statuses.conversation, conversation.status)} ·{" "}
              {date(conversation.lastMessageAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
