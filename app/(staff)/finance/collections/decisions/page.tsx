import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectionsNav } from "@/components/finance/collections/collections-nav";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import {
  ALLOCATION_DAYS,
  ALLOCATION_WEEKS,
  type ExperimentStep,
  listExperimentSteps,
  loadStepDecisions,
} from "@/lib/collections/decisions";
import { STEP_KIND_WORDS } from "@/lib/collections/policy-words";
import { getDb } from "@/lib/db/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { collectionsPageMessages } from "@/lib/i18n/staff/finance/collections-pages";
import { isRouteId } from "@/lib/validation/parse-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: collectionsMessages[await staffLocaleForMetadata()].decisions.title };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CELL = "px-2 py-1.5";
const percent = (share: number) =>
  `${(share * 100).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`;
const decimal = (value: number) =>
  value.toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type PageWords = (typeof collectionsPageMessages)["en"];

const stepTitle = (step: ExperimentStep, tp: PageWords) =>
  tp.decisions.stepTitle(step.policyName, step.stepNumber, STEP_KIND_WORDS.sv[step.kind]);

const BAR_COLOURS = ["#1e40af", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e"];

/** A week's shares as one stacked bar (decoration: the row's cells say the same in figures). */
function ShareBar({ shares }: { shares: number[] }) {
  let x = 0;
  return (
    <svg
      width="120"
      height="12"
      viewBox="0 0 120 12"
      className="block"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="120" height="12" fill="#e2e8f0" />
      {shares.map((share, index) => {
        const width = share * 120;
        const rect = (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the bar's segments are the row's variants, in their fixed order
            key={index}
            x={x}
            width={width}
            height="12"
            fill={BAR_COLOURS[index % BAR_COLOURS.length]}
          />
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}

/**
 * The collection experiments: every step with variants in play, and for one step how its
 * invoices were shared out over the last 30 days, what the learner believes per customer band and
 * its recent decisions, each with the band, whether it explored and the means it drew from.
 */
export default async function DecisionsPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireStaffPage(CONSOLE_ROLES.finance, "/finance/collections/decisions");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const tc = collectionsMessages[staff.locale];
  const tp = collectionsPageMessages[staff.locale];
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
      <CollectionsNav current="/finance/collections/decisions" locale={staff.locale} />
      <h1 className="mt-3 text-2xl font-bold">{tc.decisions.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{tp.decisions.intro}</p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{tp.decisions.caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={CELL}>
                {tp.decisions.step}
              </th>
              <th scope="col" className={CELL}>
                {tp.decisions.mode}
              </th>
              <th scope="col" className={CELL}>
                {tp.decisions.variants}
              </th>
              <th scope="col" className={CELL}>
                <span className="sr-only">{tp.decisions.details}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.length === 0 ? (
              <tr>
                <td colSpan={4} className={`${CELL} text-slate-600`}>
                  {tp.decisions.none}
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
                  </Link>
                  {tp.decisions.stepRest(step.stepNumber, STEP_KIND_WORDS.sv[step.kind])}
                </td>
                <td className={CELL}>{tp.decisions.modes[step.mode]}</td>
                <td className={CELL}>
                  {step.variants
                    .map((variant) =>
                      step.mode === "SPLIT"
                        ? `${variant.key} ${variant.name} (${variant.weight} %)`
                        : `${variant.key} ${variant.name}${variant.weight > 0 ? "" : tp.decisions.notInPlay}`,
                    )
                    .join(" · ")}
                </td>
                <td className={CELL}>
                  <Link
                    href={`/finance/collections/decisions?step=${step.stepId}`}
                    className="text-blue-800 underline"
                    aria-label={tp.decisions.decisionsOf(stepTitle(step, tp))}
                  >
                    {tp.decisions.decisions}
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
            {stepTitle(decisions.step, tp)} — {tp.decisions.modes[decisions.step.mode]}
          </h2>

          <h3 className="mt-4 font-semibold">
            {tp.decisions.allocation(ALLOCATION_DAYS, decisions.since)}
          </h3>
          <table className="mt-2 border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{tp.decisions.allocationCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={CELL}>
                  {tp.decisions.variant}
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  {decisions.step.mode === "SPLIT" ? tp.decisions.shareSet : tp.decisions.inPlay}
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  {tp.decisions.invoices}
                </th>
                <th scope="col" className={`${CELL} text-right`}>
                  {tp.decisions.share}
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
                    {row.key} {row.name ?? tp.decisions.removed}
                  </td>
                  <td className={`${CELL} text-right tabular-nums`}>
                    {row.weight === null
                      ? "—"
                      : decisions.step.mode === "SPLIT"
                        ? `${row.weight} %`
                        : row.weight > 0
                          ? tp.decisions.yes
                          : tp.decisions.no}
                  </td>
                  <td className={`${CELL} text-right tabular-nums`}>{row.actions}</td>
                  <td className={`${CELL} text-right tabular-nums`}>{percent(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {decisions.withoutVariant > 0 ? (
            <p className="mt-1 text-xs text-slate-600">
              {tp.decisions.withoutVariant(decisions.withoutVariant)}
            </p>
          ) : null}

          <h3 className="mt-6 font-semibold">{tp.decisions.weekly(ALLOCATION_WEEKS)}</h3>
          <div className="mt-2 overflow-x-auto">
            <table className="border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{tp.decisions.weeklyCaption}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={CELL}>
                    {tp.decisions.week}
                  </th>
                  <th scope="col" className={`${CELL} text-right`}>
                    {tp.decisions.weekTotal}
                  </th>
                  {decisions.allocation.map((variant, index) => (
                    <th key={variant.key} scope="col" className={`${CELL} text-right`}>
                      <svg
                        width="10"
                        height="10"
                        className="mr-1 inline-block align-baseline"
                        aria-hidden="true"
                        focusable="false"
                      >
                        <rect
                          width="10"
                          height="10"
                          fill={BAR_COLOURS[index % BAR_COLOURS.length]}
                        />
                      </svg>
                      {variant.key}
                    </th>
                  ))}
                  <th scope="col" className={CELL}>
                    <span className="sr-only">{tp.decisions.share}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {decisions.weekly.map((week) => (
                  <tr
                    key={week.weekStart}
                    className="border-b border-slate-200"
                    data-testid="weekly-allocation-row"
                    data-week={week.weekStart}
                  >
                    <th scope="row" className={`${CELL} font-normal tabular-nums`}>
                      {week.weekStart}
                    </th>
                    <td className={`${CELL} text-right tabular-nums`}>{week.actions}</td>
                    {week.variants.map((variant) => (
                      <td
                        key={variant.key}
                        className={`${CELL} text-right tabular-nums`}
                        data-variant={variant.key}
                      >
                        {week.actions > 0
                          ? `${percent(variant.share)} (${variant.actions})`
                          : tp.decisions.weekEmpty}
                      </td>
                    ))}
                    <td className={CELL}>
                      <ShareBar shares={week.variants.map((variant) => variant.share)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {decisions.step.mode === "LEARNING" ? (
            <>
              <h3 className="mt-6 font-semibold">{tp.decisions.beliefs}</h3>
              <p className="mt-1 max-w-3xl text-sm text-slate-700">
                {tp.decisions.beliefsIntro(percent(decisions.explorationFloor))}
              </p>
              {decisions.beliefs.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{tp.decisions.nothingLearned}</p>
              ) : (
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full border-collapse bg-white text-left text-sm">
                    <caption className="sr-only">{tp.decisions.beliefsCaption}</caption>
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className={CELL}>
                          {tp.decisions.band}
                        </th>
                        {decisions.step.variants.map((variant) => (
                          <th key={variant.key} scope="col" className={`${CELL} text-right`}>
                            {tp.decisions.beliefHeader(variant.key)}
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

          <h3 className="mt-6 font-semibold">{tp.decisions.recent}</h3>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{tp.decisions.recentCaption}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={CELL}>
                    {tp.decisions.day}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.decisions.invoice}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.decisions.band}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.decisions.variant}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.decisions.how}
                  </th>
                  <th scope="col" className={CELL}>
                    {tp.decisions.meansThen}
                  </th>
                </tr>
              </thead>
              <tbody>
                {decisions.recent.length === 0 ? (
                  <tr>
                    <td colSpan={6} className={`${CELL} text-slate-600`}>
                      {tp.decisions.notTaken}
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
                    <td className={CELL}>{decision.variantKey ?? tp.decisions.asWritten}</td>
                    <td className={CELL}>
                      {decision.method === "split"
                        ? tp.decisions.split
                        : decision.method === "learning"
                          ? decision.explored
                            ? tp.decisions.explored
                            : tp.decisions.best
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
