import { DASH, money, segmentLabel } from "@/components/receivables/receivables-format";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
import type { SegmentFigures } from "@/lib/receivables/dashboard";

/**
 * The lifetime-value estimate per segment, with its inputs beside it so the reader sees what it
 * rests on (and how thin it is for a segment of three customers).
 */
export function LifetimeValueTable({
  segments,
  marginPercent,
  locale,
}: {
  segments: SegmentFigures[];
  marginPercent: number;
  locale: Locale;
}) {
  const m = receivablesMessages[locale];
  const t = m.lifetime;
  if (segments.length === 0) {
    return <p className="text-sm text-slate-700">{t.empty}</p>;
  }
  const cell = "whitespace-nowrap p-2 text-right";
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid="lifetime-value">
        <caption className="p-2 text-left font-semibold">{t.caption(marginPercent)}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              {t.segment}
            </th>
            <th scope="col" className="p-2">
              {t.kind}
            </th>
            <th scope="col" className={cell}>
              {t.customers}
            </th>
            <th scope="col" className={cell}>
              {t.perMonth}
            </th>
            <th scope="col" className={cell}>
              {t.tenure}
            </th>
            <th scope="col" className={cell}>
              {t.value}
            </th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr
              key={`${segment.segment}|${segment.isBusiness}`}
              className="border-b border-slate-100"
              data-testid="lifetime-value-row"
            >
              <th scope="row" className="p-2 font-normal">
                {segmentLabel(segment.segment, locale)}
              </th>
              <td className="p-2">{segment.isBusiness ? m.businesses : m.consumers}</td>
              <td className={cell}>
                {segment.customers} ({segment.leftCustomers})
              </td>
              <td className={cell}>{money(segment.monthlyInvoicedOre)}</td>
              <td className={cell}>
                {segment.tenureMonths === null ? DASH : m.months(segment.tenureMonths.toFixed(1))}
              </td>
              <td className={`${cell} font-semibold`}>{money(segment.lifetimeValueOre)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
