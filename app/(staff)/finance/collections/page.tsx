import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { ObjectiveForm } from "@/components/finance/collections/objective-form";
import { PolicyOrderButtons } from "@/components/finance/collections/policy-order-buttons";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { loadCollectionObjective } from "@/lib/collections/objective-admin";
import {
  listPolicies,
  listReferenceRates,
  referenceRateStatus,
} from "@/lib/collections/policy-admin";
import { todayInSweden } from "@/lib/dates/calendar-date";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Collections" };
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
      <CollectionsNav current="/finance/collections" />
      <h1 className="mt-3 text-2xl font-bold">Collections (inkasso)</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        How {staff.organizationName} follows up unpaid invoices. Each unpaid invoice falls under the
        first policy below whose rule is true for it, else under the default; once a step is taken
        the invoice stays on its policy. The daily run takes each step once, on a banking day, with
        only the fees and interest the law and the customer's agreement allow.
      </p>
      {rate.current === null ? (
        <p
          role="note"
          className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reference-rate-missing"
        >
          ⚠ No reference rate is on record for the half-year from {rate.currentHalfYear}. No
          interest is charged for its days until it is added (räntelagen 9 §: each half-year has its
          own rate; the last one kept
          {rate.latest
            ? ` is from ${rate.latest.validFrom}, ${percent(rate.latest.rateBasisPoints)}`
            : " is none"}
          ).{" "}
          <Link href="/finance/collections/reference-rates" className="underline">
            Reference rates
          </Link>
        </p>
      ) : null}
      {lettersWaiting > 0 ? (
        <p className="mt-3 text-sm">
          <Link href="/finance/collections/letters" className="text-blue-800 underline">
            {lettersWaiting === 1 ? "1 letter waits" : `${lettersWaiting} letters wait`} to be
            printed
          </Link>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <h2 className="text-lg font-semibold">Policies</h2>
        <Link
          href="/finance/collections/policies/new"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
        >
          New policy
        </Link>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Collection policies, in the order they are tried</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-2">
                #
              </th>
              <th scope="col" className="px-2 py-2">
                Policy
              </th>
              <th scope="col" className="px-2 py-2">
                Applies to
              </th>
              <th scope="col" className="px-2 py-2">
                Steps
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Steps taken
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Actions</span>
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
                    <span className="ml-2 rounded bg-slate-100 px-1 text-xs">default</span>
                  ) : null}
                </td>
                <td className="whitespace-pre-line px-2 py-2">{policy.ruleText}</td>
                <td className="px-2 py-2">{policy.stepsText}</td>
                <td className="px-2 py-2 text-right tabular-nums">{policy.actionCount}</td>
                <td className="px-2 py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    {policy.isDefault ? null : (
                      <PolicyOrderButtons order={order} index={index} name={policy.name} />
                    )}
                    <Link
                      href={`/finance/collections/policies/${policy.id}`}
                      className="text-blue-800 underline"
                      aria-label={`Edit ${policy.name}`}
                    >
                      Edit
                    </Link>
                    {policy.isDefault || policy.actionCount > 0 ? null : (
                      <ConfirmAction
                        label="Delete"
                        accessibleLabel={`Delete ${policy.name}`}
                        question={`Delete the policy ${policy.name}? Its invoices fall under the next policy that matches them.`}
                        confirmLabel="Delete policy"
                        url={`/api/finance/collections/policies/${policy.id}`}
                        method="DELETE"
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 max-w-3xl text-xs text-slate-600">
        The default policy takes what no other policy takes and cannot be deleted; a policy a step
        was taken under can be changed, not deleted.
      </p>
      <section aria-labelledby="experiments-heading" className="mt-8">
        <h2 id="experiments-heading" className="text-lg font-semibold">
          Experiments
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          A step can try variants (its timing, channel, tone, fee and texts, within the law): by
          fixed shares, or with a learner that finds per customer group what works best.{" "}
          {experimenting ? (
            <Link href="/finance/collections/decisions" className="text-blue-800 underline">
              How the variants are chosen, and the learner's decisions
            </Link>
          ) : (
            "No step has an experiment in play."
          )}
        </p>
        <ObjectiveForm objective={objective} />
      </section>
    </StaffShell>
  );
}
