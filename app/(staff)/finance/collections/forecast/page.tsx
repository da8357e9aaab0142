import type { Metadata } from "next";
import Link from "next/link";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { kronor } from "@/components/finance/finance-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { feeReasonText, interestReasonText, pauseReasonText } from "@/lib/collections/charge-words";
import type { FeeReason, InterestReason, PauseReason } from "@/lib/collections/engine";
import { forecastQuerySchema } from "@/lib/collections/forecast-query";
import { channelWord, stepKindWord } from "@/lib/collections/policy-words";
import { forecastCollections, forecastTotals } from "@/lib/collections/run";
import { formatCalendarDate, parseCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].forecast.title };
}
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
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" ? [[key, value]] : [],
    ),
  );
  const today = todayInSweden();
  const parsed = forecastQuerySchema.safeParse(raw);
  const problem = parsed.success
    ? parsed.data.from && parsed.data.from < formatCalendarDate(today)
      ? tp.forecast.fromInPast
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
      <CollectionsNav current="/finance/collections/forecast" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.forecast.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {tp.forecast.intro(formatCalendarDate(from), query.days)}
      </p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{tp.forecast.from}</span>
          <input
            type="date"
            name="from"
            min={formatCalendarDate(today)}
            defaultValue={formatCalendarDate(from)}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{tp.forecast.days}</span>
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
          {tp.show}
        </button>
      </form>
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {tp.forecast.problem(problem, query.days)}
        </p>
      ) : null}

      <h2 className="mt-6 text-lg font-semibold">{tp.forecast.perDay}</h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="forecast-summary">
        {tp.forecast.summary(
          summary.invoices,
          steps,
          kronor(fees),
          kronor(interest),
          summary.paused,
        )}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.forecast.totalsCaption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                {tp.forecast.day}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.step}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.policy}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.variant}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.forecast.invoices}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.forecast.fees}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.forecast.interest}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.totals.length === 0 ? (
              <tr>
                <td colSpan={7} className={`${CELL} text-slate-600`}>
                  {tp.forecast.noStep}
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

      <h2 className="mt-8 text-lg font-semibold">{tp.forecast.byInvoice}</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.forecast.invoicesCaption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                {tp.forecast.invoice}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.due}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.forecast.owed}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.policy}
              </th>
              <th scope="col" className={CELL}>
                {tp.forecast.steps}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.invoices.length === 0 ? (
              <tr>
                <td colSpan={5} className={`${CELL} text-slate-600`}>
                  {tp.forecast.noInvoice}
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
                          {step.date ?? tp.forecast.paused} · {stepKindWord(step.kind, "sv")} ·{" "}
                          {channelWord(step.channel, "sv")}
                          {step.variant ? (
                            <span data-testid="forecast-step-variant">
                              {tp.forecast.stepVariant(step.variant)}
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
      <nav aria-label={tp.forecast.pages} className="mt-3 flex gap-4 text-sm">
        {query.cursor ? (
          <Link href={pageLink()} className="text-blue-800 underline">
            {tp.forecast.firstPage}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageLink(page.nextCursor)} className="text-blue-800 underline">
            {tp.forecast.next(query.limit)}
          </Link>
        ) : null}
      </nav>
    </StaffShell>
  );
}
