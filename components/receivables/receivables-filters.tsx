import { segmentLabel } from "@/components/receivables/receivables-format";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";
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
  locale,
}: {
  action: string;
  locale: Locale;
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
  const t = receivablesMessages[locale].filters;
  const field = "flex flex-col gap-1 text-sm";
  const input = "rounded border border-slate-400 bg-white px-2 py-1";
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3"
      aria-label={t.label}
      data-testid="receivables-filters"
    >
      <label className={field}>
        {t.per}
        <select name="period" defaultValue={filter.period} className={input}>
          <option value="month">{t.month}</option>
          <option value="week">{t.week}</option>
        </select>
      </label>
      <label className={field}>
        {t.from}
        <input
          type="date"
          name="from"
          defaultValue={formatCalendarDate(filter.from)}
          className={input}
        />
      </label>
      <label className={field}>
        {t.to}
        <input
          type="date"
          name="to"
          defaultValue={formatCalendarDate(filter.to)}
          className={input}
        />
      </label>
      <label className={field}>
        {t.segment}
        <select name="segment" defaultValue={segmentValue} className={input}>
          <option value="">{t.allSegments}</option>
          {named.map((name) => (
            <option key={name} value={name}>
              {segmentLabel(name, locale)}
            </option>
          ))}
          <option value={NO_SEGMENT}>{segmentLabel("", locale)}</option>
        </select>
      </label>
      <label className={field}>
        {t.customers}
        <select
          name="kind"
          defaultValue={
            filter.isBusiness === null ? "all" : filter.isBusiness ? "business" : "consumer"
          }
          className={input}
        >
          <option value="all">{t.all}</option>
          <option value="consumer">{t.consumers}</option>
          <option value="business">{t.businesses}</option>
        </select>
      </label>
      {showMargin ? (
        <label className={field}>
          {t.margin}
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
        {t.show}
      </button>
    </form>
  );
}
