import { DASH, money, segmentLabel } from "@/components/receivables/receivables-format";
import type { SegmentFigures } from "@/lib/receivables/dashboard";

/**
 * The lifetime-value estimate per segment, with its inputs beside it so the reader sees what it
 * rests on (and how thin it is for a segment of three customers).
 */
export function LifetimeValueTable({
  segments,
  marginPercent,
}: {
  segments: SegmentFigures[];
  marginPercent: number;
}) {
  if (segments.length === 0) {
    return <p className="text-sm text-slate-700">No customers in this filter yet.</p>;
  }
  const cell = "whitespace-nowrap p-2 text-right";
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm tabular-nums" data-testid="lifetime-value">
        <caption className="p-2 text-left font-semibold">
          Customer lifetime value, estimated at a {marginPercent} % margin
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              Segment
            </th>
            <th scope="col" className="p-2">
              Kind
            </th>
            <th scope="col" className={cell}>
              Customers (left)
            </th>
            <th scope="col" className={cell}>
              Invoiced per customer-month
            </th>
            <th scope="col" className={cell}>
              Average tenure
            </th>
            <th scope="col" className={cell}>
              Lifetime value (estimate)
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
                {segmentLabel(segment.segment)}
              </th>
              <td className="p-2">{segment.isBusiness ? "Businesses" : "Consumers"}</td>
              <td className={cell}>
                {segment.customers} ({segment.leftCustomers})
              </td>
              <td className={cell}>{money(segment.monthlyInvoicedOre)}</td>
              <td className={cell}>
                {segment.tenureMonths === null ? DASH : `${segment.tenureMonths.toFixed(1)} months`}
              </td>
              <td className={`${cell} font-semibold`}>{money(segment.lifetimeValueOre)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
