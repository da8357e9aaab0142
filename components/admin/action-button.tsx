"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

/**
 * A button that asks the admin API for one thing (send a test event, enable, resend) and shows
 * what came of it beside itself; the page is then read again from the server.
 */
export function ActionButton({
  label,
  url,
  method = "POST",
  done,
  accessibleLabel,
  locale,
}: {
  label: string;
  url: string;
  method?: "POST" | "DELETE";
  /** What to say when it worked. */
  done: string;
  /** A longer name for screen readers when the visible label is short (e.g. names the row). */
  accessibleLabel?: string;
  locale: Locale;
}) {
  const router = useRouter();
  const [state, setState] = useState<
    { kind: "idle" | "busy" | "done" } | { kind: "failed"; problem: ClientProblem }
  >({ kind: "idle" });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-label={accessibleLabel}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50"
        disabled={state.kind === "busy"}
        onClick={async () => {
          setState({ kind: "busy" });
          const result = await requestJson(url, { method }, adminMessages[locale].action.notDone);
          setState(result.ok ? { kind: "done" } : { kind: "failed", problem: result.problem });
          if (result.ok) router.refresh();
        }}
      >
        {label}
      </button>
      {state.kind === "failed" ? (
        <span role="alert" className="text-sm text-red-800">
          {state.problem.message}
        </span>
      ) : (
        <span role="status" className="text-sm text-slate-700">
          {state.kind === "done" ? done : ""}
        </span>
      )}
    </span>
  );
}
