"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { shellMessages } from "@/lib/i18n/staff/shell";

/**
 * The staff member's console language: Swedish, English, or the organisation's (the default).
 * Saved on their account, so it follows them to any browser; the page re-renders in it at once.
 */
export function LanguageSetting({
  locale,
  ownLocale,
  organizationLocale,
}: {
  locale: Locale;
  ownLocale: Locale | null;
  organizationLocale: Locale;
}) {
  const t = shellMessages[locale].language;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <label className="flex items-center gap-1 text-sm text-slate-700">
      {t.label}
      <select
        value={ownLocale ?? "organization"}
        disabled={busy}
        data-testid="staff-language"
        className="rounded border border-slate-300 bg-white px-1 py-0.5"
        onChange={async (event) => {
          const value = event.target.value;
          setBusy(true);
          setFailed(false);
          const answer = await requestJson("/api/staff/language", {
            method: "POST",
            body: { locale: value === "organization" ? null : value },
          });
          setBusy(false);
          if (!answer.ok) return setFailed(true);
          router.refresh();
        }}
      >
        <option value="organization">{t.followOrganization(t.names[organizationLocale])}</option>
        <option value="sv">{t.names.sv}</option>
        <option value="en">{t.names.en}</option>
      </select>
      {failed ? (
        <span role="alert" className="text-red-800">
          {t.failed}
        </span>
      ) : null}
    </label>
  );
}
