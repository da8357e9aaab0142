"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { requestJson } from "@/components/ui/problem";
import { type ContentBlockInput, contentBlockInputSchema } from "@/lib/content/blocks/block-input";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { FactName } from "@/lib/content/targeting/catalogue";
import type { Locale } from "@/lib/db/generated/client";
import { AudienceSize } from "./audience-size";
import { BlockBasicsFields } from "./block-basics-fields";
import {
  type BlockDraft,
  type BlockKind,
  draftFromInput,
  draftToInput,
  newBlockDraft,
} from "./block-draft";
import { BlockPreviewPanel } from "./block-preview-panel";
import { BlockStatusActions } from "./block-status-actions";
import { type FormIssue, FormIssues, issuesByPath, issuesUnder } from "./form-issues";
import { KindSettingsFields, type OfferPlan } from "./kind-settings-fields";
import { TargetingEditor } from "./targeting-editor";
import { VariantsEditor } from "./variants-editor";

export interface BlockEditorProps {
  /** Absent for a new block. */
  block?: { id: string; status: "DRAFT" | "PUBLISHED" | "ARCHIVED"; input: ContentBlockInput };
  kind: BlockKind;
  plans: OfferPlan[];
  suggestions: Partial<Record<FactName, readonly string[]>>;
  locale: Locale;
}

/**
 * The one editor for a content block, new or stored. The form state is converted to the shared
 * input schema on every change: the same JSON is checked here (for hints while typing), sent to
 * the preview, and saved — where the server parses it with the very same schema.
 */
export function BlockEditor({ block, kind, plans, suggestions, locale }: BlockEditorProps) {
  const t = blockEditorMessages[locale];
  const router = useRouter();
  const initial = useMemo(
    () => (block ? draftFromInput(block.input) : newBlockDraft(kind)),
    [block, kind],
  );
  const [draft, setDraft] = useState<BlockDraft>(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(draftToInput(initial)));
  const [serverError, setServerError] = useState<{ message: string; issues: FormIssue[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const input = draftToInput(draft);
  const check = contentBlockInputSchema.safeParse(input);
  const hints: FormIssue[] = check.success
    ? []
    : check.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
  // A new, empty form is not yet wrong: field messages appear after the first save attempt.
  const [showHints, setShowHints] = useState(block !== undefined);
  const byPath = showHints ? issuesByPath(hints) : {};
  const isDirty = JSON.stringify(input) !== saved;
  const update = (changes: Partial<BlockDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setNotice(null);
  };

  async function save() {
    setShowHints(true);
    setBusy(true);
    const result = block
      ? await requestJson<{ id: string }>(`/api/marketing/blocks/${block.id}`, {
          method: "PUT",
          body: input,
        })
      : await requestJson<{ id: string }>("/api/marketing/blocks", { method: "POST", body: input });
    setBusy(false);
    if (!result.ok) {
      setServerError({ message: result.problem.message, issues: result.problem.issues });
      return;
    }
    setServerError(null);
    setSaved(JSON.stringify(input));
    if (!block) {
      router.push(`/marketing/blocks/${result.body.id}`);
      return;
    }
    setNotice(block.status === "PUBLISHED" ? t.editor.savedLive : t.editor.saved);
    router.refresh();
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form
        aria-label={block ? t.editor.editForm(block.input.name) : t.editor.newForm}
        className="flex min-w-0 flex-col gap-5 rounded-lg bg-white p-4 shadow-sm"
        data-testid="block-editor"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="text-sm text-slate-700">
          {t.editor.kind}
          <strong>{t.kinds[draft.kind]}</strong>
        </p>
        <BlockBasicsFields draft={draft} issues={byPath} locale={locale} onChange={update} />
        <KindSettingsFields
          kind={draft.kind}
          settings={draft.settings}
          plans={plans}
          issues={issuesUnder(byPath, "settings")}
          locale={locale}
          onChange={(settings) => update({ settings })}
        />
        <TargetingEditor
          rule={draft.targeting}
          suggestions={suggestions}
          error={byPath.targeting}
          locale={locale}
          onChange={(targeting) => update({ targeting })}
        />
        <AudienceSize rule={draft.targeting} locale={locale} />
        <VariantsEditor
          variants={draft.variants}
          issues={issuesUnder(byPath, "variants")}
          locale={locale}
          onChange={(variants) => update({ variants })}
        />
        <div className="sticky bottom-0 flex flex-col gap-3 border-t border-slate-200 bg-white pt-3">
          {serverError && serverError.issues.length > 0 ? (
            <FormIssues title={t.editor.notSavedFix} issues={serverError.issues} />
          ) : null}
          {serverError && serverError.issues.length === 0 ? (
            <p
              role="alert"
              className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            >
              {t.editor.notSaved}
              {serverError.message}
            </p>
          ) : null}
          {!serverError && hints.length > 0 ? (
            <details className="text-sm text-slate-800" data-testid="editor-hints">
              <summary className="cursor-pointer">{t.editor.hints(hints.length)}</summary>
              <ul className="mt-1 list-disc pl-5">
                {hints.map((hint) => (
                  <li key={`${hint.path}:${hint.message}`}>
                    <code>{hint.path || t.editor.blockPath}</code>: {hint.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={busy || (block !== undefined && !isDirty)}
              className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
            >
              {block ? t.editor.saveChanges : t.editor.createDraft}
            </button>
            {notice ? (
              <span role="status" className="text-sm text-green-800">
                {notice}
              </span>
            ) : null}
            {block && isDirty ? (
              <span className="text-sm text-slate-700">{t.editor.unsaved}</span>
            ) : null}
          </div>
          {block ? (
            <BlockStatusActions
              blockId={block.id}
              status={block.status}
              hasUnsavedChanges={isDirty}
              locale={locale}
            />
          ) : null}
        </div>
      </form>
      <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
        <BlockPreviewPanel input={input} blockId={block?.id} locale={locale} />
      </div>
    </div>
  );
}
