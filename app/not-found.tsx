export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-4 text-slate-700">
        This link does not lead to a page. If it came from an invoice, check that the whole link was
        copied, or contact the company that sent it.
      </p>
    </main>
  );
}
