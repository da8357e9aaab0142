"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { FeeAgreement } from "@/lib/customers/fee-agreement";
import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

/**
 * Records, changes or removes the customer's reminder-fee agreement (lag 1981:739 2 §: a fee only
 * when agreed no later than when the debt arose). The server refuses a date after today and
 * another organisation's customer; the page re-reads itself after a change.
 */
export function FeeAgreementForm({
  customerId,
  agreement,
  today,
  locale,
}: {
  customerId: string;
  agreement: FeeAgreement | null;
  /** Today (YYYY-MM-DD), the latest date the picker offers. */
  today?: string;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].feeAgreement;
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const save = async (body: FeeAgreement | null, doneMessage: string) => {
    setOutcome({ kind: "busy" });
    const answer = await requestJson<{ agreement: FeeAgreement | null }>(
      `/api/agent/customers/${customerId}/fee-agreement`,
      { method: "PUT", body },
      t.notSaved,
    );
    if (answer.ok) {
      setOutcome({ kind: "done", message: doneMessage });
      router.refresh();
      return;
    }
    setOutcome({
      kind: "error",
      message: answer.problem.code === "NETWORK" ? t.unreachable : answer.problem.message,
    });
  };
  return (
    <details className="mt-1" data-testid="fee-agreement">
      <summary className="cursor-pointer text-blue-800 underline">
        {agreement ? t.change : t.record}
      </summary>
      <form
        aria-label={t.formLabel}
        data-testid="fee-agreement-form"
        className="mt-2 flex flex-col gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          await save(
            {
              agreedOn: String(form.get("agreedOn") ?? ""),
              source: String(form.get("source") ?? "").trim(),
            },
            t.saved,
          );
        }}
      >
        <label className="flex flex-col gap-1">
          {t.agreedOn}
          <input
            type="date"
            name="agreedOn"
            required
            max={today}
            defaultValue={agreement?.agreedOn}
            className="w-44 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          {t.source}
          <input
            name="source"
            required
            minLength={2}
            maxLength={200}
            defaultValue={agreement?.source}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        {outcome.kind === "done" || outcome.kind === "error" ? (
          <p
            role={outcome.kind === "done" ? "status" : "alert"}
            className={`rounded px-3 py-2 ${outcome.kind === "done" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
            data-testid={`fee-agreement-${outcome.kind}`}
          >
            {outcome.message}
          </p>
        ) : null}
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={outcome.kind === "busy"}
            className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white disabled:opacity-50"
          >
            {t.save}
          </button>
          {agreement ? (
            <button
              type="button"
              disabled={outcome.kind === "busy"}
              onClick={() => save(null, t.removed)}
              className="rounded border border-slate-400 px-3 py-1.5 disabled:opacity-50"
            >
              {t.remove}
            </button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
