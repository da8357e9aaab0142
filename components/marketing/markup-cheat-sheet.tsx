import { PLACEHOLDER_HELP, PLACEHOLDERS } from "@/lib/content/blocks/placeholder-names";

/** The rich-text subset the body field accepts (lib/content/rich-text.ts), beside the field. */
const ROWS: Array<[string, string]> = [
  ["**bold**", "bold"],
  ["_emphasis_", "emphasis"],
  ["[text](https://…)", "link (https, http or mailto only)"],
  ["### Heading", "a small heading, on its own line"],
  ["- item", "bulleted list"],
  ["1. item", "numbered list"],
  ["empty line", "new paragraph"],
];

export function MarkupCheatSheet({ id }: { id: string }) {
  return (
    <aside
      id={id}
      aria-label="Text formatting"
      className="rounded bg-slate-100 p-2 text-xs text-slate-800"
    >
      <p className="mb-1 font-semibold">Formatting</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {ROWS.map(([markup, meaning]) => (
          <div key={markup} className="contents">
            <dt>
              <code>{markup}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">No HTML: anything else shows as plain text.</p>
      <p className="mt-2 mb-1 font-semibold">Filled in per customer</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5" data-testid="placeholder-help">
        {PLACEHOLDERS.map((name) => (
          <div key={name} className="contents">
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{PLACEHOLDER_HELP[name]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">
        A customer without a value (no campaign, no saving) does not see the text.
      </p>
    </aside>
  );
}
