"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";

export type ChangeOutcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string }
  | { kind: "stale"; message: string };

/**
 * What the agent reads when their change was refused as stale: who changed the invoice first and
 * what they did (the server reads it from the timeline), and that the newer state is shown.
 */
export function staleMessage(problem: Pick<ClientProblem, "details">, locale: Locale): string {
  const t = agentChangeMessages[locale].outcome;
  const { changedBy, change, currentVersion } = problem.details;
  const version = String(currentVersion ?? "?");
  if (typeof changedBy === "string" && typeof change === "string") {
    const who = changedBy.charAt(0).toUpperCase() + changedBy.slice(1);
    return t.stale(who, change, version);
  }
  return t.staleUnknown(version);
}

/**
 * Sends one change to the invoice with the version the agent based it on: the version shown when
 * they started filling the form in, not whatever arrived live since. A stale version (a colleague
 * or a payment changed the invoice first) is refused by the server; the page then shows the newer
 * state and the agent decides again.
 */
export function useInvoiceChange(invoiceId: string, version: number, locale: Locale) {
  const t = agentChangeMessages[locale].outcome;
  const router = useRouter();
  const [outcome, setOutcome] = useState<ChangeOutcome>({ kind: "idle" });
  const basedOn = useRef<number | null>(null);
  /** Call when the agent starts on the form: the change is based on what they see now. */
  const touch = () => {
    basedOn.current ??= version;
  };
  /** Shows why the server refused; a stale version also brings the newer state in. */
  const refused = (problem: ClientProblem) => {
    if (problem.code === "STALE_VERSION") {
      setOutcome({ kind: "stale", message: staleMessage(problem, locale) });
      router.refresh();
      return;
    }
    setOutcome({
      kind: "error",
      message: problem.code === "NETWORK" ? t.unreachable : problem.message,
    });
  };
  const submit = async <T extends { version: number }>(
    body: Record<string, unknown>,
    doneMessage: string | ((answer: T) => string),
  ): Promise<boolean> => {
    const expectedVersion = basedOn.current ?? version;
    basedOn.current = null;
    setOutcome({ kind: "busy" });
    try {
      const answer = await requestJson<T>(
        `/api/agent/invoices/${invoiceId}/changes`,
        { method: "POST", body: { ...body, expectedVersion } },
        t.notMade,
      );
      if (answer.ok) {
        const message = typeof doneMessage === "function" ? doneMessage(answer.body) : doneMessage;
        setOutcome({ kind: "done", message });
        router.refresh();
        return true;
      }
      refused(answer.problem);
      return false;
    } catch {
      setOutcome({ kind: "error", message: t.unreachable });
      return false;
    }
  };
  /**
   * Asks the server what the change would do (the same body, the same version), writing nothing:
   * the answer, or null after showing why it would be refused.
   */
  const check = async <T,>(path: string, body: Record<string, unknown>): Promise<T | null> => {
    const expectedVersion = basedOn.current ?? version;
    setOutcome({ kind: "busy" });
    try {
      const answer = await requestJson<T>(
        `/api/agent/invoices/${invoiceId}/${path}`,
        { method: "POST", body: { ...body, expectedVersion } },
        t.cannotBeMade,
      );
      if (answer.ok) {
        setOutcome({ kind: "idle" });
        return answer.body;
      }
      if (answer.problem.code === "STALE_VERSION") basedOn.current = null;
      refused(answer.problem);
      return null;
    } catch {
      setOutcome({ kind: "error", message: t.unreachable });
      return null;
    }
  };
  const changedMeanwhile = basedOn.current !== null && basedOn.current !== version;
  return { outcome, submit, check, setOutcome, touch, changedMeanwhile };
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
export function ChangedMeanwhile({ show, locale }: { show: boolean; locale: Locale }) {
  if (!show) return null;
  return (
    <p
      role="status"
      className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="changed-meanwhile"
    >
      {agentChangeMessages[locale].outcome.changedMeanwhile}
    </p>
  );
}
