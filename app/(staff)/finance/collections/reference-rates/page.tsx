import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { ReferenceRateForm } from "@/components/finance/collections/reference-rate-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { INTEREST_MARGIN_BASIS_POINTS } from "@/lib/collections/interest";
import { listReferenceRates, referenceRateStatus } from "@/lib/collections/policy-admin";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].referenceRates.title };
}
export const dynamic = "force-dynamic";

const CELL = "px-2 py-1.5";

const percent = (basisPoints: number) =>
  `${(basisPoints / 100).toLocaleString("sv-SE", { minimumFractionDigits: 2 })} %`;

/** "2026-07-01" → "1 Jul – 31 Dec 2026" (or its Swedish). */
function halfYear(validFrom: string, text: (first: boolean, year: string) => string): string {
  return text(validFrom.slice(5, 7) === "01", validFrom.slice(0, 4));
}

/**
 * The Riksbank's reference rate per calendar half-year (räntelagen 9 §), which late-payment
 * interest is counted on: finance reads it, an administrator keeps it (one list for every
 * organisation).
 */
export default async function ReferenceRatesPage() {
  const access = await requireStaffPage(
    CONSOLE_ROLES.finance,
    "/finance/collections/reference-rates",
  );
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
  const today = todayInSweden();
  const rates = await listReferenceRates(await getDb());
  const status = referenceRateStatus(rates, today);
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/reference-rates" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.referenceRates.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{tp.referenceRates.intro}</p>
      <p
        role="note"
        className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      >
        {tp.referenceRates.migrationNote}
      </p>
      {status.current === null ? (
        <p
          role="note"
          className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reference-rate-missing"
        >
          {tp.referenceRates.missing(status.currentHalfYear)}
        </p>
      ) : null}
      {staff.role === "ADMIN" ? (
        <ReferenceRateForm defaultYear={today.getUTCFullYear()} locale={staff.locale} />
      ) : (
        <p className="mt-4 text-sm text-slate-700" data-testid="reference-rates-read-only">
          {tp.referenceRates.readOnly}
        </p>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="w-full max-w-2xl border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.referenceRates.caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                {tp.referenceRates.halfYear}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.referenceRates.rate}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.referenceRates.lateInterest}
              </th>
              <th scope="col" className={CELL}>
                {tp.referenceRates.lastChanged}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map((rate) => (
              <tr
                key={rate.validFrom}
                className="border-b border-slate-200"
                data-testid="reference-rate"
              >
                <td className={CELL}>
                  {halfYear(rate.validFrom, tp.referenceRates.halfYearText)}
                  {rate.validFrom === status.currentHalfYear ? (
                    <span className="ml-2 rounded bg-slate-100 px-1 text-xs">
                      {tp.referenceRates.now}
                    </span>
                  ) : null}
                </td>
                <td className={`${CELL} text-right tabular-nums`}>
                  {percent(rate.rateBasisPoints)}
                </td>
                <td className={`${CELL} text-right tabular-nums`}>
                  {percent(rate.rateBasisPoints + INTEREST_MARGIN_BASIS_POINTS)}
                </td>
                <td className={`${CELL} tabular-nums`}>
                  {rate.updatedAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffShell>
  );
}
