"use client";

import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";
import type { BlockDraft, Slot } from "./block-draft";

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";

function Issue({ message }: { message?: string }) {
  return message ? <span className="text-xs text-red-700">{message}</span> : null;
}

/** Name, placement, priority, dates and frequency cap. */
export function BlockBasicsFields({
  draft,
  issues,
  locale,
  onChange,
}: {
  draft: BlockDraft;
  issues: Record<string, string>;
  locale: Locale;
  onChange: (changes: Partial<BlockDraft>) => void;
}) {
  const t = blockEditorMessages[locale];
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <label className="flex flex-col gap-1 text-sm md:col-span-2">
        {t.basics.name}
        <input
          className={INPUT}
          value={draft.name}
          maxLength={120}
          required
          onChange={(event) => onChange({ name: event.currentTarget.value })}
        />
        <Issue message={issues.name} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.basics.slot}
        <select
          className={INPUT}
          value={draft.slot}
          onChange={(event) => onChange({ slot: event.currentTarget.value as Slot })}
        >
          {Object.entries(t.slots).map(([slot, label]) => (
            <option key={slot} value={slot}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.basics.priority}
        <input
          type="number"
          min={0}
          max={1000}
          className={INPUT}
          value={Number.isFinite(draft.priority) ? draft.priority : ""}
          onChange={(event) => onChange({ priority: Number(event.currentTarget.value) })}
        />
        <Issue message={issues.priority} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.basics.startsAt}
        <input
          type="datetime-local"
          className={INPUT}
          value={draft.startsAt}
          onChange={(event) => onChange({ startsAt: event.currentTarget.value })}
        />
        <Issue message={issues.startsAt} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.basics.endsAt}
        <input
          type="datetime-local"
          className={INPUT}
          value={draft.endsAt}
          onChange={(event) => onChange({ endsAt: event.currentTarget.value })}
        />
        <Issue message={issues.endsAt} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.basics.frequencyCap}
        <input
          type="number"
          min={1}
          max={1000}
          className={INPUT}
          value={draft.frequencyCap}
          onChange={(event) => onChange({ frequencyCap: event.currentTarget.value })}
        />
        <Issue message={issues.frequencyCap} />
      </label>
    </div>
  );
}
