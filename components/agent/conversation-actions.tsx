"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

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
    try {
      const response = await fetch(`/api/agent/conversations/${conversationId}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        setError(body?.error?.message ?? "Could not update the conversation");
      }
      router.refresh();
    } catch {
      setError("Could not reach the server");
    } finally {
      setBusy(false);
    }
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
