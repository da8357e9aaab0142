import type { Locale } from "@/lib/db/generated/client";
import { formatTimestamp } from "@/lib/i18n/format-date";
import type { InvoiceMessages } from "@/lib/i18n/invoice-messages";
import type { InvoicePageData } from "@/lib/invoice-page/load-invoice-page";
import { timelineEventText } from "@/lib/invoice-page/timeline-text";
import {
  nextSteps,
  nextStepText,
  pendingRefunds,
  sentStepKindOf,
} from "@/lib/invoice-page/what-happens-next";

/** The fee a reminder's timeline entry says it charged (0 when it says nothing readable). */
function reminderFeeOf(data: unknown): number {
  const fee = (data as { feeOre?: unknown } | null)?.feeOre;
  return typeof fee === "number" && Number.isSafeInteger(fee) && fee > 0 ? fee : 0;
}

/** What has happened to the invoice (customer-visible events only) and what happens next. */
export function InvoiceTimeline({
  data,
  locale,
  t,
  today,
  hrefFor = () => null,
}: {
  data: InvoicePageData;
  locale: Locale;
  t: InvoiceMessages;
  today: Date;
  /** The page of another of the customer's documents (the credit note an event issued). */
  hrefFor?: (number: number) => string | null;
}) {
  const steps = nextSteps({
    kind: data.invoice.kind,
    displayStatus: data.invoice.displayStatus,
    dueDate: data.invoice.dueDate,
    today,
    amountDueOre: data.amountDueOre,
    customerCreditOre: data.customerCreditOre,
    collection: data.collection,
    remindersSent: data.events
      .filter((e) => e.type === "REMINDER_SENT")
      .map((e) => ({
        sentOn: e.occurredAt,
        feeOre: reminderFeeOf(e.data),
        step: sentStepKindOf(e.data),
      })),
    refundsPending: pendingRefunds(data.events),
  });
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="timeline-heading" className="text-xl font-semibold">
        {t.next.heading}
      </h2>
      <ul className="mt-2 space-y-1" data-testid="next-steps">
        {steps.map((step) => {
          const text = nextStepText(step, locale, t);
          // Two refunds on their way are two entries of one kind: the text tells them apart.
          return (
            <li key={`${step.kind}:${text}`} data-next-step={step.kind}>
              {text}
            </li>
          );
        })}
      </ul>
      <h3 className="mt-5 font-semibold">{t.timeline.heading}</h3>
      <ol className="mt-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
        {data.events.map((event) => (
          <li key={event.id} className="relative pb-3" data-event-type={event.type}>
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-slate-500"
            />
            <time
              className="block text-xs text-slate-700"
              dateTime={event.occurredAt.toISOString()}
            >
              {formatTimestamp(event.occurredAt, locale)}
            </time>
            <span>{timelineEventText(event, locale, t)}</span>
            <CreditNoteLink event={event} t={t} hrefFor={hrefFor} />
            {event.customerText ? (
              <p className="text-sm text-slate-800">{event.customerText}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A credit's timeline entry leads to its credit note, a document of its own. */
function CreditNoteLink({
  event,
  t,
  hrefFor,
}: {
  event: InvoicePageData["events"][number];
  t: InvoiceMessages;
  hrefFor: (number: number) => string | null;
}) {
  if (event.type !== "CREDITED" && event.type !== "COMPENSATION_CREDITED") return null;
  const number = (event.data as { creditNoteNumber?: unknown } | null)?.creditNoteNumber;
  if (typeof number !== "number" || !Number.isSafeInteger(number)) return null;
  const href = hrefFor(number);
  if (!href) return null;
  return (
    <a
      href={href}
      className="ml-2 text-sm text-blue-800 underline underline-offset-2"
      data-testid="timeline-credit-note"
    >
      {t.timeline.showCreditNote(number)}
    </a>
  );
}
