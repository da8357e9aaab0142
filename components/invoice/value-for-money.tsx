import type { Locale } from "@/lib/db/generated/client";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatMoney, formatQuantity } from "@/lib/money/money";

function formatFact(valueMilli: number, unit: string, locale: Locale): string {
  return `${formatQuantity(valueMilli, locale)}${unit === "%" ? " %" : ` ${unit}`}`;
}

/**
 * What the customer got beside what they paid. Every figure is a value fact stored with the
 * invoice; the page only lays them out and draws the comparison.
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
  return (
    <section aria-labelledby="value-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="value-heading" className="text-xl font-semibold">
        {t.value.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t.value.price}:{" "}
        <strong className="text-slate-900">{formatMoney(data.totals.totalOre, { locale })}</strong>
      </p>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="value-facts">
        {data.valueFacts.map((fact) => {
          const label = locale === "en" ? fact.labelEn : fact.labelSv;
          const comparisonLabel = locale === "en" ? fact.comparisonLabelEn : fact.comparisonLabelSv;
          const share =
            fact.comparisonMilli && fact.comparisonMilli > 0
              ? Math.min(100, Math.round((fact.valueMilli * 100) / fact.comparisonMilli))
              : null;
          return (
            <li key={fact.key} className="rounded border border-slate-200 p-3" data-fact={fact.key}>
              <p className="text-sm text-slate-700">{label}</p>
              <p className="text-2xl font-semibold tabular-nums">
                {formatFact(fact.valueMilli, fact.unit, locale)}
              </p>
              {fact.comparisonMilli !== null && comparisonLabel ? (
                <>
                  <p className="text-sm text-slate-700">
                    {comparisonLabel}: {formatFact(fact.comparisonMilli, fact.unit, locale)}
                  </p>
                  {share !== null ? (
                    <div aria-hidden="true" className="mt-2 h-2 rounded bg-slate-200">
                      <div
                        className="h-2 rounded"
                        style={{
                          width: `${share}%`,
                          backgroundColor: data.organization.brandColor,
                        }}
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
