import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { adminTime } from "@/components/admin/admin-time";
import { ConfirmAction } from "@/components/admin/confirm-action";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";
import type { EndpointView } from "@/lib/webhooks/endpoints";

/**
 * The organisation's webhook endpoints: where events go, which ones, and whether the endpoint is
 * on. A disabled one (it answered 410 Gone) says why and can be turned back on. The signing
 * secret is never shown here.
 */
export function WebhookEndpointsTable({
  endpoints,
  locale,
}: {
  endpoints: EndpointView[];
  locale: Locale;
}) {
  const t = adminMessages[locale].webhooks;
  if (endpoints.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-webhook-endpoints">
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
            {t.endpoint}
          </th>
          <th scope="col" className="p-2">
            {t.events}
          </th>
          <th scope="col" className="p-2">
            {t.status}
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">{t.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr
            key={endpoint.id}
            className="border-b border-slate-200 align-top"
            data-testid="webhook-endpoint-row"
            data-endpoint-id={endpoint.id}
            data-enabled={endpoint.disabledAt ? "false" : "true"}
          >
            <th scope="row" className="p-2 font-normal">
              <span className="block font-mono break-all">{endpoint.url}</span>
              {endpoint.description ? (
                <span className="mt-1 block text-slate-700 break-words">
                  {endpoint.description}
                </span>
              ) : null}
              <span className="mt-1 block text-xs text-slate-600">
                {t.added(adminTime(endpoint.createdAt))}
              </span>
            </th>
            <td className="p-2">
              <ul className="font-mono text-xs">
                {endpoint.events.map((type) => (
                  <li key={type}>{type}</li>
                ))}
              </ul>
            </td>
            <td className="p-2">
              <EndpointStatus endpoint={endpoint} locale={locale} />
            </td>
            <td className="p-2">
              <div className="flex flex-col items-start gap-2">
                <Link
                  href={`/admin/webhooks/${endpoint.id}`}
                  className="text-blue-800 underline"
                  aria-label={t.deliveryLogOf(endpoint.url)}
                >
                  {t.deliveryLog}
                </Link>
                <EndpointSwitch endpoint={endpoint} locale={locale} />
                <ConfirmAction
                  label={t.delete}
                  accessibleLabel={t.deleteNamed(endpoint.url)}
                  question={t.deleteQuestion(endpoint.url)}
                  confirmLabel={t.deleteEndpoint}
                  locale={locale}
                  url={`/api/admin/webhook-endpoints/${endpoint.id}`}
                  method="DELETE"
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Enabled, or disabled since when and why. */
export function EndpointStatus({ endpoint, locale }: { endpoint: EndpointView; locale: Locale }) {
  const t = adminMessages[locale].webhooks;
  if (!endpoint.disabledAt)
    return <span className="font-semibold text-green-900">{t.enabled}</span>;
  return (
    <span className="block">
      <span className="font-semibold text-red-800">{t.disabled}</span> {t.since}{" "}
      {adminTime(endpoint.disabledAt)}
      {endpoint.disabledReason ? (
        <span className="block break-words text-slate-700">{endpoint.disabledReason}</span>
      ) : null}
    </span>
  );
}

/** A test event for an enabled endpoint; "Enable" for a disabled one. */
export function EndpointSwitch({ endpoint, locale }: { endpoint: EndpointView; locale: Locale }) {
  const t = adminMessages[locale].webhooks;
  return endpoint.disabledAt ? (
    <ActionButton
      key="enable"
      label={t.enable}
      accessibleLabel={t.enableNamed(endpoint.url)}
      url={`/api/admin/webhook-endpoints/${endpoint.id}/enable`}
      done={t.enableDone}
      locale={locale}
    />
  ) : (
    <ActionButton
      key="test"
      label={t.test}
      accessibleLabel={t.testNamed(endpoint.url)}
      url={`/api/admin/webhook-endpoints/${endpoint.id}/test`}
      done={t.testDone}
      locale={locale}
    />
  );
}
