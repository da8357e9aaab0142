import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">Nota</h1>
      <p className="mt-4 text-lg text-slate-700">
        The invoice as a personal web page: what you used, what you got for the money, offers that
        fit, payment, and support right on the invoice.
      </p>
      <p className="mt-4 text-slate-700">
        Customers open their invoice through the private link they received. Staff sign in to the
        agent, marketing and admin consoles.
      </p>
      <p className="mt-8">
        <Link
          href="/signin"
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Staff sign-in
        </Link>
      </p>
    </main>
  );
}
