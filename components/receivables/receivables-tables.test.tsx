import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { kronor } from "@/components/finance/finance-labels";
import { ExperimentResultsTable } from "@/components/receivables/experiment-results-table";
import { FinanceReceivables } from "@/components/receivables/finance-receivables";
import { MarketingReceivables } from "@/components/receivables/marketing-receivables";
import { ReceivablesMoneyTable } from "@/components/receivables/receivables-tables";
import { rateOf } from "@/lib/content/analytics/wilson-interval";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import {
  type PeriodFigures,
  type ReceivablesFigures,
  SUM_COLUMNS,
} from "@/lib/receivables/dashboard";
import { marketingView } from "@/lib/receivables/marketing-view";
import type { ReceivablesFilter } from "@/lib/receivables/receivables-query";

const figures = (overrides: Partial<ReceivablesFigures> = {}): ReceivablesFigures => ({
  ...(Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as Record<
    (typeof SUM_COLUMNS)[number],
    number
  >),
  from: "2026-01-01",
  to: "2026-01-31",
  days: 31,
  outstandingOre: 0,
  dsoDays: null,
  medianDaysToPay: null,
  ...overrides,
});

const january: PeriodFigures = {
  period: "2026-01-01",
  label: "2026-01",
  ...figures({
    invoices: 4,
    issuedOre: 5_000_000,
    onTimeDecided: 4,
    paidOnTime: 3,
    outstandingOre: 1_000_000,
    dsoDays: 6.2,
    medianDaysToPay: { days: 12, atLeast: false },
    feesChargedOre: 12_000,
    feesPaidOre: 6_000,
    supportContacts: 3,
    invoicesWithContact: 1,
    churnRemindedDecided: 2,
    churnRemindedChurned: 1,
  }),
};

const FILTER: ReceivablesFilter = {
  period: "month",
  from: parseCalendarDate("2026-01-01"),
  to: parseCalendarDate("2026-01-31"),
  segment: null,
  isBusiness: null,
  marginPercent: 30,
};

describe("the receivables tables", () => {
  it("show each period's money in kronor and shares with their counts, and the range's total", () => {
    const html = renderToStaticMarkup(
      createElement(ReceivablesMoneyTable, {
        locale: "en",
        periods: [january],
        total: figures({ invoices: 4, to: "2026-03-31" }),
      }),
    );
    expect(html).toContain("<caption");
    const row = html.split('data-testid="receivables-money-row"')[1]!;
    expect(row).toContain("2026-01");
    expect(row).toContain(kronor(5_000_000));
    expect(row).toContain("75.0 % (3 of 4)");
    expect(row).toContain("12 days");
    expect(row).toContain("6.2 days");
    expect(row).toContain(`${kronor(12_000)} / ${kronor(0)} / ${kronor(6_000)}`);
    expect(html).toContain("2026-01-01 – 2026-03-31");
  });

  it("give finance everything, with the filters in the form and the CSV link", () => {
    const html = renderToStaticMarkup(
      createElement(FinanceReceivables, {
        locale: "en",
        dashboard: {
          filter: { ...FILTER, segment: "", isBusiness: true, marginPercent: 25 },
          periods: [january],
          total: january,
          segments: [],
          segmentNames: ["", "privat"],
          experiments: [],
          refreshedAt: null,
        },
        action: "/finance",
        problem: "period is month or week",
      }),
    );
    expect(html).toContain(
      'href="/api/finance/receivables.csv?period=month&amp;from=2026-01-01&amp;to=2026-01-31&amp;segment=__none__&amp;kind=business&amp;margin=25"',
    );
    expect(html).toContain('action="/finance"');
    expect(html).toMatch(/<option value="__none__" selected="">\(no segment\)<\/option>/);
    expect(html).toContain('name="margin"');
    expect(html).toContain("assumed margin of 25 %");
    expect(html).toContain("Not computed yet");
    expect(html).toContain("period is month or week");
    expect(html).toContain("Recompute now");
    expect(html).toContain('data-testid="chart-dso"');
    expect(html).toContain(kronor(5_000_000));
  });

  it("give marketing support and churn, never money", () => {
    const view = marketingView({
      filter: FILTER,
      periods: [january],
      total: january,
      segments: [],
      segmentNames: ["privat"],
      experiments: [],
      refreshedAt: new Date("2026-02-01T03:40:00Z"),
    });
    const html = renderToStaticMarkup(
      createElement(MarketingReceivables, {
        locale: "en",
        view,
        action: "/marketing/receivables",
        problem: null,
      }),
    );
    expect(html).toContain("75.0"); // 3 contacts per 4 invoices
    expect(html).toContain("50.0 % (1 of 2)");
    expect(html).not.toMatch(/\skr\b/);
    expect(html).not.toMatch(/DSO|Invoiced|margin/);
    expect(html).toContain("Figures as of 2026-02-01 04:40");
    expect(html).toContain('action="/marketing/receivables"');
  });

  it("set variants side by side with their intervals", () => {
    const variant = (key: string, paid: number) => ({
      key,
      name: key === "A" ? "Vänlig" : null,
      weight: key === "A" ? 50 : null,
      actions: 40,
      paidWithin14: rateOf(paid, 40),
      reachedNextStep: rateOf(4, 40),
      contacted: rateOf(0, 0),
      contactsPer100: null,
      churned: rateOf(1, 40),
      averageReward: 0.55,
      rewards: 40,
    });
    const html = renderToStaticMarkup(
      createElement(ExperimentResultsTable, {
        locale: "en",
        steps: [
          {
            stepId: "s",
            policyName: "Standard",
            stepNumber: 2,
            stepKind: "REMINDER",
            experimentMode: "LEARNING",
            variants: [variant("A", 30), variant("B", 20)],
          },
        ],
      }),
    );
    expect(html).toContain("Standard, step 2: Reminder (learning)");
    expect(html).toContain("A: Vänlig · 50 %");
    expect(html).toContain("B (removed)");
    expect(html).toMatch(/75\.0 % \(\d+\.\d–\d+\.\d %\) · n 40/);
    expect(html).toContain("55.0 % · n 40");
    expect(
      renderToStaticMarkup(
        createElement(ExperimentResultsTable, {
          locale: "en",
          steps: [],
        }),
      ),
    ).toContain("No collection step with variants");
  });
});
