import type { InvoiceCollection } from "@/lib/collections/invoice-collection";
import { offerParts } from "@/lib/collections/payment-plans";
import { respiteWindow } from "@/lib/collections/self-service";
import { formatCalendarDate } from "@/lib/dates/calendar-date";

/**
 * What the customer may choose themselves on their invoice page, as the page's client panel takes
 * it (plain data): the days they may move the due date to, and for each number of parts the plan
 * they would agree to — the same offerParts the server agrees with, from the same amount, fee and
 * day, so what the page shows is what accepting it makes.
 */
export interface RespiteOffer {
  /** The earliest and latest day to choose ("YYYY-MM-DD"). */
  from: string;
  until: string;
}

export interface PlanOffer {
  maxParts: number;
  feeOre: number;
  /** For each number of parts, 2..maxParts, the parts as offerParts makes them today. */
  options: Array<{
    parts: number;
    items: Array<{ position: number; dueDate: string; amountOre: number }>;
  }>;
}

export function collectionChoices(options: {
  collection: Pick<InvoiceCollection, "respiteUntil" | "paymentPlanOffer"> | null;
  amountDueOre: number;
  dueDate: Date | null;
  today: Date;
}): { respite: RespiteOffer | null; plan: PlanOffer | null } {
  const { collection, dueDate, today } = options;
  if (!collection || !dueDate || options.amountDueOre <= 0) return { respite: null, plan: null };
  const window = collection.respiteUntil
    ? respiteWindow({ dueDate, today, respiteUntil: collection.respiteUntil })
    : null;
  const offer = collection.paymentPlanOffer;
  return {
    respite:
      window && window.from <= window.until
        ? { from: formatCalendarDate(window.from), until: formatCalendarDate(window.until) }
        : null,
    plan:
      offer && offer.maxParts >= 2
        ? {
            maxParts: offer.maxParts,
            feeOre: offer.feeOre,
            options: Array.from({ length: offer.maxParts - 1 }, (_, index) => {
              const parts = index + 2;
              return {
                parts,
                items: offerParts({
                  totalOre: options.amountDueOre + offer.feeOre,
                  parts,
                  today,
                  dueDate,
                }).map((part) => ({
                  position: part.position,
                  dueDate: formatCalendarDate(part.dueDate),
                  amountOre: part.amountOre,
                })),
              };
            }),
          }
        : null,
  };
}
