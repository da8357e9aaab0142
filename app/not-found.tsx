/**
 * The one page for every link that leads nowhere: unknown, malformed, revoked and foreign invoice
 * links look exactly alike. In Swedish and English together, because nothing here may say whose
 * link it was — not the biller's brand, nor the customer's language — and the visitor may read
 * either. Each part carries its own language, whatever the document's is.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16" data-testid="not-found">
      <h1 className="text-2xl font-bold">
        <span lang="sv" className="block">
          Sidan finns inte
        </span>{" "}
        <span lang="en" className="mt-1 block text-xl font-semibold text-slate-600">
          Page not found
        </span>
      </h1>
      <p lang="sv" className="mt-4 text-slate-700">
        Länken leder inte till någon sida. Om den kom från en faktura: kontrollera att hela länken
        kom med när du kopierade den, eller kontakta företaget som skickade fakturan.
      </p>
      <p lang="en" className="mt-4 text-slate-700">
        This link does not lead to a page. If it came from an invoice, check that the whole link was
        copied, or contact the company that sent it.
      </p>
    </main>
  );
}
