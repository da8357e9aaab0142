"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";

/**
 * Marks the conversation as the customer disputing the invoice (lib/collections/disputes.ts):
 * reminders and other collection steps wait until it is unmarked or the conversation resolved.
 * The customer's timeline says so. Errors are shown beside it in the server's words.
 */
export function DisputeToggle({
  conversationId,
  disputed,
  resolved,
  locale,
}: {
  conversationId: string;
  disputed: boolean;
  /** A resolved conversation is no dispute: reopen it first. */
  resolved: boolean;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].dispute;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (next: boolean) => {
    setBusy(true);
    setError(null);
    const result = await requestJson(
      `/api/agent/conversations/${conversationId}/dispute`,
      { method: "PUT", body: { disputed: next } },
      t.failed,
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
        {t.label}
      </label>
      <p className="mt-1 text-slate-700">
        {disputed ? t.disputed : resolved ? t.reopenFirst : t.explain}
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
