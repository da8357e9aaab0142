import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { receivablesFileName, receivablesToCsv } from "@/lib/receivables/csv";
import {
  type ReceivablesDashboard,
  type ReceivablesFigures,
  SUM_COLUMNS,
} from "@/lib/receivables/dashboard";

const figures = (overrides: Partial<ReceivablesFigures>): ReceivablesFigures => ({
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

const dashboard = (segment: string | null): ReceivablesDashboard => ({
  filter: {
    period: "month",
    from: parseCalendarDate("2026-01-01"),
    to: parseCalendarDate("2026-01-31"),
    segment,
    isBusiness: false,
    marginPercent: 30,
  },
  periods: [
    {
      period: "2026-01-01",
      label: "2026-01",
      ...figures({
        invoices: 4,
        issuedOre: 50_000,
        onTimeDecided: 3,
        paidOnTime: 1,
        outstandingOre: 10_000,
        dsoDays: 6.2,
        medianDaysToPay: { days: 30.5, atLeast: false },
        supportContacts: 3,
      }),
    },
  ],
  total: figures({ invoices: 4, issuedOre: 50_000 }),
  segments: [],
  segmentNames: [],
  experiments: [],
  refreshedAt: null,
});

describe("the receivables CSV", () => {
  it("has one row per period and a total, amounts in öre and shares as 0–1", () => {
    const lines = receivablesToCsv(dashboard("privat")).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe("");
    const header = lines[0]!.split(",");
    const january = Object.fromEntries(header.map((name, i) => [name, lines[1]!.split(",")[i]]));
    expect(january).toMatchObject({
      period: "2026-01",
      segment: "privat",
      customer_kind: "consumer",
      invoices: "4",
      issued_ore: "50000",
      paid_on_time_share: "0.3333",
      median_days_to_pay: "30.5000",
      outstanding_at_end_ore: "10000",
      dso_days: "6.2000",
      support_contacts_per_100_invoices: "75",
      churn_after_reminder_share: "",
    });
    expect(lines[2]!.startsWith("total,privat,consumer,2026-01-01,2026-01-31,31,4,50000,")).toBe(
      true,
    );
  });

  it("quotes a segment name that a spreadsheet would run as a formula", () => {
    const csv = receivablesToCsv(dashboard('=HYPERLINK("http://evil.example","x")'));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("names the file by its filter in safe characters", () => {
    expect(receivablesFileName(dashboard("företag/öst"))).toBe(
      "receivables-month-2026-01-01-to-2026-01-31-foretag-ost-consumer.csv",
    );
    expect(receivablesFileName(dashboard(null))).toBe(
      "receivables-month-2026-01-01-to-2026-01-31-consumer.csv",
    );
  });
});
