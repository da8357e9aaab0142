import type { Metadata } from "next";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { kronor } from "@/components/finance/finance-labels";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { listHandovers } from "@/lib/collections/handover-export";
import { handoverQuerySchema, handoverWindow } from "@/lib/collections/handover-query";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].handovers.title };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CELL = "px-2 py-1.5";
const SHOWN = 200;

/** The claims handed over to the collection agency, and the agency's files (CSV, JSON). */
export default async function HandoversPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/handovers");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
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
      <CollectionsNav current="/finance/collections/handovers" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.handovers.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{tp.handovers.intro}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{tp.handovers.from}</span>
          <input
            type="date"
            name="from"
            defaultValue={query.from}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{tp.handovers.to}</span>
          <input
            type="date"
            name="to"
            defaultValue={query.to}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 font-semibold text-white">
          {tp.show}
        </button>
        <a href={download("csv")} className="text-blue-800 underline" download>
          {tp.handovers.downloadCsv}
        </a>
        <a href={download("json")} className="text-blue-800 underline" download>
          {tp.handovers.downloadJson}
        </a>
      </form>
      {parsed.success ? null : (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {parsed.error.issues.map((issue) => issue.message).join("; ")}. {tp.handovers.showingAll}
        </p>
      )}
      <p className="mt-4 text-sm text-slate-700" data-testid="handover-summary">
        {tp.handovers.summary(claims.length, kronor(due), claims.length > SHOWN ? SHOWN : null)}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.handovers.caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                {tp.handovers.handedOver}
              </th>
              <th scope="col" className={CELL}>
                {tp.handovers.invoice}
              </th>
              <th scope="col" className={CELL}>
                {tp.handovers.debtor}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.handovers.claim}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.handovers.fees}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.handovers.interest}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.handovers.paid}
              </th>
              <th scope="col" className={`${CELL} text-right`}>
                {tp.handovers.owed}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={8} className={`${CELL} text-slate-600`}>
                  {tp.handovers.none(Boolean(query.from || query.to))}
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
                    {claim.debtor.isBusiness ? tp.handovers.business : ""}
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
