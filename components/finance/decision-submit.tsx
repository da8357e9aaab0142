/**
 * The end of a finance decision form: its button, what refused it (a field's refusal points at the
 * fields above; anything else is said as it came), and — when a colleague decided first (409) — a
 * button to read the list again.
 */
export function DecisionSubmit({
  label,
  busy,
  problemText,
  problemTestId,
  conflict,
  reloadLabel,
  onReload,
}: {
  label: string;
  busy: boolean;
  problemText: string;
  problemTestId: string;
  conflict: boolean;
  reloadLabel: string;
  onReload: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {label}
      </button>
      <p role="alert" className="text-red-800" data-testid={problemTestId}>
        {problemText}
      </p>
      {conflict ? (
        <button
          type="button"
          onClick={onReload}
          className="rounded border border-slate-400 bg-white px-2 py-1"
        >
          {reloadLabel}
        </button>
      ) : null}
    </div>
  );
}
