"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import { contentSettingsSchema } from "@/lib/content/blocks/content-settings";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";

/** How many marketing blocks one invoice shows at most (1–10); checked with the server's schema. */
export function ContentSettingsForm({
  maxContentBlocksPerInvoice,
  locale,
}: {
  maxContentBlocksPerInvoice: number;
  locale: Locale;
}) {
  const t = blockEditorMessages[locale].contentSettings;
  const router = useRouter();
  const [value, setValue] = useState(String(maxContentBlocksPerInvoice));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-label={t.form}
      className="flex flex-wrap items-end gap-3"
      data-testid="content-settings"
      onSubmit={async (event) => {
        event.preventDefault();
        const input = { maxContentBlocksPerInvoice: Number(value) };
        const check = contentSettingsSchema.safeParse(input);
        if (!check.success) {
          setMessage({ ok: false, text: check.error.issues[0]?.message ?? t.checkNumber });
          return;
        }
        const result = await requestJson("/api/marketing/settings", { method: "PUT", body: input });
        setMessage(
          result.ok ? { ok: true, text: t.saved } : { ok: false, text: result.problem.message },
        );
        if (result.ok) router.refresh();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        {t.max}
        <input
          type="number"
          min={1}
          max={10}
          required
          className="w-24 rounded border border-slate-400 px-2 py-1"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
      </label>
      <button
        type="submit"
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white"
      >
        {t.save}
      </button>
      {message ? (
        <span
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}
        >
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
