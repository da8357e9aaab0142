"use client";

import { useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";

/**
 * "Recompute now": asks for the organisation's refresh job (one waiting at a time). The figures
 * change when the job has run, a minute or so later; the page says so instead of waiting.
 */
export function RefreshButton({ locale }: { locale: Locale }) {
  const t = receivablesMessages[locale].refresh;
  const [state, setState] = useState<"idle" | "busy" | "asked" | "already">("idle");
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={state === "busy"}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50"
        onClick={async () => {
          setState("busy");
          const result = await requestJson<{ requested: boolean }>(
            "/api/finance/receivables/refresh",
            { method: "POST", body: {} },
            t.notAsked,
          );
          setProblem(result.ok ? null : result.problem);
          setState(result.ok ? (result.body.requested ? "asked" : "already") : "idle");
        }}
      >
        {state === "busy" ? t.asking : t.recompute}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {state === "asked" ? t.asked : state === "already" ? t.already : ""}
      </span>
      {problem ? (
        <span role="alert" className="text-sm text-red-800">
          {problem.message}
        </span>
      ) : null}
    </span>
  );
}
