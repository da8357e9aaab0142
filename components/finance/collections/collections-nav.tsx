import Link from "next/link";
import type { Locale } from "@/lib/db/generated/client";
import { collectionsMessages } from "@/lib/i18n/staff/finance/collections";

const LINKS = [
  "/finance/collections",
  "/finance/collections/forecast",
  "/finance/collections/decisions",
  "/finance/collections/letters",
  "/finance/collections/handovers",
  "/finance/collections/reference-rates",
] as const;

/** The collections console's own links, under the finance console's. */
export function CollectionsNav({
  current,
  locale,
}: {
  current: (typeof LINKS)[number] | null;
  locale: Locale;
}) {
  const t = collectionsMessages[locale].nav;
  return (
    <>
      <p className="text-sm">
        <Link href="/finance" className="text-blue-800 underline">
          {t.finance}
        </Link>
        {current !== "/finance/collections" ? (
          <>
            {" · "}
            <Link href="/finance/collections" className="text-blue-800 underline">
              {t.collections}
            </Link>
          </>
        ) : null}
      </p>
      <nav aria-label={t.label} className="mt-2 flex flex-wrap gap-4 text-sm">
        {LINKS.map((href) =>
          href === current ? (
            <span key={href} aria-current="page" className="font-semibold">
              {t.links[href]}
            </span>
          ) : (
            <Link key={href} href={href} className="text-blue-800 underline">
              {t.links[href]}
            </Link>
          ),
        )}
      </nav>
    </>
  );
}
