"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

/**
 * A destructive admin action (revoke a key, delete an endpoint) behind a confirmation in place:
 * the first button only asks; the question says what happens; only the second button acts.
 */
export function ConfirmAction(props: {
  /** The first button ("Revoke"). */
  label: string;
  /** Its name for screen readers when the label alone does not say which row it acts on. */
  accessibleLabel?: string;
  /** What will happen, naming the thing (plain text). */
  question: string;
  /** The button that acts ("Revoke key"). */
  confirmLabel: string;
  url: string;
  method: "POST" | "DELETE";
  /** The staff member's language (English where a caller does not pass it yet). */
  locale?: Locale;
}) {
  const locale = props.locale ?? "en";
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  return (
    <ConfirmActionView
      {...props}
      locale={locale}
      confirming={confirming}
      busy={busy}
      problem={problem}
      onAsk={() => {
        setProblem(null);
        setConfirming(true);
      }}
      onCancel={() => setConfirming(false)}
      onConfirm={async () => {
        setBusy(true);
        const result = await requestJson(
          props.url,
          { method: props.method },
          adminMessages[locale].action.notDone,
        );
        setBusy(false);
        if (!result.ok) {
          setProblem(result.problem);
          return;
        }
        setConfirming(false);
        router.refresh();
      }}
    />
  );
}

/** The confirmation as it looks in each state (rendered by ConfirmAction; tested on its own). */
export function ConfirmActionView({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  confirming,
  busy,
  problem,
  onAsk,
  onCancel,
  onConfirm,
  locale = "en",
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  confirming: boolean;
  busy: boolean;
  problem: ClientProblem | null;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  locale?: Locale;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the question: to its safe answer when it opens, back to the button after.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button
        ref={ask}
        type="button"
        aria-label={accessibleLabel}
        onClick={onAsk}
        className="rounded border border-red-700 bg-white px-2 py-1 text-sm text-red-800"
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset
      className="rounded border border-red-300 bg-red-50 p-2 text-sm"
      data-testid="confirm-action"
    >
      <legend className="float-left w-full">{question}</legend>
      <div className="clear-both flex flex-wrap gap-2 pt-2">
        <button
          type="button"
          disabled={busy}
          onClick={onConfirm}
          className="rounded bg-red-800 px-2 py-1 font-semibold text-white disabled:opacity-50"
        >
          {confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-400 bg-white px-2 py-1"
        >
          {adminMessages[locale].action.cancel}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="mt-1 text-red-800">
          {problem.message}
        </p>
      ) : null}
    </fieldset>
  );
}
