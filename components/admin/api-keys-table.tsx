import { adminTime } from "@/components/admin/admin-time";
import { ConfirmAction } from "@/components/admin/confirm-action";
import type { ApiKeyView } from "@/lib/api/api-keys";

/**
 * The organisation's API keys: what each is called and may do, and when it was last used. A key
 * itself is never shown here (it is kept only as a hash): its prefix tells keys apart.
 */
export function ApiKeysTable({ keys }: { keys: ApiKeyView[] }) {
  if (keys.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-api-keys">
        No API keys yet.
      </p>
    );
  }
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="sr-only">API keys, active first</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            Name
          </th>
          <th scope="col" className="p-2">
            Mode
          </th>
          <th scope="col" className="p-2">
            Key
          </th>
          <th scope="col" className="p-2">
            Scopes
          </th>
          <th scope="col" className="p-2">
            Created
          </th>
          <th scope="col" className="p-2">
            Last used
          </th>
          <th scope="col" className="p-2">
            Status
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">Action</span>
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
            <td className="p-2">{key.mode === "LIVE" ? "live" : "test"}</td>
            <td className="p-2 font-mono whitespace-nowrap">
              {key.prefix}
              <span aria-hidden="true">…</span>
              <span className="sr-only"> (the rest is not shown)</span>
            </td>
            <td className="p-2">
              <ul className="font-mono text-xs">
                {key.scopes.map((scope) => (
                  <li key={scope}>{scope}</li>
                ))}
              </ul>
            </td>
            <td className="p-2 whitespace-nowrap">{adminTime(key.createdAt)}</td>
            <td className="p-2 whitespace-nowrap">{adminTime(key.lastUsedAt, "never")}</td>
            <td className="p-2 whitespace-nowrap">
              {key.revokedAt ? `Revoked ${adminTime(key.revokedAt)}` : "Active"}
            </td>
            <td className="p-2">
              {key.revokedAt ? null : (
                <ConfirmAction
                  label="Revoke"
                  accessibleLabel={`Revoke ${key.name}`}
                  question={`Revoke the key “${key.name}” (${key.prefix}…)? Every request made with it is refused from now on; this cannot be undone.`}
                  confirmLabel="Revoke key"
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
