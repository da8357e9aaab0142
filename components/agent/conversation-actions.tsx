"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { agentInboxMessages } from "@/lib/i18n/staff/agent/inbox";

type Action = keyof (typeof agentInboxMessages)["en"]["actions"];

/** Buttons for one conversation; errors are shown beside them in the server's words. */
export function ConversationActions({
  conversationId,
  actions,
  locale,
}: {
  conversationId: string;
  actions: Action[];
  locale: Locale;
}) {
  const t = agentInboxMessages[locale];
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Action) => {
    setBusy(true);
    setError(null);
    const result = await requestJson(
      `/api/agent/conversations/${conversationId}`,
      { method: "POST", body: { action } },
      t.actionFailed,
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
          {t.actions[action]}
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
