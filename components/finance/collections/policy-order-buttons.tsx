"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";
import { moveStep } from "./policy-draft";

/**
 * Moves a policy one place up or down the list (the order invoices are tried in): the whole new
 * order is sent, so a list changed meanwhile by someone else is refused rather than mixed.
 */
export function PolicyOrderButtons({
  order,
  index,
  name,
  locale,
}: {
  locale: Locale;
  /** The ids of every policy but the default, in the list's order. */
  order: readonly string[];
  index: number;
  name: string;
}) {
  const t = collectionsMessages[locale].order;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const move = async (by: -1 | 1) => {
    setBusy(true);
    const result = await requestJson(
      "/api/finance/collections/policies/reorder",
      { method: "POST", body: { order: moveStep(order, index, by) } },
      t.notMoved,
    );
    setBusy(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) router.refresh();
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <button
        type="button"
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50"
        disabled={busy || index === 0}
        aria-label={t.up(name)}
        onClick={() => void move(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50"
        disabled={busy || index === order.length - 1}
        aria-label={t.down(name)}
        onClick={() => void move(1)}
      >
        ↓
      </button>
      {problem ? (
        <span role="alert" className="text-sm text-red-800">
          {problem.message}
        </span>
      ) : null}
    </span>
  );
}
