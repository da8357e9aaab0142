"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";

type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

const ACTIONS: Record<Status, Array<{ to: Status; label: string }>> = {
  DRAFT: [
    { to: "PUBLISHED", label: "Publish" },
    { to: "ARCHIVED", label: "Archive" },
  ],
  PUBLISHED: [
    { to: "DRAFT", label: "Withdraw" },
    { to: "ARCHIVED", label: "Archive" },
  ],
  ARCHIVED: [{ to: "DRAFT", label: "Restore as draft" }],
};

/** Publish, withdraw or archive; open invoice pages pick the change up at once. */
export function BlockStatusActions({
  blockId,
  status,
  hasUnsavedChanges,
}: {
  blockId: string;
  status: Status;
  hasUnsavedChanges: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1" data-testid="block-status">
      <p className="text-sm">
        Status: <strong data-testid="block-status-value">{status.toLowerCase()}</strong>
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
            {action.label}
          </button>
        ))}
      </div>
      {hasUnsavedChanges && status === "DRAFT" ? (
        <p className="text-xs text-slate-700">Save your changes before publishing.</p>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
