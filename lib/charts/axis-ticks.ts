/**
 * Y-axis ticks for the server-rendered charts (usage on the invoice, counts in the marketers'
 * analytics): 0 and a few steps of 1, 2 or 5 × 10^n that reach at least the maximum, so labels are
 * round numbers and the plot is not wasted. Integer arithmetic throughout: usage is in thousandths
 * and every label stays exact.
 */
export interface AxisShape {
  /** The most steps above 0 (the least is then found for the step that fits). */
  maxSteps: number;
  /** The fewest steps above 0, so a small maximum still gets an axis. */
  minSteps: number;
  /** The top used when everything is 0 (or below). */
  emptyTop: number;
}

/** Usage in thousandths: 2–4 steps; an all-zero series gets an axis of one whole unit. */
export const USAGE_AXIS: AxisShape = { maxSteps: 4, minSteps: 2, emptyTop: 1000 };
/** Whole counts (impressions, accepts): 1–5 steps. */
export const COUNT_AXIS: AxisShape = { maxSteps: 5, minSteps: 1, emptyTop: 1 };

const STEP_MULTIPLIERS = [1, 2, 5] as const;

export function axisTicks(max: number, shape: AxisShape): number[] {
  const top = max > 0 ? max : shape.emptyTop;
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const multiplier of STEP_MULTIPLIERS) {
      const step = multiplier * magnitude;
      const remainder = top % step;
      const steps = (top - remainder) / step + (remainder === 0 ? 0 : 1);
      if (steps <= shape.maxSteps) {
        return Array.from(
          { length: Math.max(steps, shape.minSteps) + 1 },
          (_, index) => index * step,
        );
      }
    }
  }
}
