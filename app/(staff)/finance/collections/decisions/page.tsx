import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import {
  ALLOCATION_DAYS,
  type ExperimentStep,
  listExperimentSteps,
  loadStepDecisions,
} from "@/lib/collections/decisions";
import { STEP_KIND_WORDS } from "@/lib/collections/policy-words";
import { getDb } from "@/lib/db/client";
import { isRouteId } from "@/lib/validation/parse-input";

export const metadata: Metadata = { title: "Collection experiments" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CELL = "px-2 py-1.5";
const percent = (share: number) =>
  `${(share * 100).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`;
const decimal = (value: number) =>
  value.toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const MODE_WORDS = { SPLIT: "Split (fixed shares)", LEARNING: "Learning" } as const;

const stepTitle = (step: ExperimentStep) =>
  `${step.policyName} · step ${step.stepNumber}: ${STEP_KIND_WORDS.sv[step.kind]}`;

/**
 * The collection experiments: every step with variants in play, and for one step how its
 * invoices were shared out over the last 30 days, what the learner believes per customer band and
 * its recent decisions, each with the band, whether it explored and the means it drew from.
 */
export default async function DecisionsPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/decisions");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const stepParam = (await searchParams).step;
  const stepId = typeof stepParam === "string" && stepParam !== "" ? stepParam : null;
  if (stepId !== null && !isRouteId(stepId)) notFound();
  const db = await getDb();
  const [steps, decisions] = await Promise.all([
    listExperimentSteps(db, staff.organizationId),
    stepId ? loadStepDecisions(db, staff.organizationId, stepId) : Promise.resolve(null),
  ]);
  if (stepId && !decisions) notFound();
  return (
    <StaffShell staff={staff}>
      <CollectionsNav current="/finance/collections/decisions" />
      <h1 className="mt-3 text-2xl font-bold">Experiments</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Steps that try variants. A split gives each customer the same variant by fixed shares; a
        learning step chooses per customer group (band) the variant that has worked best for the
        objective set on the policies page, and still tries every variant in play at least a little.
        Either way the law decides every fee and date.
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Steps with an experiment in play</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                Step
              </th>
              <th scope="col" className={CELL}>
                Mode
              </th>
              <th scope="col" className={CELL}>
                Variants
              </th>
              <th scope="col" className={CELL}>
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.length === 0 ? (
              <tr>
                <td colSpan={4} className={`${CELL} text-slate-600`}>
                  No step has an experiment in play. Give a step variants in its policy's editor.
                </td>
              </tr>
            ) : null}
            {steps.map((step) => (
              <tr
                key={step.stepId}
                className="border-b border-slate-200"
                data-testid="experiment-step"
                aria-current={step.stepId === stepId ? "true" : undefined}
              >
                <td className={CELL}>
                  <Link
                    href={`/finance/collections/policies/${step.policyId}`}
                    className="text-blue-800 underline"
                  >
                    {step.policyName}
                  </Link>{" "}
                  · step {step.stepNumber}: {STEP_KIND_WORDS.sv[step.kind]}
                </td>
                <td className={CELL}>{MODE_WORDS[step.mode]}</td>
                <td className={CELL}>
                  {step.variants
                    .map((variant) =>
                      step.mode === "SPLIT"
                        ? `${variant.key} ${variant.name} (${variant.weight} %)`
                        : `${variant.key} ${variant.name}${variant.weight > 0 ? "" : " (not in play)"}`,
                    )
                    .join(" · ")}
                </td>
                <td className={CELL}>
                  <Link
                    href={`/finance/collections/decisions?step=${step.stepId}`}
                    className="text-blue-800 underline"
                    aria-label={`Decisions of ${stepTitle(step)}`}
                  >
                    Decisions
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {decisions ? (
        <section aria-labelledby="step-heading" className="mt-8" data-testid="step-decisions">
          <h2 id="step-heading" className="text-lg font-semibold">
            {stepTitle(decisions.step)} — {MODE_WORDS[decisions.step.mode]}
          </h2>

          <h3 className="mt-4 font-semibold">
            Allocation, the last {ALLOCATION_DAYS} days (from {decisions.since})
          </h3>
          <table className="mt-2 border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Share of the step's invoices per variant</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={CELL}>
                  Variant
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  {decisions.step.mode === "SPLIT" ? "Share set" : "In play"}
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  Invoices
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {decisions.allocation.map((row) => (
                <tr
                  key={row.key}
                  className="border-b border-slate-200"
                  data-testid="allocation-row"
                  data-variant={row.key}
                >
                  <td className={CELL}>
                    {row.key} {row.name ?? "(removed)"}
                  </td>
                  <td className={`${CELL} text-right tabular-nums`}>
                    {row.weight === null
                      ? "—"
                      : decisions.step.mode === "SPLIT"
                        ? `${row.weight} %`
                        : row.weight > 0
                          ? "yes"
                          : "no"}
                  </td>
                  <td className={`${CELL} text-right tabular-nums`}>{row.actions}</td>
                  <td className={`${CELL} text-right tabular-nums`}>{percent(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {decisions.withoutVariant > 0 ? (
            <p className="mt-1 text-xs text-slate-600">
              And {decisions.withoutVariant} taken as written while the experiment was off.
            </p>
          ) : null}

          {decisions.step.mode === "LEARNING" ? (
            <>
              <h3 className="mt-6 font-semibold">What the learner believes, per customer band</h3>
              <p className="mt-1 max-w-3xl text-sm text-slate-700">
                Per band and variant: the outcomes counted, their mean reward (0–1), and the mean
                the learner draws around (the band's outcomes on what all bands together showed).
                {` ${percent(decisions.explorationFloor)}`} of the choices are made at random, so
                every variant in play keeps being tried.
              </p>
              {decisions.beliefs.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">
                  Nothing learned yet: no outcome has been measured. Until then every variant is as
                  likely.
                </p>
              ) : (
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full border-collapse bg-white text-left text-sm">
                    <caption className="sr-only">
                      The learner's beliefs per band and variant
                    </caption>
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className={CELL}>
                          Band
                        </th>
                        {decisions.step.variants.map((variant) => (
                          <th key={variant.key} scope="col" className={`${CELL} text-right`}>
                            {variant.key}: mean (outcomes) · belief
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {decisions.beliefs.map((band) => (
                        <tr
                          key={band.band}
                          className="border-b border-slate-200"
                          data-testid="belief-row"
                        >
                          <th scope="row" className={`${CELL} font-normal`}>
                            <span className="font-mono text-xs">{band.band}</span>
                            <span className="block text-xs text-slate-700">{band.bandText}</span>
                          </th>
                          {band.variants.map((variant) => (
                            <td key={variant.key} className={`${CELL} text-right tabular-nums`}>
                              {variant.mean === null ? "—" : decimal(variant.mean)} (
                              {variant.samples}) · {decimal(variant.belief)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          ) : null}

          <h3 className="mt-6 font-semibold">Recent decisions</h3>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">
                The step's latest invoices and the variant each got
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={CELL}>
                    Day
                  </th>
                  <th scope="col" className={CELL}>
                    Invoice
                  </th>
                  <th scope="col" className={CELL}>
                    Band
                  </th>
                  <th scope="col" className={CELL}>
                    Variant
                  </th>
                  <th scope="col" className={CELL}>
                    How
                  </th>
                  <th scope="col" className={CELL}>
                    Means then
                  </th>
                </tr>
              </thead>
              <tbody>
                {decisions.recent.length === 0 ? (
                  <tr>
                    <td colSpan={6} className={`${CELL} text-slate-600`}>
                      The step has not been taken yet.
                    </td>
                  </tr>
                ) : null}
                {decisions.recent.map((decision) => (
                  <tr
                    key={decision.actionId}
                    className="border-b border-slate-200"
                    data-testid="decision-row"
                  >
                    <td className={`${CELL} tabular-nums`}>{decision.performedOn}</td>
                    <td className={`${CELL} tabular-nums`}>{decision.invoiceNumber ?? "—"}</td>
                    <td className={CELL}>
                      {decision.band ? (
                        <span className="font-mono text-xs">{decision.band}</span>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className={CELL}>{decision.variantKey ?? "as written"}</td>
                    <td className={CELL}>
                      {decision.method === "split"
                        ? "split (fixed share)"
                        : decision.method === "learning"
                          ? decision.explored
                            ? "explored (chosen at random)"
                            : "learner's best draw"
                          : "—"}
                    </td>
                    <td className={`${CELL} tabular-nums`}>
                      {decision.posteriorMeans
                        ? Object.entries(decision.posteriorMeans)
                            .map(([key, mean]) => `${key} ${decimal(mean)}`)
                            .join(" · ")
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </StaffShell>
  );
}
