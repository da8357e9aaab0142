"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";

const LABELS = {
  "assign-to-me": "Assign to me",
  unassign: "Unassign",
  resolve: "Resolve",
  reopen: "Reopen",
} as const;
type Action = keyof typeof LABELS;

/** Buttons for one conversation; errors are shown beside them in the server's words. */
export function ConversationActions({
  conversationId,
  actions,
}: {
  conversationId: string;
  actions: Action[];
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Action) => {
    setBusy(true);
    setError(null);
    const result = await requestJson(
      `/api/agent/conversations/${conversationId}`,
      { method: "POST", body: { action } },
      "Could not update the conversation",
    );
    if (!result.ok) setError(result.problem.message);
    router.refresh();
    setBusy(false);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          disabled={busy}
          onClick={() => void run(action)}
          className="rounded border border-slate-400 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50"
        >
          {LABELS[action]}
        </button>
      ))}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
