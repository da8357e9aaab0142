import { todayInSweden } from "@/lib/dates/calendar-date";
import type { Locale } from "@/lib/db/generated/client";
import { formatLongDate } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { formatMoney } from "@/lib/money/money";

/**
 * The payments of an invoice as its timeline records them (PAYMENT_RECEIVED, customer-visible):
 * when, how much and how. Event data is read defensively; a payment without a readable amount is
 * left out rather than guessed.
 */
export interface PaymentMade {
  /** The day in Sweden it was received (a calendar date). */
  on: Date;
  amountOre: number;
  /** How it was paid, in the customer's words ("kort", "Swish", "bankgiro"); null if unknown. */
  method: string | null;
}

type EventLike = Pick<InvoicePageData["events"][number], "type" | "data" | "occurredAt">;

function field(data: unknown, name: string): unknown {
  return data && typeof data === "object" ? (data as Record<string, unknown>)[name] : undefined;
}

/**
 * "kort", "Swish", "bankgiro", "banköverföring"; a demo payment names the instrument the customer
 * chose ("kort (demo)") — no money moved, and the page says so.
 */
export function paymentMethodName(data: unknown, t: InvoiceMessages): string | null {
  const method = field(data, "method");
  const instrument = field(data, "instrument");
  const named = (key: unknown) =>
    typeof key === "string" && Object.hasOwn(t.timeline.methods, key)
      ? t.timeline.methods[key]!
      : null;
  if (method === "demo") {
    const shown = named(instrument);
    return shown ? t.timeline.demoMethod(shown) : null;
  }
  return named(method);
}

export function paymentsMade(events: readonly EventLike[], t: InvoiceMessages): PaymentMade[] {
  return events.flatMap((event) => {
    if (event.type !== "PAYMENT_RECEIVED") return [];
    const amountOre = field(event.data, "amountOre");
    if (typeof amountOre !== "number" || !Number.isSafeInteger(amountOre) || amountOre <= 0)
      return [];
    return [
      { on: todayInSweden(event.occurredAt), amountOre, method: paymentMethodName(event.data, t) },
    ];
  });
}

/** "kort", "kort och Swish": the ways used, each once, in the order first used. */
function methodsText(payments: readonly PaymentMade[], t: InvoiceMessages): string | null {
  const methods = [...new Set(payments.map((p) => p.method).filter((m) => m !== null))];
  if (methods.length === 0) return null;
  if (methods.length === 1) return methods[0]!;
  return `${methods.slice(0, -1).join(", ")} ${t.settled.and} ${methods.at(-1)}`;
}

/**
 * What the header of an invoice with nothing left to pay says instead of a large "0,00 kr": what
 * was paid, when and how; that it was credited; or that the customer has money to get back.
 * Null while something is left to pay (the header shows the amount then).
 */
export function settledSummary(
  data: Pick<
    InvoicePageData,
    "amountDueOre" | "customerCreditOre" | "ledger" | "events" | "invoice"
  >,
  locale: Locale,
  t: InvoiceMessages,
): { heading: string; text: string; credit: string | null } | null {
  if (data.invoice.kind !== "INVOICE" || data.amountDueOre > 0) return null;
  const money = (ore: number) => formatMoney(ore, { locale });
  const credit =
    data.customerCreditOre > 0 ? t.settled.credit(money(data.customerCreditOre)) : null;
  const paidOre = data.ledger.paidOre - data.ledger.refundedOre;
  if (data.invoice.displayStatus === "credited" && paidOre <= 0) {
    return { heading: t.settled.creditedHeading, text: t.settled.credited, credit };
  }
  if (paidOre <= 0) return { heading: t.nothingToPay, text: t.settled.nothing, credit };
  const payments = paymentsMade(data.events, t);
  const last = payments.at(-1);
  const methods = methodsText(payments, t);
  const text = !last
    ? t.settled.paidUndated(money(paidOre))
    : payments.length === 1
      ? t.settled.paid(money(paidOre), formatLongDate(last.on, locale), methods)
      : t.settled.paidInParts(
          money(paidOre),
          payments.length,
          formatLongDate(last.on, locale),
          methods,
        );
  return { heading: t.settled.paidHeading, text, credit };
}
