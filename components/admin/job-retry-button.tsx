"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

export function JobRetryButton({
  queue,
  jobId,
  locale,
}: {
  queue: string;
  jobId: string;
  locale: Locale;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="rounded border border-slate-400 px-2 py-1"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await requestJson("/api/admin/jobs/retry", {
            method: "POST",
            body: { queue, jobId },
          });
          setBusy(false);
          setProblem(result.ok ? null : result.problem.message);
          if (result.ok) router.refresh();
        }}
      >
        {adminMessages[locale].jobs.retry}
      </button>
      {problem ? (
        <span role="alert" className="ml-2 text-red-800">
          {problem}
        </span>
      ) : null}
    </>
  );
}
