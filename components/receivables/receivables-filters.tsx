import { segmentLabel } from "@/components/receivables/receivables-format";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import { NO_SEGMENT, type ReceivablesFilter } from "@/lib/receivables/receivables-query";

/**
 * The dashboard's filters as a plain GET form: the URL is the state (a view can be linked,
 * bookmarked and reloaded) and no JavaScript is needed. The field names are the query schema's
 * (lib/receivables/receivables-query.ts), which the page parses them with.
 */
export function ReceivablesFilters({
  action,
  filter,
  segmentNames,
  showMargin,
}: {
  action: string;
  filter: ReceivablesFilter;
  segmentNames: string[];
  /** The lifetime-value margin: only where the money figures are shown. */
  showMargin: boolean;
}) {
  const segmentValue = filter.segment === null ? "" : filter.segment || NO_SEGMENT;
  const named = segmentNames.filter((name) => name !== "").sort((a, b) => a.localeCompare(b, "sv"));
  // A segment in the URL that no customer has (any longer) stays selectable, so the form says
  // what is shown.
  if (filter.segment && !named.includes(filter.segment)) named.push(filter.segment);
  const field = "flex flex-col gap-1 text-sm";
  const input = "rounded border border-slate-400 bg-white px-2 py-1";
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3"
      aria-label="Receivables filters"
      data-testid="receivables-filters"
    >
      <label className={field}>
        Per
        <select name="period" defaultValue={filter.period} className={input}>
          <option value="month">Month</option>
          <option value="week">Week</option>
        </select>
      </label>
      <label className={field}>
        From (issued)
        <input
          type="date"
          name="from"
          defaultValue={formatCalendarDate(filter.from)}
          className={input}
        />
      </label>
      <label className={field}>
        To
        <input
          type="date"
          name="to"
          defaultValue={formatCalendarDate(filter.to)}
          className={input}
        />
      </label>
      <label className={field}>
        Segment
        <select name="segment" defaultValue={segmentValue} className={input}>
          <option value="">All segments</option>
          {named.map((name) => (
            <option key={name} value={name}>
              {segmentLabel(name)}
            </option>
          ))}
          <option value={NO_SEGMENT}>{segmentLabel("")}</option>
        </select>
      </label>
      <label className={field}>
        Customers
        <select
          name="kind"
          defaultValue={
            filter.isBusiness === null ? "all" : filter.isBusiness ? "business" : "consumer"
          }
          className={input}
        >
          <option value="all">Consumers and businesses</option>
          <option value="consumer">Consumers</option>
          <option value="business">Businesses</option>
        </select>
      </label>
      {showMargin ? (
        <label className={field}>
          Assumed margin (%)
          <input
            type="number"
            name="margin"
            min={1}
            max={100}
            step={1}
            defaultValue={filter.marginPercent}
            className={`${input} w-24`}
          />
        </label>
      ) : null}
      <button
        type="submit"
        className="rounded bg-blue-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-900"
      >
        Show
      </button>
    </form>
  );
}
