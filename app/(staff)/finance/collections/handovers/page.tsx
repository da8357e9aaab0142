import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { kronor } from "@/components/finance/finance-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listHandovers } from "@/lib/collections/handover-export";
import { handoverQuerySchema, handoverWindow } from "@/lib/collections/handover-query";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Handovers" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CELL = "px-2 py-1.5";
const SHOWN = 200;

/** The claims handed over to the collection agency, and the agency's files (CSV, JSON). */
export default async function HandoversPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/handovers");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) =>
      (key === "from" || key === "to") && typeof value === "string" && value !== ""
        ? [[key, value]]
        : [],
    ),
  );
  const parsed = handoverQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const claims = await listHandovers(await getDb(), {
    organizationId: staff.organizationId,
    ...handoverWindow(query),
  });
  const shown = claims.slice(-SHOWN).reverse();
  const download = (extension: "csv" | "json") => {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    return `/api/finance/collections/handovers.${extension}${search ? `?${search}` : ""}`;
  };
  const due = claims.reduce((sum, claim) => sum + claim.amountDueOre, 0);
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/handovers" />
      <h1 className="mt-3 text-2xl font-bold">Handovers</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Claims handed over to the collection agency, with what the agency needs to go on without
        asking: the debtor, the claim, what each step added and what was sent before.
      </p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Handed over from</span>
          <input
            type="date"
            name="from"
            defaultValue={query.from}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">to (inclusive)</span>
          <input
            type="date"
            name="to"
            defaultValue={query.to}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 font-semibold text-white">
          Show
        </button>
        <a href={download("csv")} className="text-blue-800 underline" download>
          Download CSV
        </a>
        <a href={download("json")} className="text-blue-800 underline" download>
          Download JSON
        </a>
      </form>
      {parsed.success ? null : (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {parsed.error.issues.map((issue) => issue.message).join("; ")}. Showing every handover.
        </p>
      )}
      <p className="mt-4 text-sm text-slate-700" data-testid="handover-summary">
        {claims.length === 1 ? "1 claim" : `${claims.length} claims`} · owed {kronor(due)}
        {claims.length > SHOWN ? ` · the latest ${SHOWN} shown; the files hold them all` : ""}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Claims handed over, the latest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                Handed over
              </th>
              <th scope="col" className={CELL}>
                Invoice
              </th>
              <th scope="col" className={CELL}>
                Debtor
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Claim
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Fees
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Interest
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Paid
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                Owed
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={8} className={`${CELL} text-slate-600`}>
                  No claim was handed over{query.from || query.to ? " in these days" : ""}.
                </td>
              </tr>
            ) : null}
            {shown.map((claim) => (
              <tr
                key={claim.invoiceId}
                className="border-b border-slate-200"
                data-testid="handover"
              >
                <td className={`${CELL} tabular-nums`}>{claim.handedOverOn}</td>
                <td className={`${CELL} tabular-nums`}>{claim.invoiceNumber}</td>
                <td className={CELL}>
                  {claim.debtor.name}
                  <span className="block text-xs text-slate-600">
                    {claim.debtor.customerNumber}
                    {claim.debtor.isBusiness ? " · business" : ""}
                  </span>
                </td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(claim.principalOre)}</td>
                <td className={`${CELL} text-right tabular-nums`}>
                  {kronor(claim.reminderFeeOre + claim.collectionFeeOre)}
                </td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(claim.interestOre)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(claim.paidOre)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{kronor(claim.amountDueOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffShell>
  );
}
