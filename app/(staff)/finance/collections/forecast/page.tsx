import type { Metadata } from "next";
import Link from "next/link";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { kronor } from "@/components/finance/finance-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { feeReasonText, interestReasonText, pauseReasonText } from "@/lib/collections/charge-words";
import type { FeeReason, InterestReason, PauseReason } from "@/lib/collections/engine";
import { forecastQuerySchema } from "@/lib/collections/forecast-query";
import { channelWord, stepKindWord } from "@/lib/collections/policy-words";
import { forecastCollections, forecastTotals } from "@/lib/collections/run";
import { formatCalendarDate, parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Collections forecast" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CELL = "px-2 py-1.5";

/**
 * The dry run: what the daily runs will do from a day on for some days if nothing else happens
 * (no payment, no pause) — per day and step the invoices, fees and interest, and invoice by
 * invoice each step with what it charges and why, a page at a time.
 */
export default async function ForecastPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/forecast");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" ? [[key, value]] : [],
    ),
  );
  const today = todayInSweden();
  const parsed = forecastQuerySchema.safeParse(raw);
  const problem = parsed.success
    ? parsed.data.from && parsed.data.from < formatCalendarDate(today)
      ? "from is today or later: what already happened is on each invoice's timeline"
      : null
    : parsed.error.issues.map((issue) => issue.message).join("; ");
  const query = parsed.success && !problem ? parsed.data : forecastQuerySchema.parse({});
  const from = query.from ? parseCalendarDate(query.from) : today;
  const db = await getDb();
  const [summary, page, policies] = await Promise.all([
    forecastTotals({ db, organizationId: staff.organizationId, today, from, days: query.days }),
    forecastCollections({
      db,
      organizationId: staff.organizationId,
      today,
      from,
      days: query.days,
      cursor: query.cursor ?? null,
      limit: query.limit,
    }),
    db.collectionPolicy.findMany({
      where: { organizationId: staff.organizationId },
      select: { id: true, name: true },
    }),
  ]);
  const policyName = new Map(policies.map((policy) => [policy.id, policy.name]));
  const fees = summary.totals.reduce((sum, row) => sum + row.feeOre, 0);
  const interest = summary.totals.reduce((sum, row) => sum + row.interestOre, 0);
  const steps = summary.totals.reduce((sum, row) => sum + row.invoices, 0);
  const pageLink = (cursor?: string) =>
    `/finance/collections/forecast?${new URLSearchParams({
      from: formatCalendarDate(from),
      days: String(query.days),
      ...(cursor ? { cursor } : {}),
    })}`;
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/forecast" />
      <h1 className="mt-3 text-2xl font-bold">Forecast</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        What the daily runs will do from {formatCalendarDate(from)} for {query.days} days if no
        payment, dispute or payment plan changes anything. Nothing here is sent or charged.
      </p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">From</span>
          <input
            type="date"
            name="from"
            min={formatCalendarDate(today)}
            defaultValue={formatCalendarDate(from)}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Days (1–90)</span>
          <input
            type="number"
            name="days"
            min={1}
            max={90}
            defaultValue={query.days}
            className="w-24 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 font-semibold text-white">
          Show
        </button>
      </form>
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {problem}. Showing the next {query.days} days from today instead.
        </p>
      ) : null}

      <h2 className="mt-6 text-lg font-semibold">Per day and step</h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="forecast-summary">
        {summary.invoices} invoices · {steps} steps · fees {kronor(fees)} · interest{" "}
        {kronor(interest)}
        {summary.paused > 0 ? ` · ${summary.paused} held by a pause` : ""}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Steps per day, step kind, policy and variant</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                Day
              </th>
              <th scope="col" className={CELL}>
                Step
              </th>
              <th scope="col" className={CELL}>
                Policy
              </th>
              <th scope="col" className={CELL}>
                Variant
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Invoices
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Fees
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Interest
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.totals.length === 0 ? (
              <tr>
                <td colSpan={7} className={`${CELL} text-slate-600`}>
                  No step falls in these days.
                </td>
              </tr>
            ) : null}
            {summary.totals.map((row) => (
              <tr
                key={`${row.date}|${row.kind}|${row.policyId}|${row.variant ?? ""}`}
                className="border-b border-slate-200"
                data-testid="forecast-total"
                data-variant={row.variant ?? ""}
              >
                <td className={`${CELL} tabular-nums`}>{row.date}</td>
                <td className={CELL}>{stepKindWord(row.kind, "sv")}</td>
                <td className={CELL}>{policyName.get(row.policyId) ?? "—"}</td>
                <td className={CELL}>{row.variant ?? "—"}</td>
                <td className={`${CELL} text-right tabular-nums`}>{row.invoices}</td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(row.feeOre)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(row.interestOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-8 text-lg font-semibold">Invoice by invoice</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Each invoice's steps in these days</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                Invoice
              </th>
              <th scope="col" className={CELL}>
                Due
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Owed
              </th>
              <th scope="col" className={CELL}>
                Policy
              </th>
              <th scope="col" className={CELL}>
                Steps
              </th>
            </tr>
          </thead>
          <tbody>
            {page.invoices.length === 0 ? (
              <tr>
                <td colSpan={5} className={`${CELL} text-slate-600`}>
                  No invoice has a step in these days.
                </td>
              </tr>
            ) : null}
            {page.invoices.map((invoice) => (
              <tr
                key={invoice.invoiceId}
                className="border-b border-slate-200 align-top"
                data-testid="forecast-invoice"
              >
                <td className={`${CELL} tabular-nums`}>{invoice.number}</td>
                <td className={`${CELL} tabular-nums`}>{invoice.dueDate}</td>
                <td className={`${CELL} text-right tabular-nums`}>
                  {kronor(invoice.amountDueOre)}
                </td>
                <td className={CELL}>{invoice.policy.name}</td>
                <td className={CELL}>
                  <ul className="flex flex-col gap-1">
                    {invoice.steps.map((step) => (
                      <li key={`${step.kind}-${step.date ?? "paused"}`}>
                        <span className="font-medium">
                          {step.date ?? "Paused"} · {stepKindWord(step.kind, "sv")} ·{" "}
                          {channelWord(step.channel, "sv")}
                          {step.variant ? (
                            <span data-testid="forecast-step-variant">
                              {" "}
                              · variant {step.variant}
                            </span>
                          ) : null}
                        </span>
                        {" · "}
                        avgift {kronor(step.feeOre)} · ränta {kronor(step.interestOre)}
                        <span className="block text-xs text-slate-700">
                          {step.pausedBy
                            ? pauseReasonText(step.pausedBy.toUpperCase() as PauseReason, "sv")
                            : `${feeReasonText(step.feeReason as FeeReason, "sv")} ${interestReasonText(step.interestReason as InterestReason, "sv")}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
        {query.cursor ? (
          <Link href={pageLink()} className="text-blue-800 underline">
            First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageLink(page.nextCursor)} className="text-blue-800 underline">
            Next {query.limit} invoices
          </Link>
        ) : null}
      </nav>
    </StaffShell>
  );
}
