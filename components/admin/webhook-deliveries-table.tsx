import { ActionButton } from "@/components/admin/action-button";
import { adminTime } from "@/components/admin/admin-time";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";
import type { DeliveryLogRow } from "@/lib/webhooks/endpoints";

/**
 * One endpoint's delivery log: each event sent to it, how it went and when it is tried next. A
 * delivery that is not pending can be sent once more (the receiver sees the same webhook-id).
 */
export function WebhookDeliveriesTable({
  deliveries,
  limit,
  locale,
}: {
  deliveries: DeliveryLogRow[];
  /** How many the log shows at most (the newest). */
  limit: number;
  locale: Locale;
}) {
  const t = adminMessages[locale].deliveries;
  if (deliveries.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-webhook-deliveries">
        {t.empty}
      </p>
    );
  }
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="p-2 text-left text-slate-700">{t.caption(limit)}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {t.event}
          </th>
          <th scope="col" className="p-2">
            {t.status}
          </th>
          <th scope="col" className="p-2">
            {t.attempts}
          </th>
          <th scope="col" className="p-2">
            {t.lastStatusCode}
          </th>
          <th scope="col" className="p-2">
            {t.lastError}
          </th>
          <th scope="col" className="p-2">
            {t.nextAttempt}
          </th>
          <th scope="col" className="p-2">
            {t.time}
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">{t.action}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <tr
            key={delivery.id}
            className="border-b border-slate-200 align-top"
            data-testid="webhook-delivery-row"
            data-delivery-id={delivery.id}
            data-status={delivery.status}
          >
            <th scope="row" className="p-2 font-normal">
              <span className="block font-mono">{delivery.eventType}</span>
              <span className="block font-mono text-xs text-slate-600 break-all">
                {delivery.eventId}
              </span>
            </th>
            <td className="p-2">{t.statuses[delivery.status]}</td>
            <td className="p-2">{delivery.attempts}</td>
            <td className="p-2">{delivery.lastStatusCode ?? "—"}</td>
            <td className="max-w-xs p-2 break-words">{delivery.lastError ?? "—"}</td>
            <td className="p-2 whitespace-nowrap">
              {delivery.status === "PENDING" ? adminTime(delivery.nextAttemptAt, t.soon) : "—"}
            </td>
            <td className="p-2 whitespace-nowrap">
              {adminTime(delivery.createdAt)}
              {delivery.lastAttemptAt ? (
                <span className="block text-xs text-slate-600">
                  {t.lastTry(adminTime(delivery.lastAttemptAt))}
                </span>
              ) : null}
            </td>
            <td className="p-2">
              {delivery.status === "PENDING" ? null : (
                <ActionButton
                  label={t.resend}
                  accessibleLabel={t.resendNamed(delivery.eventType, delivery.eventId)}
                  url={`/api/admin/webhook-deliveries/${delivery.id}/resend`}
                  done={t.resent}
                  locale={locale}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
