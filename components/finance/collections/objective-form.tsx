"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type ClientProblem, fieldMessage, requestJson } from "@/components/ui/problem";
import type { CollectionObjective } from "@/lib/collections/learner";
import type { Locale } from "@/lib/db/generated/client";
import { collectionsFormMessages } from "@/lib/i18n/staff/finance/collections-forms";

/**
 * What the collection learner counts as a step that worked, for the organisation: paid in full
 * within 3, 7 or 14 days of the step, less a penalty (0–10) when the customer left within 90 days
 * or wrote to support within 14. The server checks it again and keeps it.
 */

export const PAID_WITHIN_DAYS = [3, 7, 14] as const;

/** A penalty typed as "1", "0,25" or "0.5": the number, or NaN when it is none (the server says so). */
export function parsePenalty(text: string): number {
  const trimmed = text.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const penaltyText = (value: number) => String(value).replace(".", ",");

export type ObjectiveFormState =
  | { kind: "idle" | "busy" | "saved" }
  | { kind: "failed"; problem: ClientProblem };

export interface ObjectiveDraft {
  paidWithinDays: string;
  churnPenalty: string;
  supportPenalty: string;
}

export function draftOfObjective(objective: CollectionObjective): ObjectiveDraft {
  return {
    paidWithinDays: String(objective.paidWithinDays),
    churnPenalty: penaltyText(objective.churnPenalty),
    supportPenalty: penaltyText(objective.supportPenalty),
  };
}

/** The document the route checks: numbers (a penalty that is not one is sent as null). */
export function objectiveToInput(draft: ObjectiveDraft): Record<string, number | null> {
  const number = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    paidWithinDays: Number(draft.paidWithinDays),
    churnPenalty: number(parsePenalty(draft.churnPenalty)),
    supportPenalty: number(parsePenalty(draft.supportPenalty)),
  };
}

export function saveObjective(
  input: Record<string, number | null>,
  fallback = collectionsFormMessages.en.objective.notSaved,
) {
  return requestJson<{ objective: CollectionObjective }>(
    "/api/finance/collections/objective",
    { method: "PUT", body: input },
    fallback,
  );
}

export function ObjectiveForm({
  objective,
  locale,
}: {
  objective: CollectionObjective;
  locale: Locale;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => draftOfObjective(objective));
  const [state, setState] = useState<ObjectiveFormState>({ kind: "idle" });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ kind: "busy" });
    const result = await saveObjective(
      objectiveToInput(draft),
      collectionsFormMessages[locale].objective.notSaved,
    );
    if (!result.ok) {
      setState({ kind: "failed", problem: result.problem });
      return;
    }
    setDraft(draftOfObjective(result.body.objective));
    setState({ kind: "saved" });
    router.refresh();
  };
  return (
    <ObjectiveFormView
      draft={draft}
      state={state}
      onChange={(changes) => {
        setDraft((current) => ({ ...current, ...changes }));
        setState({ kind: "idle" });
      }}
      onSubmit={submit}
      locale={locale}
    />
  );
}

/** The form in a given state (rendered by ObjectiveForm; tested on its own). */
export function ObjectiveFormView(props: {
  draft: ObjectiveDraft;
  state: ObjectiveFormState;
  onChange: (changes: Partial<ObjectiveDraft>) => void;
  onSubmit: (event: React.FormEvent) => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[props.locale ?? "en"].objective;
  const id = useId();
  const { draft, state } = props;
  const problem = state.kind === "failed" ? state.problem : null;
  const issues = {
    paidWithinDays: fieldMessage(problem, "paidWithinDays"),
    churnPenalty: fieldMessage(problem, "churnPenalty"),
    supportPenalty: fieldMessage(problem, "supportPenalty"),
  };
  const firstIssue = issues.paidWithinDays ?? issues.churnPenalty ?? issues.supportPenalty;
  return (
    <form
      onSubmit={props.onSubmit}
      noValidate
      aria-labelledby={`${id}-heading`}
      className="mt-3 grid max-w-3xl gap-3 rounded border border-slate-200 bg-white p-4"
      data-testid="objective-form"
    >
      <h3 id={`${id}-heading`} className="font-semibold">
        {t.heading}
      </h3>
      <p className="text-sm text-slate-700">{t.intro}</p>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.paidWithin}</span>
          <select
            className="rounded border border-slate-400 px-2 py-1"
            value={draft.paidWithinDays}
            aria-invalid={issues.paidWithinDays ? true : undefined}
            onChange={(event) => props.onChange({ paidWithinDays: event.currentTarget.value })}
          >
            {PAID_WITHIN_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                {t.days(days)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.churnPenalty}</span>
          <input
            inputMode="decimal"
            className="w-24 rounded border border-slate-400 px-2 py-1"
            value={draft.churnPenalty}
            aria-invalid={issues.churnPenalty ? true : undefined}
            onChange={(event) => props.onChange({ churnPenalty: event.currentTarget.value })}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.supportPenalty}</span>
          <input
            inputMode="decimal"
            className="w-24 rounded border border-slate-400 px-2 py-1"
            value={draft.supportPenalty}
            aria-invalid={issues.supportPenalty ? true : undefined}
            onChange={(event) => props.onChange({ supportPenalty: event.currentTarget.value })}
          />
        </label>
        <button
          type="submit"
          disabled={state.kind === "busy"}
          className="rounded bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-50"
        >
          {state.kind === "busy" ? t.saving : t.save}
        </button>
      </div>
      <p role="alert" className="text-sm text-red-800">
        {problem ? (firstIssue ?? problem.message) : ""}
      </p>
      <p role="status" className="text-sm text-slate-700">
        {state.kind === "saved" ? t.saved : ""}
      </p>
    </form>
  );
}
