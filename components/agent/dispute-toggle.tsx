"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";

/**
 * Marks the conversation as the customer disputing the invoice (lib/collections/disputes.ts):
 * reminders and other collection steps wait until it is unmarked or the conversation resolved.
 * The customer's timeline says so. Errors are shown beside it in the server's words.
 */
export function DisputeToggle({
  conversationId,
  disputed,
  resolved,
}: {
  conversationId: string;
  disputed: boolean;
  /** A resolved conversation is no dispute: reopen it first. */
  resolved: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (next: boolean) => {
    setBusy(true);
    setError(null);
    const result = await requestJson(
      `/api/agent/conversations/${conversationId}/dispute`,
      { method: "PUT", body: { disputed: next } },
      "Could not change the dispute",
    );
    if (!result.ok) setError(result.problem.message);
    router.refresh();
    setBusy(false);
  };
  return (
    <div className="rounded-lg bg-white p-4 text-sm shadow-sm" data-testid="dispute-toggle">
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={disputed}
          disabled={busy || (resolved && !disputed)}
          onChange={(event) => void toggle(event.target.checked)}
        />
        Markera som tvist — pausar påminnelser
      </label>
      <p className="mt-1 text-slate-700">
        {disputed
          ? "Disputed: no reminder or other collection step runs until you unmark it or resolve the conversation. The customer's timeline says reminders are paused."
          : resolved
            ? "Reopen the conversation to mark the invoice as disputed."
            : "Mark it when the customer objects to the invoice: collection steps wait while you look into it, and resume re-timed after."}
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
