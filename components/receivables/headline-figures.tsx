/** The dashboard's headline figures: one card per [key, label, value], in a responsive grid. */
export function HeadlineFigures({
  figures,
  wideColumns,
}: {
  figures: ReadonlyArray<readonly [key: string, label: string, value: string]>;
  /** Cards per row on a wide screen (the finance view has four, marketing's five). */
  wideColumns: 4 | 5;
}) {
  return (
    <dl
      className={`grid grid-cols-1 gap-2 sm:grid-cols-2 ${wideColumns === 4 ? "lg:grid-cols-4" : "lg:grid-cols-5"}`}
    >
      {figures.map(([key, label, value]) => (
        <div key={key} className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`receivables-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
