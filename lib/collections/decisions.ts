import { z } from "zod";
import { bandBelief, EXPLORATION_FLOOR } from "@/lib/collections/learner";
import { loadBeliefs } from "@/lib/collections/run";
import { addDays, daysBetween, formatCalendarDate, todayInSweden } from "@/lib/dates/calendar-date";
import type { Db } from "@/lib/db/database";
import type { CollectionExperimentMode, CollectionStepKind } from "@/lib/db/generated/client";

/**
 * The collection experiments explained, for finance: each step with variants in play, how its
 * invoices were shared out over the last 30 days, what the learner believes per customer band
 * (from CollectionLearnerState) and its recent decisions as recorded on each action (its
 * assignment: the band, explored or not, the posterior means it drew from). Reads only.
 */

export const ALLOCATION_DAYS = 30;
/** Weeks of allocation history shown as a series (the current week last). */
export const ALLOCATION_WEEKS = 12;
export const RECENT_DECISIONS = 50;

export interface ExperimentStep {
  stepId: string;
  policyId: string;
  policyName: string;
  /** 1-based position of the step in its policy. */
  stepNumber: number;
  kind: CollectionStepKind;
  mode: Exclude<CollectionExperimentMode, "OFF">;
  variants: { key: string; name: string; weight: number }[];
}

/** The organisation's steps with an experiment in play, in policy and step order. */
export async function listExperimentSteps(
  db: Db,
  organizationId: string,
): Promise<ExperimentStep[]> {
  const rows = await db.collectionStep.findMany({
    where: { policy: { organizationId }, experimentMode: { not: "OFF" } },
    include: {
      policy: { select: { id: true, name: true, position: true, isDefault: true } },
      variants: { orderBy: { key: "asc" }, select: { key: true, name: true, weight: true } },
    },
  });
  return rows
    .sort(
      (a, b) =>
        Number(a.policy.isDefault) - Number(b.policy.isDefault) ||
        a.policy.position - b.policy.position ||
        a.position - b.position,
    )
    .map((row) => ({
      stepId: row.id,
      policyId: row.policy.id,
      policyName: row.policy.name,
      stepNumber: row.position + 1,
      kind: row.kind,
      mode: row.experimentMode as ExperimentStep["mode"],
      variants: row.variants,
    }));
}

export interface VariantAllocation {
  key: string;
  /** The variant's name now (null: no longer a variant of the step). */
  name: string | null;
  /** Its weight now: the split's share, or in learning whether it is in play (above 0). */
  weight: number | null;
  actions: number;
  /** Of the step's actions with a variant in the window, 0–1. */
  share: number;
}

/** One ISO week (Monday to Sunday) of a step's actions with a variant, shared out per variant. */
export interface WeeklyAllocation {
  /** The week's Monday (YYYY-MM-DD). */
  weekStart: string;
  actions: number;
  /** In the allocation's key order; share 0–1 of the week's actions (0 in an empty week). */
  variants: { key: string; actions: number; share: number }[];
}

export interface BandBeliefs {
  band: string;
  /** The band in words ("1–5 år · aldrig sen · 500–2 000 kr · privat"). */
  bandText: string;
  variants: {
    key: string;
    /** Outcomes counted for the band and variant. */
    samples: number;
    /** The band's own mean reward, alpha / (alpha + beta); null before any outcome. */
    mean: number | null;
    /** The mean the learner draws around: the band's own outcomes on the pooled prior. */
    belief: number;
  }[];
}

export interface Decision {
  actionId: string;
  invoiceId: string;
  invoiceNumber: number | null;
  performedOn: string;
  variantKey: string | null;
  method: "split" | "learning" | null;
  band: string | null;
  explored: boolean | null;
  posteriorMeans: Record<string, number> | null;
}

export interface StepDecisions {
  step: ExperimentStep;
  /** The first day of the allocation's window (YYYY-MM-DD). */
  since: string;
  allocation: VariantAllocation[];
  /** The allocation over the last ALLOCATION_WEEKS ISO weeks, oldest first, empty weeks too. */
  weekly: WeeklyAllocation[];
  /** Actions in the window without a variant (taken while the experiment was off). */
  withoutVariant: number;
  /** Per band the learner has seen (learning steps; empty otherwise). */
  beliefs: BandBeliefs[];
  explorationFloor: number;
  recent: Decision[];
}

const assignmentSchema = z.looseObject({
  method: z.enum(["split", "learning"]).optional(),
  band: z.string().optional(),
  explored: z.boolean().optional(),
  posteriorMeans: z.record(z.string(), z.number()).optional(),
});

const TENURE = ["under 1 år", "1–5 år", "5 år eller mer"];
const HISTORY = ["aldrig sen (12 mån)", "sen förut (12 mån)"];
const AMOUNT = ["under 500 kr", "500–2 000 kr", "över 2 000 kr"];

