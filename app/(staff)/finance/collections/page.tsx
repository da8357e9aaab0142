import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { ObjectiveForm } from "@/components/finance/collections/objective-form";
import { PolicyOrderButtons } from "@/components/finance/collections/policy-order-buttons";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { loadCollectionObjective } from "@/lib/collections/objective-admin";
import {
  listPolicies,
  listReferenceRates,
  referenceRateStatus,
} from "@/lib/collections/policy-admin";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].index.title };
}
export const dynamic = "force-dynamic";

const percent = (basisPoints: number) =>
  `${(basisPoints / 100).toLocaleString("sv-SE", { minimumFractionDigits: 2 })} %`;

/**
 * The collection policies in the order invoices are tried against them, each with who it applies
 * to and its steps in words; and the way to the forecast, the letters, the handovers and the
 * reference rates.
 */
export default async function CollectionsPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
  const db = await getDb();
  const [policies, rates, lettersWaiting, objective] = await Promise.all([
    listPolicies(db, staff.organizationId),
    listReferenceRates(db),
    db.collectionAction.count({
      where: { organizationId: staff.organizationId, channel: "LETTER", sendStatus: "TO_PRINT" },
    }),
    loadCollectionObjective(db, staff.organizationId),
  ]);
  const experimenting = policies.some((policy) => policy.steps.some((step) => step.experiment));
  const rate = referenceRateStatus(rates, todayInSweden());
  const order = policies.filter((policy) => !policy.isDefault).map((policy) => policy.id);
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.index.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{tc.index.intro(staff.organizationName)}</p>
      {rate.current === null ? (
        <p
          role="note"
          className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reference-rate-missing"
        >
          {tp.index.rateMissing(
            rate.currentHalfYear,
            rate.latest
              ? {
                  validFrom: rate.latest.validFrom,
                  rate: percent(rate.latest.rateBasisPoints),
                }
              : null,
          )}{" "}
          <Link href="/finance/collections/reference-rates" className="underline">
            {tp.index.referenceRates}
          </Link>
        </p>
      ) : null}
      {lettersWaiting > 0 ? (
        <p className="mt-3 text-sm">
          <Link href="/finance/collections/letters" className="text-blue-800 underline">
            {tp.index.lettersWaiting(lettersWaiting)}
          </Link>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <h2 className="text-lg font-semibold">{tc.index.policies}</h2>
        <Link
          href="/finance/collections/policies/new"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
        >
          {tc.index.newPolicy}
        </Link>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.index.caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-2">
                #
              </th>
              <th scope="col" className="px-2 py-2">
                {tp.index.policy}
              </th>
              <th scope="col" className="px-2 py-2">
                {tp.index.appliesTo}
              </th>
              <th scope="col" className="px-2 py-2">
                {tp.index.steps}
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                {tp.index.stepsTaken}
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">{tp.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy, index) => (
              <tr
                key={policy.id}
                className="border-b border-slate-200 align-top"
                data-testid="collection-policy"
              >
                <td className="px-2 py-2 tabular-nums">{index + 1}</td>
                <td className="px-2 py-2">
                  <Link
                    href={`/finance/collections/policies/${policy.id}`}
                    className="font-medium text-blue-800 underline"
                  >
                    {policy.name}
                  </Link>
                  {policy.isDefault ? (
                    <span className="ml-2 rounded bg-slate-100 px-1 text-xs">
                      {tc.index.default}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-pre-line px-2 py-2">{policy.ruleText}</td>
                <td className="px-2 py-2">{policy.stepsText}</td>
                <td className="px-2 py-2 text-right tabular-nums">{policy.actionCount}</td>
                <td className="px-2 py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    {policy.isDefault ? null : (
                      <PolicyOrderButtons
                        order={order}
                        index={index}
                        name={policy.name}
                        locale={staff.locale}
                      />
                    )}
                    <Link
                      href={`/finance/collections/policies/${policy.id}`}
                      className="text-blue-800 underline"
                      aria-label={tc.index.editPolicy(policy.name)}
                    >
                      {tc.index.edit}
                    </Link>
                    {policy.isDefault || policy.actionCount > 0 ? null : (
                      <ConfirmAction
                        label={tc.index.delete}
                        accessibleLabel={tc.index.deletePolicy(policy.name)}
                        question={tc.index.deleteQuestion(policy.name)}
                        confirmLabel={tc.index.deleteConfirm}
                        url={`/api/finance/collections/policies/${policy.id}`}
                        method="DELETE"
                        locale={staff.locale}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 max-w-3xl text-xs text-slate-600">{tp.index.footnote}</p>
      <section aria-labelledby="experiments-heading" className="mt-8">
        <h2 id="experiments-heading" className="text-lg font-semibold">
          {tc.index.experiments}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          {tp.index.experimentsIntro}{" "}
          {experimenting ? (
            <Link href="/finance/collections/decisions" className="text-blue-800 underline">
              {tp.index.decisionsLink}
            </Link>
          ) : (
            tp.index.noExperiment
          )}
        </p>
        <ObjectiveForm objective={objective} locale={staff.locale} />
      </section>
    </StaffShell>
  );
}
