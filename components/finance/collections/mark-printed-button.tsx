"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";

/** Marks the letters named printed and posted (one, or the batch just printed). */
export async function submitPrinted(actionIds: readonly string[], locale: Locale) {
  return requestJson<{ printed: number; alreadyPrinted: number }>(
    "/api/finance/collections/letters/printed",
    { method: "POST", body: { actionIds } },
    collectionsMessages[locale].markPrinted.notMarked,
  );
}

export function MarkPrintedButton({
  actionIds,
  label,
  accessibleLabel,
  locale,
}: {
  locale: Locale;
  actionIds: readonly string[];
  label: string;
  accessibleLabel?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-label={accessibleLabel}
        disabled={busy}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50"
        onClick={async () => {
          setBusy(true);
          const result = await submitPrinted(actionIds, locale);
          setBusy(false);
          setProblem(result.ok ? null : result.problem);
          if (result.ok) router.refresh();
        }}
      >
        {busy ? collectionsMessages[locale].markPrinted.marking : label}
      </button>
      {problem ? (
        <span role="alert" className="text-sm text-red-800">
          {problem.message}
        </span>
      ) : null}
    </span>
  );
}
