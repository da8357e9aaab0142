import { type Rate, rateOf } from "@/lib/content/analytics/wilson-interval";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import {
  type CollectionExperimentMode,
  type CollectionStepKind,
  Prisma,
} from "@/lib/db/generated/client";
import type { ReceivablesFilter } from "@/lib/receivables/receivables-query";

/**
 * The collection experiments' results per step and variant, from CollectionOutcome (one row per
 * step taken, filled by the outcome job) as the refresh summed it per day (ReceivablesExperimentDaily),
 * for the steps taken in the dashboard's range and customers of its segment and kind. Each share counts only the outcomes whose window has closed —
 * an outcome still open is neither a success nor a failure yet — and carries its 95 % Wilson
 * interval: while two variants' intervals overlap widely the test has not shown a difference.
 */

/** Support contacts are counted in the 14 days after the step. */
export const CONTACT_WINDOW_DAYS = 14;

export interface VariantResult {
  key: string;
  /** The variant's name and traffic share as the step has them now (null: variant removed). */
  name: string | null;
  weight: number | null;
  /** Steps taken with this variant. */
  actions: number;
  /** Paid in full within 14 days of the step (outcomes whose 14 days are over, or paid). */
  paidWithin14: Rate;
  /** Went on to the policy's next step (final outcomes). */
  reachedNextStep: Rate;
  /** Wrote to support at least once within 14 days (steps at least 14 days old). */
  contacted: Rate;
  /** Customer messages per 100 steps, same steps as `contacted`. */
  contactsPer100: number | null;
  /** A contract of the customer ended within 90 days (outcomes whose 90 days are over). */
  churned: Rate;
  /** The learner's reward (0–1) averaged over the outcomes that have one. */
  averageReward: number | null;
  rewards: number;
}

export interface ExperimentStepResult {
  stepId: string;
  policyName: string;
  /** 1-based position of the step in its policy. */
  stepNumber: number;
  stepKind: CollectionStepKind;
  experimentMode: CollectionExperimentMode;
  variants: VariantResult[];
}

interface OutcomeSums {
  stepId: string;
  variantKey: string;
  actions: number;
  paid14: number;
  paid14Trials: number;
  nextStep: number;
  nextStepTrials: number;
  contacted: number;
  contactTrials: number;
  contacts: number;
  churned: number;
  churnTrials: number;
  rewardSum: number;
  rewards: number;
}

export async function loadExperimentResults(
  db: Db,
  options: { organizationId: string; filter: ReceivablesFilter; today: Date },
): Promise<ExperimentStepResult[]> {
  const { organizationId, filter } = options;
  // Support contacts are counted over the steps whose 14 days are over.
  const contactsClosedBy = formatCalendarDate(addDays(options.today, -CONTACT_WINDOW_DAYS));
  const rows = await db.$queryRaw<OutcomeSums[]>`
    SELECT r."stepId", r."variantKey",
           sum(r."actions")::int AS "actions",
           sum(r."paidWithin14")::int AS "paid14",
           sum(r."paidWithin14Decided")::int AS "paid14Trials",
           sum(r."reachedNextStep")::int AS "nextStep",
           sum(r."finalOutcomes")::int AS "nextStepTrials",
           COALESCE(sum(r."withContact") FILTER (WHERE r."day" <= ${contactsClosedBy}::date), 0)::int
             AS "contacted",
           COALESCE(sum(r."actions") FILTER (WHERE r."day" <= ${contactsClosedBy}::date), 0)::int
             AS "contactTrials",
           COALESCE(sum(r."supportContacts") FILTER (WHERE r."day" <= ${contactsClosedBy}::date), 0)::int
             AS "contacts",
           sum(r."churned")::int AS "churned",
           sum(r."churnDecided")::int AS "churnTrials",
           sum(r."rewardSum")::float8 AS "rewardSum",
           sum(r."rewards")::int AS "rewards"
      FROM "ReceivablesExperimentDaily" r
     WHERE r."organizationId" = ${organizationId}
       AND r."day" BETWEEN ${formatCalendarDate(filter.from)}::date
                       AND ${formatCalendarDate(filter.to)}::date
       ${filter.segment === null ? Prisma.empty : Prisma.sql`AND r."segment" = ${filter.segment}`}
       ${filter.isBusiness === null ? Prisma.empty : Prisma.sql`AND r."isBusiness" = ${filter.isBusiness}`}
     GROUP BY r."stepId", r."variantKey"
     ORDER BY r."stepId", r."variantKey"`;
  if (rows.length === 0) return [];
  const steps = await db.collectionStep.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.stepId))] } },
    select: {
      id: true,
      position: true,
      kind: true,
      experimentMode: true,
      policy: { select: { name: true, position: true, organizationId: true } },
      variants: { select: { key: true, name: true, weight: true } },
    },
  });
  return steps
    .filter((step) => step.policy.organizationId === organizationId)
    .sort((a, b) => a.policy.position - b.policy.position || a.position - b.position)
    .map((step) => ({
      stepId: step.id,
      policyName: step.policy.name,
      stepNumber: step.position + 1,
      stepKind: step.kind,
      experimentMode: step.experimentMode,
      variants: rows
        .filter((row) => row.stepId === step.id)
        .map((row): VariantResult => {
          const variant = step.variants.find((candidate) => candidate.key === row.variantKey);
          return {
            key: row.variantKey,
            name: variant?.name ?? null,
            weight: variant?.weight ?? null,
            actions: row.actions,
            paidWithin14: rateOf(row.paid14, row.paid14Trials),
            reachedNextStep: rateOf(row.nextStep, row.nextStepTrials),
            contacted: rateOf(row.contacted, row.contactTrials),
            contactsPer100: row.contactTrials > 0 ? (row.contacts / row.contactTrials) * 100 : null,
            churned: rateOf(row.churned, row.churnTrials),
            averageReward: row.rewards > 0 ? row.rewardSum / row.rewards : null,
            rewards: row.rewards,
          };
        }),
    }));
}
