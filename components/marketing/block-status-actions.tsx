"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";

type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

type Label = "publish" | "archive" | "withdraw" | "restore";

const ACTIONS: Record<Status, Array<{ to: Status; label: Label }>> = {
  DRAFT: [
    { to: "PUBLISHED", label: "publish" },
    { to: "ARCHIVED", label: "archive" },
  ],
  PUBLISHED: [
    { to: "DRAFT", label: "withdraw" },
    { to: "ARCHIVED", label: "archive" },
  ],
  ARCHIVED: [{ to: "DRAFT", label: "restore" }],
};

/** Publish, withdraw or archive; open invoice pages pick the change up at once. */
export function BlockStatusActions({
  blockId,
  status,
  hasUnsavedChanges,
  locale,
}: {
  blockId: string;
  status: Status;
  hasUnsavedChanges: boolean;
  locale: Locale;
}) {
  const words = blockEditorMessages[locale];
  const t = words.status;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1" data-testid="block-status">
      <p className="text-sm">
        {t.label}
        <strong data-testid="block-status-value">{words.statuses[status]}</strong>
      </p>
      <div className="flex flex-wrap gap-2">
        {ACTIONS[status].map((action) => (
          <button
            key={action.to}
            type="button"
            // Publishing what is on screen but not saved would publish something else than shown.
            disabled={busy || (action.to === "PUBLISHED" && hasUnsavedChanges)}
            className={`rounded px-3 py-1 text-sm font-semibold disabled:opacity-50 ${
              action.to === "PUBLISHED"
                ? "bg-green-800 text-white"
                : "border border-slate-400 bg-white"
            }`}
            onClick={async () => {
              setBusy(true);
              const result = await requestJson(`/api/marketing/blocks/${blockId}/status`, {
                method: "POST",
                body: { status: action.to },
              });
              setBusy(false);
              setMessage(result.ok ? null : result.problem.message);
              if (result.ok) router.refresh();
            }}
          >
            {t[action.label]}
          </button>
        ))}
      </div>
      {hasUnsavedChanges && status === "DRAFT" ? (
        <p className="text-xs text-slate-700">{t.saveFirst}</p>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
