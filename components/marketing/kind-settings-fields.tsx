"use client";

import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";
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
  locale,
  onChange,
}: {
  kind: BlockKind;
  settings: Record<string, unknown>;
  plans: OfferPlan[];
  issues: Record<string, string>;
  locale: Locale;
  onChange: (settings: Record<string, unknown>) => void;
}) {
  const t = blockEditorMessages[locale].settings;
  const problems = Object.values(issues);
  if (kind === "OFFER") {
    const plan = (settings.plan ?? {}) as { mode?: string; planCode?: string };
    const fixed = plan.mode === "fixed";
    return (
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="font-semibold">{t.offerLegend}</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="offer-plan"
            checked={!fixed}
            onChange={() => onChange({ plan: { mode: "best" } })}
          />
          {t.bestPlan}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="offer-plan"
            checked={fixed}
            onChange={() => onChange({ plan: { mode: "fixed", planCode: plans[0]?.code ?? "" } })}
          />
          {t.fixedPlan}
          <select
            aria-label={t.plan}
            className={INPUT}
            disabled={!fixed}
            value={fixed ? (plan.planCode ?? "") : ""}
            onChange={(event) =>
              onChange({ plan: { mode: "fixed", planCode: event.currentTarget.value } })
            }
          >
            {fixed ? null : <option value="">{t.choosePlan}</option>}
            {plans.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name} ({option.code}, {formatStaffMoney(option.monthlyFeeOre)}
                {t.perMonth})
              </option>
            ))}
          </select>
        </label>
        {plans.length === 0 ? <p className="text-slate-700">{t.noPlans}</p> : null}
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
        <legend className="font-semibold">{t.scaleLegend}</legend>
        {(
          [
            ["NPS", t.nps],
            ["CSAT", t.csat],
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
