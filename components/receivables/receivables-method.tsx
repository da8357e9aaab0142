/** How the dashboard's figures are made, in words, and how fresh they are. */

import type { Locale } from "@/lib/db/generated/client";
import { receivablesMessages } from "@/lib/i18n/staff/finance/receivables";

const STOCKHOLM_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

export function RefreshedAt({ at, locale }: { at: Date | null; locale: Locale }) {
  const t = receivablesMessages[locale];
  return (
    <span data-testid="receivables-refreshed-at">
      {at ? t.refreshedAt(STOCKHOLM_TIME.format(at)) : t.notComputed}
    </span>
  );
}

export function ReceivablesMethod({ withMoney, locale }: { withMoney: boolean; locale: Locale }) {
  const t = receivablesMessages[locale].method;
  return (
    <details className="rounded-lg bg-white p-4 text-sm shadow-sm">
      <summary className="cursor-pointer font-semibold">{t.summary}</summary>
      <ul className="mt-2 flex max-w-3xl list-disc flex-col gap-1 pl-5">
        <li>{t.period}</li>
        {withMoney ? (
          <>
            <li>{t.onTime}</li>
            <li>{t.median}</li>
            <li>{t.dso}</li>
            <li>{t.fees}</li>
          </>
        ) : null}
        <li>{t.reminder}</li>
        <li>{t.support}</li>
        <li>{t.churn}</li>
        <li>{t.experiments}</li>
        <li>{t.presummed}</li>
      </ul>
    </details>
  );
}
