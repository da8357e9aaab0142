"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { requestJson } from "@/components/ui/problem";

export type ChangeOutcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string }
  | { kind: "stale"; message: string };

/**
 * Sends one change to the invoice with the version the agent based it on: the version shown when
 * they started filling the form in, not whatever arrived live since. A stale version (a colleague
 * or a payment changed the invoice first) is refused by the server; the page then shows the newer
 * state and the agent decides again.
 */
export function useInvoiceChange(invoiceId: string, version: number) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<ChangeOutcome>({ kind: "idle" });
  const basedOn = useRef<number | null>(null);
  /** Call when the agent starts on the form: the change is based on what they see now. */
  const touch = () => {
    basedOn.current ??= version;
  };
  const submit = async (body: Record<string, unknown>, doneMessage: string): Promise<boolean> => {
    const expectedVersion = basedOn.current ?? version;
    basedOn.current = null;
    setOutcome({ kind: "busy" });
    try {
      const answer = await requestJson<{ version: number }>(
        `/api/agent/invoices/${invoiceId}/changes`,
        { method: "POST", body: { ...body, expectedVersion } },
        "The change was not made.",
      );
      if (answer.ok) {
        setOutcome({ kind: "done", message: doneMessage });
        router.refresh();
        return true;
      }
      if (answer.problem.code === "STALE_VERSION") {
        setOutcome({
          kind: "stale",
          message: `Someone changed this invoice first (it is now at version ${String(
            answer.problem.details.currentVersion ?? "?",
          )}). The newest state is shown; check it and try again.`,
        });
        router.refresh();
        return false;
      }
      setOutcome({
        kind: "error",
        message:
          answer.problem.code === "NETWORK"
            ? "Could not reach the server; nothing was changed."
            : answer.problem.message,
      });
      return false;
    } catch {
      setOutcome({ kind: "error", message: "Could not reach the server; nothing was changed." });
      return false;
    }
  };
  const changedMeanwhile = basedOn.current !== null && basedOn.current !== version;
  return { outcome, submit, setOutcome, touch, changedMeanwhile };
}

export function OutcomeMessage({ outcome }: { outcome: ChangeOutcome }) {
  if (outcome.kind === "idle" || outcome.kind === "busy") return null;
  const style =
    outcome.kind === "done"
      ? "bg-green-50 text-green-900"
      : outcome.kind === "stale"
        ? "bg-amber-50 text-amber-950"
        : "bg-red-50 text-red-900";
  return (
    <p
      role={outcome.kind === "done" ? "status" : "alert"}
      className={`rounded px-3 py-2 text-sm ${style}`}
      data-testid={`change-${outcome.kind}`}
    >
      {outcome.message}
    </p>
  );
}

/** Warns, before sending, that the invoice changed after the agent started on the form. */
export function ChangedMeanwhile({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p
      role="status"
      className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="changed-meanwhile"
    >
      The invoice changed while you were filling this in. Sending it will be refused; look at the
      new state first.
    </p>
  );
}
