"use client";

import type { Locale } from "@/lib/db/generated/client";
import { agentChangeMessages } from "@/lib/i18n/staff/agent/changes";

/** The two texts every change asks for: the internal reason and what the customer reads. */
export function ChangeTexts({ idPrefix, locale }: { idPrefix: string; locale: Locale }) {
  const t = agentChangeMessages[locale].texts;
  return (
    <>
      <label className="flex flex-col gap-1 text-sm" htmlFor={`${idPrefix}-reason`}>
        {t.reason}
        <input
          id={`${idPrefix}-reason`}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm" htmlFor={`${idPrefix}-customer-text`}>
        {t.customerText}
        <input
          id={`${idPrefix}-customer-text`}
          name="customerText"
          maxLength={500}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
    </>
  );
}

export function changeTexts(form: FormData) {
  const customerText = String(form.get("customerText") ?? "").trim();
  return { reason: String(form.get("reason") ?? ""), customerText: customerText || undefined };
}
