"use client";

import { useState } from "react";

/** Copies a payment reference; the only script the payment details need. */
export function CopyButton({
  value,
  label,
  copiedText,
  text,
}: {
  value: string;
  label: string;
  copiedText: string;
  text: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="no-print ml-2 rounded border border-slate-400 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100"
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      <span aria-live="polite">{copied ? copiedText : text}</span>
    </button>
  );
}
