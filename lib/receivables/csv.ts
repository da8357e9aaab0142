import { csvCell } from "@/lib/content/analytics/csv";
import { formatCalendarDate } from "@/lib/dates/calendar-date";
import type { ReceivablesDashboard, ReceivablesFigures } from "@/lib/receivables/dashboard";
import { per100, shareOf } from "@/lib/receivables/figures";
import { NO_SEGMENT } from "@/lib/receivables/receivables-query";

/**
 * The dashboard's figures per period as CSV, and a last row for the whole range: amounts in öre,
 * shares as 0–1 (a spreadsheet formats them), every cell through the content analytics' csvCell
 * (formula-looking text is quoted: CSV injection).
 */
const COLUMNS: Array<[string, (figures: ReceivablesFigures) => string | number | null]> = [
  ["from", (f) => f.from],
  ["to", (f) => f.to],
  ["days", (f) => f.days],
  ["invoices", (f) => f.invoices],
  ["issued_ore", (f) => f.issuedOre],
  ["on_time_decided", (f) => f.onTimeDecided],
  ["paid_on_time", (f) => f.paidOnTime],
  ["paid_on_time_share", (f) => shareOf(f.paidOnTime, f.onTimeDecided)],
  ["paid_in_full", (f) => f.paidInFull],
  ["median_days_to_pay", (f) => f.medianDaysToPay?.days ?? null],
  ["outstanding_at_end_ore", (f) => f.outstandingOre],
  ["dso_days", (f) => f.dsoDays],
  ["reached_reminder", (f) => f.reachedReminder],
  ["reached_reminder_share", (f) => shareOf(f.reachedReminder, f.invoices)],
  ["reached_handover", (f) => f.reachedHandover],
  ["reached_handover_share", (f) => shareOf(f.reachedHandover, f.invoices)],
  ["fees_charged_ore", (f) => f.feesChargedOre],
  ["fees_waived_ore", (f) => f.feesWaivedOre],
  ["fees_paid_ore", (f) => f.feesPaidOre],
  ["interest_charged_ore", (f) => f.interestChargedOre],
  ["interest_waived_ore", (f) => f.interestWaivedOre],
  ["interest_paid_ore", (f) => f.interestPaidOre],
  ["refunded_ore", (f) => f.refundedOre],
  ["credited_ore", (f) => f.creditedOre],
  ["credited_invoices", (f) => f.creditedInvoices],
  ["support_contacts", (f) => f.supportContacts],
  ["support_contacts_per_100_invoices", (f) => per100(f.supportContacts, f.invoices)],
  ["invoices_with_contact", (f) => f.invoicesWithContact],
  ["churn_after_reminder_decided", (f) => f.churnRemindedDecided],
  ["churn_after_reminder", (f) => f.churnRemindedChurned],
  ["churn_after_reminder_share", (f) => shareOf(f.churnRemindedChurned, f.churnRemindedDecided)],
  ["churn_without_reminder_decided", (f) => f.churnUnremindedDecided],
  ["churn_without_reminder", (f) => f.churnUnremindedChurned],
  [
    "churn_without_reminder_share",
    (f) => shareOf(f.churnUnremindedChurned, f.churnUnremindedDecided),
  ],
  ["ledger_movement_ore", (f) => f.ledgerNetOre],
];

export function receivablesToCsv(dashboard: ReceivablesDashboard): string {
  const segment =
    dashboard.filter.segment === null ? "all" : dashboard.filter.segment || "(no segment)";
  const kind =
    dashboard.filter.isBusiness === null
      ? "all"
      : dashboard.filter.isBusiness
        ? "business"
        : "consumer";
  const lead = (period: string) => [period, segment, kind];
  const rows = [
    ...dashboard.periods.map((figures) => [
      ...lead(figures.label),
      ...COLUMNS.map(([, cell]) => cell(figures)),
    ]),
    [...lead("total"), ...COLUMNS.map(([, cell]) => cell(dashboard.total))],
  ];
  const header = ["period", "segment", "customer_kind", ...COLUMNS.map(([name]) => name)];
  // CRLF per RFC 4180, which is what spreadsheet imports expect.
  return [header.join(","), ...rows.map((row) => row.map(csvCell).join(","))]
    .join("\r\n")
    .concat("\r\n");
}

/** receivables-<period>-<from>-to-<to>[-<segment>][-<kind>].csv, in safe characters only. */
export function receivablesFileName(dashboard: ReceivablesDashboard): string {
  const { filter } = dashboard;
  const parts = [
    "receivables",
    filter.period,
    formatCalendarDate(filter.from),
    "to",
    formatCalendarDate(filter.to),
    filter.segment === null ? "" : filter.segment || NO_SEGMENT,
    filter.isBusiness === null ? "" : filter.isBusiness ? "business" : "consumer",
  ];
  return `${parts
    .filter(Boolean)
    .join("-")
    .normalize("NFKD")
    // Accents off (ö → o), then anything but letters, digits, _ and - becomes a dash.
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 120)}.csv`;
}
