import { parseCalendarDate } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { paymentMethodName } from "@/lib/invoice-page/payments-made";
import { refundDestination } from "@/lib/invoice-page/timeline-text";
import type { LiveChange } from "@/lib/invoice-page/unseen-changes";
import { formatMoneyCompact } from "@/lib/money/money";

/**
 * The changes to an invoice a customer should be told about at the top of the page when they
 * happen while the page is open — a payment, a credit, a refund, more time — each one short
 * sentence with the amount, and for money going back where to and when ("36 kr har krediterats —
 * pengarna återbetalas till ditt kort inom 5–10 bankdagar"). Written on the server from the
 * timeline (the truth); the page shows those it had not seen when it was opened
 * (live-invoice-refresher.tsx). Nothing here is new information: each sentence says what the
 * timeline below already says.
 */
export type { LiveChange };

type TimelineEvent = Pick<InvoicePageData["events"][number], "id" | "type" | "data">;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How many of the latest changes a page carries: enough for any burst, never the whole history. */
const KEPT = 10;
/** How far after a credit a refund is taken as that credit's money going back. */
const REFUND_AFTER_CREDIT = 3;
/** Money that moved after a credit: a refund after it is that money's, not the credit's. */
const MONEY_IN = new Set(["PAYMENT_RECEIVED", "CREDITED", "COMPENSATION_CREDITED"]);

function read(data: unknown): Record<string, unknown> {
  return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
}

/** A calendar date in the event's data; null for anything else ("2026-02-30" included). */
function dateOf(data: Record<string, unknown>, field: string): Date | null {
  const value = data[field];
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  try {
    return parseCalendarDate(value);
  } catch {
    return null;
  }
}

function amountOf(data: Record<string, unknown>, field: string): number | null {
  const value = data[field];
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function refundText(event: TimelineEvent, locale: Locale, t: InvoiceMessages): string | null {
  const data = read(event.data);
  const amount = amountOf(data, "amountOre");
  if (amount === null) return null;
  const money = formatMoneyCompact(amount, { locale });
  const destination = refundDestination(data, t);
  // A refund the provider has paid out still takes the bank its days to reach the card or the
  // account: the customer is told where to and when, not only that it is done.
  if (data.status !== "PENDING") {
    return destination && data.status === "SUCCEEDED"
      ? t.live.refund(money, destination.to, destination.when)
      : t.live.refundDone(money);
  }
  return destination
    ? t.live.refund(money, destination.to, destination.when)
    : t.live.refundSomewhere(money);
}

export function liveChanges(
  events: readonly TimelineEvent[],
  locale: Locale,
  t: InvoiceMessages,
): LiveChange[] {
  const money = (ore: number) => formatMoneyCompact(ore, { locale });
  const changes: LiveChange[] = [];
  const absorbed = new Map<string, string>();
  events.forEach((event, index) => {
    const data = read(event.data);
    switch (event.type) {
      case "PAYMENT_RECEIVED": {
        const amount = amountOf(data, "amountOre");
        if (amount === null) return;
        const paid = t.live.paid(money(amount), paymentMethodName(data, t));
        const balance = data.balanceOre;
        const rest =
          typeof balance !== "number" || !Number.isSafeInteger(balance)
            ? null
            : balance > 0
              ? t.live.left(money(balance))
              : t.live.paidInFull;
        changes.push({ id: event.id, text: rest ? `${paid} — ${rest}` : paid });
        return;
      }
      case "CREDITED":
      case "COMPENSATION_CREDITED": {
        const amount = amountOf(data, "creditedOre");
        if (amount === null) return;
        const credited =
          event.type === "CREDITED"
            ? t.live.credited(money(amount))
            : t.live.compensation(money(amount));
        // The money of a credit on a paid invoice goes back in a refund booked right after it.
        const following = events.slice(index + 1, index + 1 + REFUND_AFTER_CREDIT);
        const moneyIn = following.findIndex((later) => MONEY_IN.has(later.type));
        const refund = (moneyIn === -1 ? following : following.slice(0, moneyIn)).find(
          (later) => later.type === "PAYMENT_REFUNDED" && !absorbed.has(later.id),
        );
        if (!refund) {
          changes.push({ id: event.id, text: credited });
          return;
        }
        const refundData = read(refund.data);
        const refunded = amountOf(refundData, "amountOre");
        const destination = refundDestination(refundData, t);
        // On its way (pending) or paid out by the provider: either way the bank's days are ahead.
        const underway = refundData.status === "PENDING" || refundData.status === "SUCCEEDED";
        const text =
          underway && destination && refunded === amount && event.type === "CREDITED"
            ? t.live.creditedRefund(money(amount), destination.to, destination.when)
            : `${credited} — ${refundText(refund, locale, t) ?? ""}`.replace(/ — $/, "");
        absorbed.set(refund.id, event.id);
        changes.push({ id: event.id, text });
        return;
      }
      case "PAYMENT_REFUNDED": {
        const text = refundText(event, locale, t);
        if (text) changes.push({ id: event.id, text, partOf: absorbed.get(event.id) });
        return;
      }
      case "REFUND_COMPLETED": {
        const amount = amountOf(data, "amountOre");
        if (amount !== null) changes.push({ id: event.id, text: t.live.refundDone(money(amount)) });
        return;
      }
      case "REFUND_FAILED": {
        const amount = amountOf(data, "amountOre");
        if (amount === null) return;
        const text =
          data.keptAsCredit === true
            ? t.live.refundKept(money(amount))
            : t.live.refundFailed(money(amount));
        changes.push({ id: event.id, text });
        return;
      }
      case "RESPITE_GRANTED": {
        const due = dateOf(data, "dueDate");
        if (due) changes.push({ id: event.id, text: t.live.respite(formatLongDate(due, locale)) });
        return;
      }
      case "FEE_WAIVED": {
        const amount = amountOf(data, "amountOre");
        if (amount !== null) changes.push({ id: event.id, text: t.live.feeWaived(money(amount)) });
        return;
      }
      case "PAYMENT_PLAN_AGREED":
        changes.push({ id: event.id, text: t.live.planAgreed });
        return;
    }
  });
  // Drop partOf references to credits that fell outside what is kept.
  const kept = changes.slice(-KEPT);
  const ids = new Set(kept.map((change) => change.id));
  return kept.map((change) =>
    change.partOf && !ids.has(change.partOf) ? { id: change.id, text: change.text } : change,
  );
}
