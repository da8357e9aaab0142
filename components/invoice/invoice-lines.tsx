import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate, formatShortDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import { displayUnit } from "@/lib/i18n/units";
import { groupInvoiceLines } from "@/lib/invoice-page/line-groups";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { safeFormat } from "@/lib/invoice-page/safe-format";
import { formatMoney, formatMoneyPlain, formatQuantity, formatUnitPrice } from "@/lib/money/money";

/**
 * Line items grouped by kind — each with its unit price per unit ("43,90 öre/kWh", four decimals
 * of a krona where it has them), its discount and, at 0 %, the legal reason for no VAT (ML 17 kap.
 * 24 §; in English on an English page where it is a known legal reason) — then VAT per rate,
 * öresutjämning, what is left to pay and the credit notes that changed the invoice.
 */
export function InvoiceLines({
  data,
  locale,
  t,
  hrefFor = () => null,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
  /** The page of another of the customer's documents, by number. */
  hrefFor?: (number: number) => string | null;
}) {
  const money = (ore: number) => safeFormat(() => formatMoney(ore, { locale }));
  const groups = groupInvoiceLines(data.lines);
  const { totals, ledger } = data;
  const isCreditNote = data.invoice.kind === "CREDIT_NOTE";
  const exemptions = [
    ...new Set(
      data.lines.flatMap((line) =>
        line.vatRate === 0 && line.vatExemptionReason ? [line.vatExemptionReason] : [],
      ),
    ),
  ];
  return (
    <section aria-labelledby="lines-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="lines-heading" className="text-xl font-semibold">
        {t.lines.heading}
      </h2>
      {/*
        On a phone the quantity and unit price move into the description's cell, so the table
        fits 360 px with nothing scrolled out of sight; should a long word still not fit, the
        table scrolls sideways, and keyboard users must be able to scroll it too.
      */}
      <section
        className="mt-3 overflow-x-auto"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to be scrolled by keyboard (WCAG 2.1.1)
        tabIndex={0}
        aria-labelledby="lines-heading"
      >
        <table
          className="w-full border-collapse text-left text-sm sm:min-w-[32rem]"
          data-testid="invoice-lines"
        >
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="py-2 pr-2 font-medium">
                {t.lines.description}
              </th>
              <th scope="col" className="hidden py-2 pr-2 text-right font-medium sm:table-cell">
                {t.lines.quantity}
              </th>
              <th scope="col" className="hidden py-2 pr-2 text-right font-medium sm:table-cell">
                {t.lines.unitPrice}
              </th>
              <th scope="col" className="py-2 pr-2 text-right font-medium">
                {t.lines.vatRate}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t.lines.amount}
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.kind}>
              <tr>
                <th
                  scope="rowgroup"
                  colSpan={5}
                  className="pt-3 pb-1 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase"
                >
                  {t.lines.groups[group.kind]}
                </th>
              </tr>
              {group.lines.map((line) => {
                const quantity = `${safeFormat(() => formatQuantity(line.quantityMilli, locale))} ${displayUnit(line.unit, locale)}`;
                // Per unit, as energy invoices print it: "43,90 öre/kWh".
                const unitPrice = safeFormat(() =>
                  formatUnitPrice(line.unitPriceCentiOre, {
                    locale,
                    unit: displayUnit(line.unit, locale),
                  }),
                );
                return (
                  <tr
                    key={line.id}
                    className="border-b border-slate-200 align-top"
                    data-line-kind={line.kind}
                  >
                    <td className="py-2 pr-2">
                      {(locale === "en" && line.descriptionEn) || line.description}
                      <span
                        className="block text-xs text-slate-700 tabular-nums sm:hidden"
                        data-testid="line-quantity-price"
                      >
                        {t.lines.quantityTimesPrice(quantity, unitPrice)}
                      </span>
                      {line.periodStart && line.periodEnd ? (
                        <span className="block text-xs text-slate-700">
                          {formatShortDate(line.periodStart, locale)} –{" "}
                          {formatShortDate(line.periodEnd, locale)}
                        </span>
                      ) : null}
                      {line.discountOre !== 0 ? (
                        <span className="block text-xs text-slate-700" data-testid="line-discount">
                          {t.lines.discount(money(-line.discountOre))}
                        </span>
                      ) : null}
                      {line.vatRate === 0 && line.vatExemptionReason ? (
                        <span className="block text-xs text-slate-700" data-testid="line-no-vat">
                          {t.lines.noVat(line.vatExemptionReason)}
                        </span>
                      ) : null}
                    </td>
                    <td className="hidden py-2 pr-2 text-right whitespace-nowrap tabular-nums sm:table-cell">
                      {quantity}
                    </td>
                    <td
                      className="hidden py-2 pr-2 text-right whitespace-nowrap tabular-nums sm:table-cell"
                      data-testid="unit-price"
                    >
                      {unitPrice}
                    </td>
                    <td className="py-2 pr-2 text-right whitespace-nowrap">{line.vatRate} %</td>
                    <td
                      className="py-2 text-right whitespace-nowrap tabular-nums"
                      data-testid="line-amount"
                      data-ore={line.netOre}
                    >
                      {safeFormat(() => formatMoneyPlain(line.netOre, locale))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </section>

      <table className="mt-4 ml-auto w-full max-w-sm text-sm" data-testid="vat-summary">
        <caption className="sr-only">{t.vat.heading}</caption>
        <thead>
          <tr className="text-slate-700">
            <th scope="col" className="px-1 text-left font-medium">
              {t.vat.rate}
            </th>
            <th scope="col" className="px-1 text-right font-medium">
              {t.vat.taxable}
            </th>
            <th scope="col" className="px-1 text-right font-medium">
              {t.vat.vat}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.vatGroups.map((group) => (
            <tr
              key={group.vatRate}
              data-testid="vat-row"
              data-vat-rate={group.vatRate}
              data-net-ore={group.netOre}
              data-vat-ore={group.vatOre}
            >
              <th scope="row" className="px-1 text-left font-normal">
                {group.vatRate} %
              </th>
              <td className="px-1 text-right tabular-nums">{money(group.netOre)}</td>
              <td className="px-1 text-right tabular-nums">{money(group.vatOre)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {exemptions.length > 0 ? (
        <p className="mt-1 ml-auto max-w-sm text-xs text-slate-700" data-testid="vat-exemptions">
          {exemptions.map((reason) => t.lines.noVat(reason)).join(" · ")}
        </p>
      ) : null}
      <dl className="mt-3 ml-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        <dt>{t.vat.net}</dt>
        <dd className="text-right tabular-nums">{money(totals.netOre)}</dd>
        <dt>{t.vat.totalVat}</dt>
        <dd className="text-right tabular-nums">{money(totals.vatOre)}</dd>
        {totals.roundingOre !== 0 ? (
          <>
            <dt>{t.vat.rounding}</dt>
            <dd
              className="text-right tabular-nums"
              data-testid="rounding"
              data-ore={totals.roundingOre}
            >
              {money(totals.roundingOre)}
            </dd>
          </>
        ) : null}
        <dt className="border-t border-slate-400 pt-1 font-bold">
          {isCreditNote ? t.vat.totalCredited : t.vat.total}
        </dt>
        <dd
          className="border-t border-slate-400 pt-1 text-right font-bold tabular-nums"
          data-testid="invoice-total"
          data-ore={totals.totalOre}
        >
          {money(totals.totalOre)}
        </dd>
        {ledger.paidOre - ledger.refundedOre > 0 ? (
          <>
            <dt>{t.vat.paid}</dt>
            <dd className="text-right tabular-nums">
              {money(-(ledger.paidOre - ledger.refundedOre))}
            </dd>
          </>
        ) : null}
        {ledger.creditedOre > 0 ? (
          <>
            <dt>{t.vat.credited}</dt>
            <dd className="text-right tabular-nums">{money(-ledger.creditedOre)}</dd>
          </>
        ) : null}
        {data.invoice.kind === "INVOICE" ? (
          <>
            <dt className="font-semibold">{t.vat.left}</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="amount-left">
              {money(data.amountDueOre)}
            </dd>
          </>
        ) : null}
      </dl>
      {data.creditNotes.length > 0 ? (
        <div className="mt-4 text-sm">
          <h3 className="font-semibold">{t.creditNotes.heading}</h3>
          <ul className="mt-1 space-y-1" data-testid="credit-notes">
            {data.creditNotes.map((note) => {
              const label = t.creditNotes.item(
                String(note.number),
                note.issueDate ? formatLongDate(note.issueDate, locale) : "",
              );
              const href = note.number !== null ? hrefFor(note.number) : null;
              return (
                <li key={note.id} data-testid="credit-note" data-number={note.number}>
                  {href ? (
                    <a href={href} className="text-blue-800 underline underline-offset-2">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                  : <span data-testid="credit-note-total">{money(note.totalOre)}</span>
                  <span className="block text-xs text-slate-700" data-testid="credit-note-vat">
                    {note.vatGroups
                      .map((group) => t.creditNotes.vatAt(group.vatRate, money(group.vatOre)))
                      .join(" · ")}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
