import { formatCalendarDate } from "@/lib/dates/calendar-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import type { CustomerInvoiceView } from "@/lib/invoices/customer-invoice-view";
import { lineNetOre } from "@/lib/invoices/totals";
import { formatMoney, formatMoneyPlain, formatQuantity } from "@/lib/money/money";
import { formatBankgiro, formatPlusgiro } from "@/lib/references/giro";
import { formatOrgNumber } from "@/lib/references/org-number";

/**
 * The invoice with everything Swedish law asks of it (ML 2023:200 ch. 17), server-rendered.
 * The customer invoice page issue turns this into the full interactive page.
 */
export function PlainInvoice({ view }: { view: CustomerInvoiceView }) {
  const { invoice, totals } = view;
  const locale = invoice.customer.locale;
  const t = invoiceMessages[locale];
  const org = invoice.organization;
  const money = (ore: number) => formatMoney(ore, { locale });
  const statusKey = view.isPartlyPaid ? "PARTLY_PAID" : invoice.status;
  return (
    <main lang={locale} className="mx-auto max-w-3xl px-4 py-8">
      <header className="border-b-4 pb-4" style={{ borderColor: org.brandColor }}>
        <p className="text-sm text-slate-600">{org.name}</p>
        <h1 className="text-2xl font-bold">
          {invoice.kind === "CREDIT_NOTE" ? t.creditNote : t.invoice} {invoice.number}
        </h1>
        <p className="mt-2">{t.hello(invoice.customer.name)}</p>
        <p className="mt-4 text-sm text-slate-600">{t.toPay}</p>
        <p className="text-4xl font-bold tabular-nums" data-testid="amount-to-pay">
          {money(Math.max(view.balanceOre, 0))}
        </p>
        <p className="mt-2">
          <span
            className="rounded bg-slate-200 px-2 py-1 text-sm font-medium"
            data-testid="invoice-status"
          >
            {t.status[statusKey]}
          </span>
          {invoice.dueDate ? (
            <span className="ml-3">
              {t.dueDate}: {formatCalendarDate(invoice.dueDate)}
            </span>
          ) : null}
        </p>
        <p className="mt-3 text-sm text-slate-700">{t.payLater}</p>
      </header>

      <section className="mt-6 grid gap-2 sm:grid-cols-2" aria-label={t.invoiceNumber}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt>{t.invoiceNumber}</dt>
          <dd data-testid="invoice-number">{invoice.number}</dd>
          <dt>{t.issueDate}</dt>
          <dd>{invoice.issueDate ? formatCalendarDate(invoice.issueDate) : ""}</dd>
          <dt>{t.period}</dt>
          <dd>
            {formatCalendarDate(invoice.periodStart)} – {formatCalendarDate(invoice.periodEnd)}
          </dd>
          {invoice.ocr ? (
            <>
              <dt>{t.ocr}</dt>
              <dd data-testid="ocr">{invoice.ocr}</dd>
            </>
          ) : null}
          {org.bankgiro ? (
            <>
              <dt>{t.bankgiro}</dt>
              <dd>{formatBankgiro(org.bankgiro)}</dd>
            </>
          ) : null}
          {org.plusgiro ? (
            <>
              <dt>{t.plusgiro}</dt>
              <dd>{formatPlusgiro(org.plusgiro)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <table className="mt-6 w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th className="py-2 pr-2">{t.description}</th>
            <th className="py-2 pr-2 text-right">{t.quantity}</th>
            <th className="py-2 pr-2 text-right">{t.unitPrice}</th>
            <th className="py-2 pr-2 text-right">{t.vatRate}</th>
            <th className="py-2 text-right">{t.amount}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-200">
              <td className="py-2 pr-2">
                {(locale === "en" && line.descriptionEn) || line.description}
                {line.periodStart && line.periodEnd ? (
                  <span className="block text-xs text-slate-600">
                    {formatCalendarDate(line.periodStart)} – {formatCalendarDate(line.periodEnd)}
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-2 text-right tabular-nums">
                {formatQuantity(line.quantityMilli, locale)} {line.unit}
              </td>
              <td className="py-2 pr-2 text-right tabular-nums">
                {formatMoneyPlain(line.unitPriceOre, locale)}
              </td>
              <td className="py-2 pr-2 text-right">{line.vatRate} %</td>
              <td className="py-2 text-right tabular-nums">
                {formatMoneyPlain(lineNetOre(line), locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="mt-4 ml-auto text-sm" data-testid="vat-summary">
        <thead>
          <tr>
            <th className="px-2 text-left">{t.vatRate}</th>
            <th className="px-2 text-right">{t.taxable}</th>
            <th className="px-2 text-right">{t.vat}</th>
          </tr>
        </thead>
        <tbody>
          {totals.vatGroups.map((group) => (
            <tr key={group.vatRate}>
              <td className="px-2">{group.vatRate} %</td>
              <td className="px-2 text-right tabular-nums">{money(group.netOre)}</td>
              <td className="px-2 text-right tabular-nums">{money(group.vatOre)}</td>
            </tr>
          ))}
          {totals.roundingOre !== 0 ? (
            <tr>
              <td className="px-2" colSpan={2}>
                {t.rounding}
              </td>
              <td className="px-2 text-right tabular-nums">{money(totals.roundingOre)}</td>
            </tr>
          ) : null}
          <tr className="border-t border-slate-400 font-bold">
            <td className="px-2" colSpan={2}>
              {t.total}
            </td>
            <td className="px-2 text-right tabular-nums" data-testid="invoice-total">
              {money(totals.totalOre)}
            </td>
          </tr>
        </tbody>
      </table>

      <section className="mt-8 grid gap-6 text-sm sm:grid-cols-2">
        <div>
          <h2 className="font-semibold">{t.seller}</h2>
          <p>{org.name}</p>
          <p>{org.addressLine1}</p>
          {org.addressLine2 ? <p>{org.addressLine2}</p> : null}
          <p>
            {org.postalCode} {org.city}
          </p>
          <p>
            {t.orgNumber} {formatOrgNumber(org.orgNumber)}
          </p>
          <p>
            {t.vatNumber} {org.vatNumber}
          </p>
          {org.hasFSkatt ? <p>{t.fSkatt}</p> : null}
        </div>
        <div>
          <h2 className="font-semibold">{t.buyer}</h2>
          <p>{invoice.customer.name}</p>
          <p>{invoice.customer.addressLine1}</p>
          {invoice.customer.addressLine2 ? <p>{invoice.customer.addressLine2}</p> : null}
          <p>
            {invoice.customer.postalCode} {invoice.customer.city}
          </p>
        </div>
      </section>

      <section className="mt-8 text-sm">
        <h2 className="font-semibold">{t.timeline}</h2>
        <ol className="mt-2 space-y-1" data-testid="timeline">
          {invoice.events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt.toISOString()}>
                {formatCalendarDate(event.occurredAt)}
              </time>{" "}
              {t.events[event.type] ?? event.type}
              {event.customerText ? ` — ${event.customerText}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
