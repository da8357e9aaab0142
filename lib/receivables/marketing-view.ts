import type {
  PeriodFigures,
  ReceivablesDashboard,
  ReceivablesFigures,
} from "@/lib/receivables/dashboard";

/**
 * The marketers' part of the dashboard: support load, churn after reminders and the collection
 * experiments — what a message's tone and timing do to customers — without the money (amounts,
 * fees, DSO), which stays with finance.
 */
const MARKETING_FIELDS = [
  "from",
  "to",
  "days",
  "invoices",
  "reachedReminder",
  "reachedHandover",
  "supportContacts",
  "invoicesWithContact",
  "churnRemindedDecided",
  "churnRemindedChurned",
  "churnUnremindedDecided",
  "churnUnremindedChurned",
] as const satisfies ReadonlyArray<keyof ReceivablesFigures>;

export type MarketingFigures = Pick<ReceivablesFigures, (typeof MARKETING_FIELDS)[number]>;

export interface MarketingReceivables
  extends Pick<ReceivablesDashboard, "filter" | "segmentNames" | "experiments" | "refreshedAt"> {
  periods: Array<MarketingFigures & Pick<PeriodFigures, "period" | "label">>;
  total: MarketingFigures;
}

const pick = (figures: ReceivablesFigures): MarketingFigures =>
  Object.fromEntries(MARKETING_FIELDS.map((field) => [field, figures[field]])) as MarketingFigures;

export function marketingView(dashboard: ReceivablesDashboard): MarketingReceivables {
  return {
    filter: dashboard.filter,
    segmentNames: dashboard.segmentNames,
    experiments: dashboard.experiments,
    refreshedAt: dashboard.refreshedAt,
    periods: dashboard.periods.map((period) => ({
      period: period.period,
      label: period.label,
      ...pick(period),
    })),
    total: pick(dashboard.total),
  };
}
