import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { ReferenceRateForm } from "@/components/finance/collections/reference-rate-form";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { INTEREST_MARGIN_BASIS_POINTS } from "@/lib/collections/interest";
import { listReferenceRates, referenceRateStatus } from "@/lib/collections/policy-admin";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Reference rates" };
export const dynamic = "force-dynamic";

const CELL = "px-2 py-1.5";

const percent = (basisPoints: number) =>
  `${(basisPoints / 100).toLocaleString("sv-SE", { minimumFractionDigits: 2 })} %`;

/** "2026-07-01" → "1 Jul – 31 Dec 2026". */
function halfYear(validFrom: string): string {
  const year = validFrom.slice(0, 4);
  return validFrom.slice(5, 7) === "01" ? `1 Jan – 30 Jun ${year}` : `1 Jul – 31 Dec ${year}`;
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
  const today = todayInSweden();
  const rates = await listReferenceRates(await getDb());
  const status = referenceRateStatus(rates, today);
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/reference-rates" />
      <h1 className="mt-3 text-2xl font-bold">Reference rates (referensränta)</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Late-payment interest (dröjsmålsränta, räntelagen 6 §) is the Riksbank's reference rate for
        the calendar half-year plus 8 percentage points. The Riksbank sets the rate for each
        half-year from 1 January and 1 July.
      </p>
      <p
        role="note"
        className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      >
        The rates up to the half-year from 2026-07-01 came with the software (its migration). The
        values after 2024-01-01 need checking against riksbank.se; correct any that differ here.
      </p>
      {status.current === null ? (
        <p
          role="note"
          className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reference-rate-missing"
        >
          ⚠ The half-year from {status.currentHalfYear} has no rate yet: no interest is charged for
          its days until it is added.
        </p>
      ) : null}
      {staff.role === "ADMIN" ? (
        <ReferenceRateForm defaultYear={today.getUTCFullYear()} />
      ) : (
        <p className="mt-4 text-sm text-slate-700" data-testid="reference-rates-read-only">
          Only an administrator adds or corrects a rate.
        </p>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="w-full max-w-2xl border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Reference rates per half-year, the newest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                Half-year
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Reference rate
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Late-payment interest
              </th>
              <th scope="col" className={CELL}>
                Last changed
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
                  {halfYear(rate.validFrom)}
                  {rate.validFrom === status.currentHalfYear ? (
                    <span className="ml-2 rounded bg-slate-100 px-1 text-xs">now</span>
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
