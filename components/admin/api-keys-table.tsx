import { adminTime } from "@/components/admin/admin-time";
import { ConfirmAction } from "@/components/admin/confirm-action";
import type { ApiKeyView } from "@/lib/api/api-keys";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

/**
 * The organisation's API keys: what each is called and may do, and when it was last used. A key
 * itself is never shown here (it is kept only as a hash): its prefix tells keys apart.
 */
export function ApiKeysTable({ keys, locale }: { keys: ApiKeyView[]; locale: Locale }) {
  const t = adminMessages[locale].apiKeys;
  if (keys.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-api-keys">
        {t.empty}
      </p>
    );
  }
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="sr-only">{t.caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {t.name}
          </th>
          <th scope="col" className="p-2">
            {t.mode}
          </th>
          <th scope="col" className="p-2">
            {t.key}
          </th>
          <th scope="col" className="p-2">
            {t.scopesColumn}
          </th>
          <th scope="col" className="p-2">
            {t.created}
          </th>
          <th scope="col" className="p-2">
            {t.lastUsed}
          </th>
          <th scope="col" className="p-2">
            {t.status}
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">{t.action}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr
            key={key.id}
            className={`border-b border-slate-200 align-top ${key.revokedAt ? "text-slate-500" : ""}`}
            data-testid="api-key-row"
            data-key-id={key.id}
            data-revoked={key.revokedAt ? "true" : "false"}
          >
            <th scope="row" className="p-2 font-medium break-words">
              {key.name}
            </th>
            <td className="p-2">{key.mode === "LIVE" ? t.modeLive : t.modeTest}</td>
            <td className="p-2 font-mono whitespace-nowrap">
              {key.prefix}
              <span aria-hidden="true">…</span>
              <span className="sr-only">{t.restHidden}</span>
            </td>
            <td className="p-2">
              <ul className="font-mono text-xs">
                {key.scopes.map((scope) => (
                  <li key={scope}>{scope}</li>
                ))}
              </ul>
            </td>
            <td className="p-2 whitespace-nowrap">{adminTime(key.createdAt)}</td>
            <td className="p-2 whitespace-nowrap">{adminTime(key.lastUsedAt, t.never)}</td>
            <td className="p-2 whitespace-nowrap">
              {key.revokedAt ? t.revoked(adminTime(key.revokedAt)) : t.active}
            </td>
            <td className="p-2">
              {key.revokedAt ? null : (
                <ConfirmAction
                  label={t.revoke}
                  accessibleLabel={t.revokeNamed(key.name)}
                  question={t.revokeQuestion(key.name, key.prefix)}
                  confirmLabel={t.revokeKey}
                  locale={locale}
                  url={`/api/admin/api-keys/${key.id}`}
                  method="DELETE"
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
