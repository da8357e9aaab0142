"use client";

import { formatStaffMoney } from "@/lib/money/staff-money";
import type { BlockKind } from "./block-draft";

export interface OfferPlan {
  code: string;
  name: string;
  kind: string;
  monthlyFeeOre: number;
}

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";

/** What an offer offers, or what scale a survey asks on; other kinds have no settings. */
export function KindSettingsFields({
  kind,
  settings,
  plans,
  issues,
  onChange,
}: {
  kind: BlockKind;
  settings: Record<string, unknown>;
  plans: OfferPlan[];
  issues: Record<string, string>;
  onChange: (settings: Record<string, unknown>) => void;
}) {
  const problems = Object.values(issues);
  if (kind === "OFFER") {
    const plan = (settings.plan ?? {}) as { mode?: string; planCode?: string };
    const fixed = plan.mode === "fixed";
    return (
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="font-semibold">What the offer offers</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="offer-plan"
            checked={!fixed}
            onChange={() => onChange({ plan: { mode: "best" } })}
          />
          The best plan for this customer (from their usage; hidden when they already have it)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="offer-plan"
            checked={fixed}
            onChange={() => onChange({ plan: { mode: "fixed", planCode: plans[0]?.code ?? "" } })}
          />
          A fixed plan:
          <select
            aria-label="Plan"
            className={INPUT}
            disabled={!fixed}
            value={fixed ? (plan.planCode ?? "") : ""}
            onChange={(event) =>
              onChange({ plan: { mode: "fixed", planCode: event.currentTarget.value } })
            }
          >
            {fixed ? null : <option value="">choose a plan</option>}
            {plans.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name} ({option.code}, {formatStaffMoney(option.monthlyFeeOre)}
                /month)
              </option>
            ))}
          </select>
        </label>
        {plans.length === 0 ? (
          <p className="text-slate-700">The catalogue has no active plans.</p>
        ) : null}
        {problems.map((problem) => (
          <p key={problem} className="text-xs text-red-700">
            {problem}
          </p>
        ))}
      </fieldset>
    );
  }
  if (kind === "SURVEY") {
    return (
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="font-semibold">Question scale</legend>
        {(
          [
            ["NPS", "NPS: how likely to recommend us, 0–10"],
            ["CSAT", "CSAT: how satisfied, 1–5"],
          ] as const
        ).map(([scale, label]) => (
          <label key={scale} className="flex items-center gap-2">
            <input
              type="radio"
              name="survey-scale"
              checked={settings.scale === scale}
              onChange={() => onChange({ scale })}
            />
            {label}
          </label>
        ))}
        {problems.map((problem) => (
          <p key={problem} className="text-xs text-red-700">
            {problem}
          </p>
        ))}
      </fieldset>
    );
  }
  return null;
}