/** A learner band ("t1-h0-a2-c") in words; the band itself when it is not one. */
export function describeBand(band: string): string {
  const match = /^t([0-2])-h([01])-a([0-2])-([bc])$/.exec(band);
  if (!match) return band;
  return [
    TENURE[Number(match[1])],
    HISTORY[Number(match[2])],
    AMOUNT[Number(match[3])],
    match[4] === "b" ? "företag" : "privat",
  ].join(" · ");
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The Monday of a calendar date's ISO week. */
function mondayOf(date: Date): Date {
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** Day-and-variant counts summed into ALLOCATION_WEEKS weeks from firstMonday, empty weeks kept. */
export function weeklyAllocation(
  firstMonday: Date,
  keys: readonly string[],
  daily: readonly { performedOn: Date; variantKey: string | null; _count: { _all: number } }[],
): WeeklyAllocation[] {
  const weeks = Array.from({ length: ALLOCATION_WEEKS }, (_, index) => ({
    weekStart: formatCalendarDate(addDays(firstMonday, 7 * index)),
    counts: new Map<string, number>(),
  }));
  for (const row of daily) {
    if (row.variantKey === null) continue;
    const index = Math.floor(daysBetween(firstMonday, row.performedOn) / 7);
    const week = weeks[index];
    if (!week) continue;
    week.counts.set(row.variantKey, (week.counts.get(row.variantKey) ?? 0) + row._count._all);
  }
  return weeks.map(({ weekStart, counts }) => {
    const actions = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return {
      weekStart,
      actions,
      variants: keys.map((key) => {
        const count = counts.get(key) ?? 0;
        return { key, actions: count, share: actions > 0 ? round4(count / actions) : 0 };
      }),
    };
  });
}

/** One step's allocation, beliefs and recent decisions; null when it is not the organisation's. */
export async function loadStepDecisions(
  db: Db,
  organizationId: string,
  stepId: string,
  options: { today?: Date; limit?: number } = {},
): Promise<StepDecisions | null> {
  const step = (await listExperimentSteps(db, organizationId)).find(
    (candidate) => candidate.stepId === stepId,
  );
  if (!step) return null;
  const today = options.today ?? todayInSweden();
  const since = addDays(today, -(ALLOCATION_DAYS - 1));
  const firstMonday = addDays(mondayOf(today), -7 * (ALLOCATION_WEEKS - 1));
  // One count per day and variant covers both windows: the 30 days lie within the 12 weeks.
  const [daily, actions, beliefs] = await Promise.all([
    db.collectionAction.groupBy({
      by: ["performedOn", "variantKey"],
      where: {
        organizationId,
        stepId,
        performedOn: { gte: firstMonday < since ? firstMonday : since },
      },
      _count: { _all: true },
    }),
    db.collectionAction.findMany({
      where: { organizationId, stepId },
      orderBy: [{ performedAt: "desc" }, { id: "asc" }],
      take: options.limit ?? RECENT_DECISIONS,
      select: {
        id: true,
        invoiceId: true,
        performedOn: true,
        variantKey: true,
        assignment: true,
        invoice: { select: { number: true } },
      },
    }),
    step.mode === "LEARNING" ? loadBeliefs(db, [stepId]) : Promise.resolve(null),
  ]);

  // The last 30 days per variant (null: taken while the experiment was off).
  const recentCounts = new Map<string | null, number>();
  for (const row of daily) {
    if (row.performedOn < since) continue;
    recentCounts.set(row.variantKey, (recentCounts.get(row.variantKey) ?? 0) + row._count._all);
  }
  const total = [...recentCounts].reduce(
    (sum, [key, count]) => (key === null ? sum : sum + count),
    0,
  );
  const keys = [
    ...new Set([
      ...step.variants.map((variant) => variant.key),
      ...daily.flatMap((row) => (row.variantKey === null ? [] : [row.variantKey])),
    ]),
  ].sort();
  const allocation = keys.map((key) => {
    const variant = step.variants.find((candidate) => candidate.key === key);
    const actionCount = recentCounts.get(key) ?? 0;
    return {
      key,
      name: variant?.name ?? null,
      weight: variant?.weight ?? null,
      actions: actionCount,
      share: total > 0 ? round4(actionCount / total) : 0,
    };
  });

  const stepBeliefs = beliefs?.get(stepId);
  const bands = stepBeliefs ? [...stepBeliefs.byBand.keys()].sort() : [];
  return {
    step,
    since: formatCalendarDate(since),
    allocation,
    weekly: weeklyAllocation(firstMonday, keys, daily),
    withoutVariant: recentCounts.get(null) ?? 0,
    beliefs: stepBeliefs
      ? bands.map((band) => ({
          band,
          bandText: describeBand(band),
          variants: step.variants.map(({ key }) => {
            const own = stepBeliefs.byBand.get(band)?.get(key);
            const drawn = bandBelief(stepBeliefs, band, key);
            return {
              key,
              samples: own?.samples ?? 0,
              mean:
                own && own.alpha + own.beta > 0 ? round4(own.alpha / (own.alpha + own.beta)) : null,
              belief: round4(drawn.alpha / (drawn.alpha + drawn.beta)),
            };
          }),
        }))
      : [],
    explorationFloor: EXPLORATION_FLOOR,
    recent: actions.map((action) => {
      const parsed = assignmentSchema.safeParse(action.assignment ?? {});
      const assignment = parsed.success ? parsed.data : {};
      return {
        actionId: action.id,
        invoiceId: action.invoiceId,
        invoiceNumber: action.invoice.number,
        performedOn: formatCalendarDate(action.performedOn),
        variantKey: action.variantKey,
        method: assignment.method ?? null,
        band: assignment.band ?? null,
        explored: assignment.explored ?? null,
        posteriorMeans: assignment.posteriorMeans ?? null,
      };
    }),
  };
}
