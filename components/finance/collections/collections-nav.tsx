import Link from "next/link";

const LINKS = [
  { href: "/finance/collections", label: "Policies" },
  { href: "/finance/collections/forecast", label: "Forecast" },
  { href: "/finance/collections/decisions", label: "Experiments" },
  { href: "/finance/collections/letters", label: "Letters to print" },
  { href: "/finance/collections/handovers", label: "Handovers" },
  { href: "/finance/collections/reference-rates", label: "Reference rates" },
] as const;

/** The collections console's own links, under the finance console's. */
export function CollectionsNav({ current }: { current: (typeof LINKS)[number]["href"] | null }) {
  return (
    <>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          Finance
        </Link>
        {current !== "/finance/collections" ? (
          <>
            {" · "}
            <Link href="/finance/collections" className="text-blue-800 underline">
              Collections
            </Link>
          </>
        ) : null}
      </p>
      <nav aria-label="Collections" className="mt-2 flex flex-wrap gap-4 text-sm">
        {LINKS.map((link) =>
          link.href === current ? (
            <span key={link.href} aria-current="page" className="font-semibold">
              {link.label}
            </span>
          ) : (
            <Link key={link.href} href={link.href} className="text-blue-800 underline">
              {link.label}
            </Link>
          ),
        )}
      </nav>
    </>
  );
}
