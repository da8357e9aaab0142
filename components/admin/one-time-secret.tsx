"use client";

import { useEffect, useId, useRef } from "react";
import { CopyButton } from "@/components/invoice/copy-button";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

/**
 * A secret the server hands over once (an API key, a webhook signing secret): shown with a copy
 * button and a plain warning that it cannot be shown again. It lives only in this component's
 * state; reloading the page or "Done" drops it for good.
 */
export function OneTimeSecret({
  heading,
  label,
  value,
  copyLabel,
  note,
  onDone,
  testId,
  locale,
}: {
  heading: string;
  /** The field's label ("API key"). */
  label: string;
  value: string;
  /** The copy button's name for screen readers ("Copy the API key"). */
  copyLabel: string;
  /** What to do with it, after the warning. */
  note: string;
  onDone: () => void;
  testId: string;
  locale: Locale;
}) {
  const t = adminMessages[locale].secret;
  const headingId = useId();
  const fieldId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  // Where the admin's attention must go: focus moves to the notice when it appears.
  useEffect(() => title.current?.focus(), []);
  return (
    <section
      aria-labelledby={headingId}
      className="mt-4 max-w-3xl rounded border-2 border-amber-500 bg-amber-50 p-4"
      data-testid={testId}
    >
      <h2 id={headingId} ref={title} tabIndex={-1} className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-1 font-semibold text-amber-950">{t.warning}</p>
      <p className="mt-1 text-sm text-slate-800">{note}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor={fieldId} className="text-sm font-medium">
          {label}
        </label>
        <input
          id={fieldId}
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
        />
        <CopyButton value={value} label={copyLabel} text={t.copy} copiedText={t.copied} />
      </div>
      <button
        type="button"
        onClick={onDone}
        className="mt-3 rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
      >
        {t.done}
      </button>
    </section>
  );
}
