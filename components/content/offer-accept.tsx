"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { contentMessages } from "@/lib/i18n/content-messages";
import { type ContentLink, reportContentEvent } from "./content-tracking";

/**
 * Accepting an offer: the button opens a plain summary of what changes and from when; only the
 * confirmation accepts. The server records it once, however often it is confirmed.
 */
export function OfferAccept({
  link,
  blockId,
  locale,
  cta,
  planName,
  summary,
  accepted,
}: {
  link: ContentLink | null;
  blockId: string;
  locale: "sv" | "en";
  cta: string | undefined;
  planName: string;
  /** Texts already formatted by the server (money, dates). */
  summary: {
    fromPlan: string | null;
    effectiveFrom: string;
    newFee: string;
    /** What it means a year on the customer's usage, as a sentence ("… sparar du ca 1 150 kr …"). */
    yearly: string | null;
  };
  accepted: { effectiveFrom: string } | null;
}) {
  const t = contentMessages[locale];
  const router = useRouter();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  if (accepted) {
    return (
      <p role="status" className="font-semibold text-green-900" data-testid="offer-accepted">
        {t.accepted(planName, accepted.effectiveFrom)}
      </p>
    );
  }
  const confirm = async () => {
    if (!link) return;
    setState("busy");
    try {
      const response = await fetch(`/i/${link.token}/offers/${blockId}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ invoiceNumber: link.invoiceNumber }),
      });
      if (!response.ok) throw new Error(String(response.status));
      router.refresh();
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={!link}
        onClick={() => {
          if (!open && link) reportContentEvent(link, blockId, "CLICK");
          setOpen(!open);
        }}
        className="self-start rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {cta || t.switchTo(planName)}
      </button>
      {open ? (
        <div
          id={panelId}
          className="rounded border border-slate-300 bg-white p-3 text-sm"
          data-testid="offer-summary"
        >
          <h3 className="font-semibold">{t.summaryHeading}</h3>
          <p>{t.summary(summary.fromPlan, planName, summary.effectiveFrom)}</p>
          <p>{t.newFee(summary.newFee)}</p>
          {summary.yearly ? <p>{summary.yearly}</p> : null}
          <p>{t.unchanged}</p>
          {state === "failed" ? (
            <p role="alert" className="mt-1 text-red-800">
              {t.failed}
            </p>
          ) : null}
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              disabled={state === "busy"}
              onClick={() => void confirm()}
              className="rounded bg-green-800 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
            >
              {t.confirm}
            </button>
            <button
              type="button"
              onClick={() => setOpen(false)}
              className="rounded px-3 py-1.5 ring-1 ring-slate-400"
            >
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
