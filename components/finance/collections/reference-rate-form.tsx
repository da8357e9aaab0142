"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type ClientProblem, fieldMessage, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { collectionsFormMessages } from "@/lib/i18n/staff/finance/collections-forms";

/**
 * An administrator's form to add or correct a half-year's reference rate: the year, the half
 * (from 1 January or 1 July) and the rate in percent ("2", "2,5", "-" not allowed), sent in
 * hundredths of a percent. The server checks it again and keeps it.
 */

/** A rate typed in percent ("2", "2,50", "1.75") in hundredths of a percent, or null. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

export type RateFormState =
  | { kind: "idle" | "busy" }
  | { kind: "saved"; validFrom: string; created: boolean }
  | { kind: "failed"; problem: ClientProblem };

export function ReferenceRateForm({
  defaultYear,
  locale,
}: {
  defaultYear: number;
  locale: Locale;
}) {
  const t = collectionsFormMessages[locale].rate;
  const router = useRouter();
  const [year, setYear] = useState(String(defaultYear));
  const [half, setHalf] = useState<"01" | "07">("01");
  const [rate, setRate] = useState("");
  const [state, setState] = useState<RateFormState>({ kind: "idle" });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const rateBasisPoints = parsePercent(rate);
    if (rateBasisPoints === null || !/^\d{4}$/.test(year.trim())) {
      setState({
        kind: "failed",
        problem: {
          code: "BAD_INPUT",
          status: 0,
          details: {},
          issues: [],
          message: rateBasisPoints === null ? t.typeRate : t.typeYear,
        },
      });
      return;
    }
    setState({ kind: "busy" });
    const validFrom = `${year.trim()}-${half}-01`;
    const result = await requestJson<{ validFrom: string; created: boolean }>(
      "/api/finance/collections/reference-rates",
      { method: "PUT", body: { validFrom, rateBasisPoints } },
    );
    if (!result.ok) {
      setState({ kind: "failed", problem: result.problem });
      return;
    }
    setState({ kind: "saved", validFrom, created: result.body.created });
    setRate("");
    router.refresh();
  };
  return (
    <ReferenceRateFormView
      year={year}
      half={half}
      rate={rate}
      state={state}
      onYear={setYear}
      onHalf={setHalf}
      onRate={setRate}
      onSubmit={submit}
      locale={locale}
    />
  );
}

/** The form in a given state (rendered by ReferenceRateForm; tested on its own). */
export function ReferenceRateFormView(props: {
  year: string;
  half: "01" | "07";
  rate: string;
  state: RateFormState;
  onYear: (year: string) => void;
  onHalf: (half: "01" | "07") => void;
  onRate: (rate: string) => void;
  onSubmit: (event: React.FormEvent) => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[props.locale ?? "en"].rate;
  const id = useId();
  const { state } = props;
  const problem = state.kind === "failed" ? state.problem : null;
  const dateIssue = fieldMessage(problem, "validFrom");
  const rateIssue = fieldMessage(problem, "rateBasisPoints");
  return (
    <form
      onSubmit={props.onSubmit}
      noValidate
      aria-labelledby={`${id}-heading`}
      className="mt-4 grid max-w-2xl gap-3 rounded border border-slate-200 bg-white p-4"
      data-testid="reference-rate-form"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.heading}
      </h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.year}</span>
          <input
            inputMode="numeric"
            className="w-24 rounded border border-slate-400 px-2 py-1"
            value={props.year}
            aria-invalid={dateIssue ? true : undefined}
            onChange={(event) => props.onYear(event.currentTarget.value)}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.half}</span>
          <select
            className="rounded border border-slate-400 px-2 py-1"
            value={props.half}
            onChange={(event) => props.onHalf(event.currentTarget.value as "01" | "07")}
          >
            <option value="01">{t.fromJanuary}</option>
            <option value="07">{t.fromJuly}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.rate}</span>
          <input
            inputMode="decimal"
            className="w-24 rounded border border-slate-400 px-2 py-1"
            value={props.rate}
            placeholder="2,00"
            aria-invalid={rateIssue ? true : undefined}
            onChange={(event) => props.onRate(event.currentTarget.value)}
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
        {problem ? (dateIssue ?? rateIssue ?? problem.message) : ""}
      </p>
      <p role="status" className="text-sm text-slate-700">
        {state.kind === "saved" ? t.saved(state.created, state.validFrom) : ""}
      </p>
    </form>
  );
}
