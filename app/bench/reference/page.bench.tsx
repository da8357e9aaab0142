export const dynamic = "force-dynamic";

const ROWS = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: (i + 1) * 1234 }));

/**
 * The benchmark's reference: a trivial dynamic page rendering a static table, measured in the
 * same run as the invoice page (npm run bench:invoice-page). Part of the benchmark's own build
 * only (NOTA_BENCH_BUILD=1, see next.config.ts): the production app has no such page.
 */
export default function BenchReferencePage() {
  return (
    <main>
      <h1>Reference</h1>
      <table>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.month}>
              <td>{row.month}</td>
              <td>{row.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
