import { PLACEHOLDERS } from "@/lib/content/blocks/placeholder-names";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import type { Locale } from "@/lib/db/generated/client";

/** The rich-text subset the body field accepts (lib/content/rich-text.ts), beside the field. */
export function MarkupCheatSheet({ id, locale }: { id: string; locale: Locale }) {
  const t = blockEditorMessages[locale].markup;
  return (
    // Not a landmark: one stands beside each variant's text, and the field names it as its help.
    <div id={id} className="rounded bg-slate-100 p-2 text-xs text-slate-800">
      <p className="mb-1 font-semibold">{t.heading}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {t.rows.map(([markup, meaning]) => (
          <div key={markup} className="contents">
            <dt>
              <code>{markup}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">{t.noHtml}</p>
      <p className="mt-2 mb-1 font-semibold">{t.placeholders}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5" data-testid="placeholder-help">
        {PLACEHOLDERS.map((name) => (
          <div key={name} className="contents">
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{t.placeholderHelp[name]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">{t.noValue}</p>
    </div>
  );
}
