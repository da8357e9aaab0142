import type { Locale } from "@/lib/db/generated/client";

// Neutral on purpose: a link expires by its own date or by the organisation's days after the
// invoice was settled, and the page must not tell its holder which (that would say the invoice
// is paid or credited) — nor anything else about the invoice.
const TEXTS = {
  sv: {
    heading: "Länken har gått ut",
    body: "Den här länken gäller inte längre. Vi kan skicka en ny länk till den e-postadress vi har till dig.",
    button: "Skicka en ny länk",
    sent: "Om vi har en e-postadress till dig är en ny länk på väg dit.",
    otherLanguage: "In English",
  },
  en: {
    heading: "This link has expired",
    body: "This link no longer works. We can send a new link to the email address we have for you.",
    button: "Send me a new link",
    sent: "If we have an email address for you, a new link is on its way there.",
    otherLanguage: "På svenska",
  },
} as const;

/**
 * What an expired link shows: that it expired, and a way to get a fresh one by mail to the
 * address on file — nothing about the invoice. A plain form, so it works without script.
 */
export function ExpiredLink({
  token,
  locale,
  sent,
}: {
  token: string;
  locale: Locale;
  sent: boolean;
}) {
  const t = TEXTS[locale];
  const other = locale === "sv" ? "en" : "sv";
  return (
    <main className="mx-auto max-w-xl px-4 py-16" lang={locale} data-testid="expired-link">
      <p className="text-right text-sm">
        {/* The language switch looks nothing up: it remembers the choice and comes back here. */}
        <a
          className="underline"
          href={`/i/${token}/language/${other}`}
          lang={other}
          hrefLang={other}
        >
          {t.otherLanguage}
        </a>
      </p>
      <h1 className="text-2xl font-bold">{t.heading}</h1>
      <p className="mt-4 text-slate-700">{t.body}</p>
      {sent ? (
        <p role="status" className="mt-6 font-semibold" data-testid="fresh-link-sent">
          {t.sent}
        </p>
      ) : (
        <form method="post" action={`/i/${token}/new-link`} className="mt-6">
          <button
            type="submit"
            className="rounded-lg bg-slate-900 px-5 py-3 font-semibold text-white"
          >
            {t.button}
          </button>
        </form>
      )}
    </main>
  );
}
