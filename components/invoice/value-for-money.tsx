import type { Locale } from "@/lib/db/generated/client";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { showValueFact } from "@/lib/invoice-page/value-facts";
import { formatMoney } from "@/lib/money/money";
import { basisLabel, mainVatRate, priceBasisOf } from "@/lib/usage/price-basis";

/**
 * What the customer got beside what they paid. Every figure is a value fact stored with the
 * invoice; the page only lays them out at a readable precision, puts money on the customer's
 * price basis (value-facts.ts) and says in words how each compares.
 */
export function ValueForMoney({
  data,
  locale,
  t,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
}) {
  if (data.valueFacts.length === 0) return null;
  const basis = priceBasisOf(data.customer);
  const vatRate = mainVatRate(data.totals.vatGroups);
  // What the invoice costs on the same basis as the figures below it: the total to pay for a
  // consumer, the net for a business.
  const price = basis === "incl-vat" ? data.totals.totalOre : data.totals.netOre;
  return (
    <section aria-labelledby="value-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="value-heading" className="text-xl font-semibold">
        {t.value.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="value-price">
        {t.value.price}:{" "}
        <strong className="text-slate-900">{formatMoney(price, { locale })}</strong>{" "}
        {basisLabel(basis, locale)}
      </p>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="value-facts">
        {data.valueFacts.map((fact) => {
          const shown = showValueFact(fact, { locale, t, basis, vatRate });
          return (
            <li key={fact.key} className="rounded border border-slate-200 p-3" data-fact={fact.key}>
              <p className="text-sm text-slate-700">{shown.label}</p>
              <p className="text-2xl font-semibold tabular-nums" data-testid="value-fact-value">
                {shown.value}
                {shown.basis ? (
                  <span className="ml-1 text-sm font-normal text-slate-700">{shown.basis}</span>
                ) : null}
              </p>
              {shown.comparison ? (
                <>
                  <p className="text-sm text-slate-700">
                    {shown.comparison.label}: {shown.comparison.value}
                  </p>
                  <p className="mt-1 text-sm font-semibold" data-testid="value-verdict">
                    {shown.comparison.verdict}
                  </p>
                  {shown.comparison.bars ? (
                    // Both on one scale: the longer of the two fills the width, nothing is capped.
                    <div aria-hidden="true" className="mt-2 space-y-1">
                      <div
                        className="h-2 rounded"
                        data-bar="value"
                        style={{
                          width: `${shown.comparison.bars.value}%`,
                          backgroundColor: data.organization.brandColor,
                        }}
                      />
                      <div
                        className="h-2 rounded bg-slate-400"
                        data-bar="comparison"
                        style={{ width: `${shown.comparison.bars.comparison}%` }}
                      />
                    </div>
                  ) : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
