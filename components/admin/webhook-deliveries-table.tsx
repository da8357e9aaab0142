import { ActionButton } from "@/components/admin/action-button";
import { adminTime } from "@/components/admin/admin-time";
import type { DeliveryLogRow } from "@/lib/webhooks/endpoints";

const STATUS_LABELS: Record<DeliveryLogRow["status"], string> = {
  PENDING: "Pending",
  SUCCEEDED: "Delivered",
  FAILED: "Failed",
};

/**
 * One endpoint's delivery log: each event sent to it, how it went and when it is tried next. A
 * delivery that is not pending can be sent once more (the receiver sees the same webhook-id).
 */
export function WebhookDeliveriesTable({
  deliveries,
  limit,
}: {
  deliveries: DeliveryLogRow[];
  /** How many the log shows at most (the newest). */
  limit: number;
}) {
  if (deliveries.length === 0) {
    return (
      <p className="mt-2 text-slate-700" data-testid="no-webhook-deliveries">
        Nothing has been sent to this endpoint yet.
      </p>
    );
  }
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="p-2 text-left text-slate-700">
        The latest {limit} deliveries at most, newest first.
      </caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            Event
          </th>
          <th scope="col" className="p-2">
            Status
          </th>
          <th scope="col" className="p-2">
            Attempts
          </th>
          <th scope="col" className="p-2">
            Last status code
          </th>
          <th scope="col" className="p-2">
            Last error
          </th>
          <th scope="col" className="p-2">
            Next attempt
          </th>
          <th scope="col" className="p-2">
            Time
          </th>
          <th scope="col" className="p-2">
            <span className="sr-only">Action</span>
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
            <td className="p-2">{STATUS_LABELS[delivery.status]}</td>
            <td className="p-2">{delivery.attempts}</td>
            <td className="p-2">{delivery.lastStatusCode ?? "—"}</td>
            <td className="max-w-xs p-2 break-words">{delivery.lastError ?? "—"}</td>
            <td className="p-2 whitespace-nowrap">
              {delivery.status === "PENDING" ? adminTime(delivery.nextAttemptAt, "soon") : "—"}
            </td>
            <td className="p-2 whitespace-nowrap">
              {adminTime(delivery.createdAt)}
              {delivery.lastAttemptAt ? (
                <span className="block text-xs text-slate-600">
                  last try {adminTime(delivery.lastAttemptAt)}
                </span>
              ) : null}
            </td>
            <td className="p-2">
              {delivery.status === "PENDING" ? null : (
                <ActionButton
                  label="Resend"
                  accessibleLabel={`Resend ${delivery.eventType} ${delivery.eventId}`}
                  url={`/api/admin/webhook-deliveries/${delivery.id}/resend`}
                  done="Sent again."
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
