"use client";

import { useState } from "react";
import { contentMessages } from "@/lib/i18n/content-messages";
import type { ContentLink } from "./content-tracking";

/** A one-question survey (NPS 0–10 or CSAT 1–5): one press answers, once per invoice. */
export function SurveyQuestion({
  link,
  blockId,
  locale,
  question,
  scale,
  min,
  max,
  answer,
}: {
  link: ContentLink | null;
  blockId: string;
  locale: "sv" | "en";
  question: string;
  scale: "NPS" | "CSAT";
  min: number;
  max: number;
  answer: number | null;
}) {
  const t = contentMessages[locale];
  const [answered, setAnswered] = useState<number | null>(answer);
  const [failed, setFailed] = useState(false);
  if (answered !== null) {
    return (
      <p role="status" className="font-semibold" data-testid="survey-thanks">
        {t.surveyThanks}
      </p>
    );
  }
  const send = async (score: number) => {
    if (!link) return;
    try {
      const response = await fetch(`/i/${link.token}/surveys/${blockId}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ score, invoiceNumber: link.invoiceNumber }),
      });
      if (!response.ok) throw new Error(String(response.status));
      setAnswered(score);
    } catch {
      setFailed(true);
    }
  };
  const scores = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <fieldset>
      <legend className="sr-only">{question}</legend>
      <div className="flex flex-wrap gap-1">
        {scores.map((score) => (
          <button
            key={score}
            type="button"
            aria-label={t.scoreLabel(score)}
            disabled={!link}
            onClick={() => void send(score)}
            className="min-w-9 rounded px-2 py-1.5 text-sm font-semibold ring-1 ring-slate-400 hover:bg-slate-100"
          >
            {score}
          </button>
        ))}
      </div>
      <p className="mt-1 flex justify-between text-xs text-slate-700">
        <span>{t.surveyLow[scale]}</span>
        <span>{t.surveyHigh[scale]}</span>
      </p>
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t.failed}
        </p>
      ) : null}
    </fieldset>
  );
}
