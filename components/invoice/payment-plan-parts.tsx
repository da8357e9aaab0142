import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatStored } from "@/lib/invoice-page/safe-format";
import { formatMoney } from "@/lib/money/money";
import { formatBankgiro } from "@/lib/references/giro";
import { CopyButton } from "./copy-button";

/**
 * A payment plan in force: each part, its day, its amount, whether it is paid, and how to pay it
 * by bankgiro with the part's own OCR number (a payment by card or Swish counts toward the parts
 * too: the plan is paid in order).
 */
export function PaymentPlanParts({
  data,
  locale,
  t,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
}) {
  const plan = data.collection?.activePlan;
  if (!plan) return null;
  const c = t.choices;
  const bankgiro = data.organization.bankgiro
    ? formatStored(data.organization.bankgiro, formatBankgiro)
    : null;
  const money = (ore: number) => formatMoney(ore, { locale });
  return (
    <section
      aria-labelledby="payment-plan-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="payment-plan"
    >
      <h2 id="payment-plan-heading" className="text-xl font-semibold">
        {c.activeHeading}
      </h2>
      <p className="mt-1">{c.activeHowToPay(bankgiro)}</p>
      {plan.feeOre > 0 ? <p className="text-sm">{c.activeFee(money(plan.feeOre))}</p> : null}
      <table className="mt-3 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">
              {c.part}
            </th>
            <th scope="col" className="py-1 pr-2">
              {c.partDue}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {c.partAmount}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t.ocr}
            </th>
            <th scope="col" className="py-1">
              {c.partStatus}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.parts.map((part) => (
            <tr
              key={part.position}
              className="border-b border-slate-200"
              data-testid="payment-plan-part"
              data-paid={part.paid}
            >
              <td className="py-1 pr-2">{part.position}</td>
              <td className="py-1 pr-2">{formatLongDate(part.dueDate, locale)}</td>
              <td className="py-1 pr-2 text-right">{money(part.amountOre)}</td>
              <td className="py-1 pr-2">
                <span className="font-mono">{part.ocr}</span>
                {part.paid ? null : (
                  <CopyButton
                    value={part.ocr}
                    label={t.copyLabel(`${t.ocr} ${c.part.toLowerCase()} ${part.position}`)}
                    copiedText={t.copied}
                    text={t.copy}
                  />
                )}
              </td>
              <td className="py-1">{part.paid ? c.partPaid : c.partUnpaid}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
