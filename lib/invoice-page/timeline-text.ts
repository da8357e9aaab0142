import { chargesText } from "@/lib/collections/charge-words";
import type { FeeKind } from "@/lib/collections/engine";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { paymentMethodName } from "@/lib/invoice-page/payments-made";
import { formatMoney } from "@/lib/money/money";

type TimelineEvent = Pick<InvoicePageData["events"][number], "type" | "data">;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FEE_KINDS: readonly FeeKind[] = [
  "reminder-fee",
  "late-payment-compensation",
  "collection-fee",
];

/** A text keyed by a value of the event's data, only from the table's own keys. */
function own<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Where a refund goes and when it is there ("till ditt kort", "inom 5–10 bankdagar"), by the way
 * the customer paid as its event records it (`to`); undefined for a refund recorded without it.
 */
/** A calendar date from event data, or null for anything else — "2026-02-30" included. */
function realDate(value: unknown): Date | null {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  try {
    return parseCalendarDate(value);
  } catch {
    return null;
  }
}

export function refundDestination(
  data: unknown,
  t: InvoiceMessages,
): { to: string; when: string } | undefined {
  const to = data && typeof data === "object" ? (data as { to?: unknown }).to : undefined;
  return own(t.timeline.refundTo, to);
}

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
    const day = realDate(data[field]);
    return day ? formatLongDate(day, locale) : null;
  };
  const label = t.timeline.events[event.type] ?? event.type;
  switch (event.type) {
    case "PAYMENT_RECEIVED": {
      const amount = money("amountOre");
      if (!amount) return label;
      const method = paymentMethodName(data, t);
      return method ? t.timeline.paymentWith(amount, method) : t.timeline.payment(amount);
    }
    case "PAYMENT_REFUNDED": {
      const amount = money("amountOre");
      if (!amount) return label;
      if (data.status !== "PENDING") return t.timeline.refunded(amount);
      const destination = refundDestination(data, t);
      return destination
        ? t.timeline.refundPendingTo(amount, destination.to, destination.when)
        : t.timeline.refundPending(amount);
    }
    case "REFUND_COMPLETED": {
      const amount = money("amountOre");
      return amount ? t.timeline.refundCompleted(amount) : label;
    }
    case "REFUND_FAILED": {
      const amount = money("amountOre");
      if (!amount) return label;
      // Finance kept a payment back as credit (the account unknown, or the customer asked).
      return data.keptAsCredit === true
        ? t.timeline.refundKept(amount)
        : t.timeline.refundFailed(amount);
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
    case "REMINDER_SENT": {
      const sent = own(t.timeline.stepSent, data.step);
      if (!sent) return label;
      const count = (field: string) => {
        const value = data[field];
        return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : 0;
      };
      const day = (field: string) => realDate(data[field]);
      const feeKind = FEE_KINDS.find((kind) => kind === data.feeKind) ?? null;
      const charges = {
        feeOre: feeKind ? count("feeOre") : 0,
        feeKind,
        interestOre: count("interestOre"),
        interestFrom: day("interestFrom"),
        interestThrough: day("interestThrough"),
        interestRateBasisPoints: count("interestRateBasisPoints") || null,
      };
      const charged =
        charges.feeOre > 0 ||
        (charges.interestOre > 0 && charges.interestFrom && charges.interestThrough);
      const payBy = date("payBy");
      return [
        sent,
        charged ? chargesText(charges, locale) : t.timeline.noCharge,
        payBy ? t.timeline.payByDate(payBy) : null,
      ]
        .filter((part) => part !== null)
        .join(" ");
    }
    case "PAYMENT_PLAN_AGREED": {
      const parts = Array.isArray(data.parts) ? data.parts.length : 0;
      if (parts < 2) return label;
      const fee = typeof data.feeOre === "number" && data.feeOre > 0 ? money("feeOre") : null;
      return t.timeline.planAgreed(parts, fee);
    }
    case "PAYMENT_PLAN_ENDED":
      return own(t.timeline.planEnded, data.status) ?? label;
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
