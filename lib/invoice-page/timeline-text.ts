import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatMoney } from "@/lib/money/money";

type TimelineEvent = Pick<InvoicePageData["events"][number], "type" | "data">;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The line the customer's timeline shows for a customer-visible event: a default text per type,
 * with the amount or date the event carries. An agent's own words (customerText) are shown below
 * it, never instead, so the customer always sees what changed. Event data is read defensively:
 * a field that is missing or of the wrong type falls back to the plain label.
 */
export function timelineEventText(
  event: TimelineEvent,
  locale: Locale,
  t: InvoiceMessages,
): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const money = (field: string) => {
    const value = data[field];
    return typeof value === "number" ? formatMoney(value, { locale }) : null;
  };
  const date = (field: string) => {
    const value = data[field];
    return typeof value === "string" && ISO_DATE.test(value)
      ? formatLongDate(parseCalendarDate(value), locale)
      : null;
  };
  const label = t.timeline.events[event.type] ?? event.type;
  switch (event.type) {
    case "PAYMENT_RECEIVED": {
      const amount = money("amountOre");
      return amount ? t.timeline.payment(amount) : label;
    }
    case "PAYMENT_REFUNDED": {
      const amount = money("amountOre");
      if (!amount) return label;
      return data.status === "PENDING"
        ? t.timeline.refundPending(amount)
        : t.timeline.refunded(amount);
    }
    case "REFUND_COMPLETED": {
      const amount = money("amountOre");
      return amount ? t.timeline.refundCompleted(amount) : label;
    }
    case "REFUND_FAILED": {
      const amount = money("amountOre");
      return amount ? t.timeline.refundFailed(amount) : label;
    }
    case "CREDITED": {
      // A full credit says just that; a partial one says how much it took off.
      const amount = typeof data.mode === "string" ? money("creditedOre") : null;
      return amount ? t.timeline.creditedAmount(amount) : label;
    }
    case "COMPENSATION_CREDITED": {
      const amount = money("creditedOre");
      return amount ? t.timeline.compensation(amount) : label;
    }
    case "RESPITE_GRANTED": {
      const dueDate = date("dueDate");
      return dueDate ? t.timeline.respite(dueDate) : label;
    }
    case "FEE_WAIVED": {
      const amount = money("amountOre");
      return amount ? t.timeline.feeWaived(amount) : label;
    }
    case "OFFER_ACCEPTED": {
      const from = date("effectiveFrom");
      return typeof data.planName === "string" && from
        ? t.timeline.offerAccepted(data.planName, from)
        : label;
    }
    default:
      return label;
  }
}
